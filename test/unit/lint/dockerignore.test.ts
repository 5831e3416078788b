import { strict as assert } from 'node:assert';
import { cleanPath, isIgnored, parseDockerignore } from '../../../src/lint/dockerignore';

const ign = (patterns: string, path: string) => isIgnored(parseDockerignore(patterns), path);

describe('dockerignore matching', () => {
  it('matches plain names, and everything under a matched directory', () => {
    assert.equal(ign('node_modules', 'node_modules/x/y.js'), true);
    assert.equal(ign('node_modules', 'src/node_modules'), false);
    assert.equal(ign('/build/', 'build/out'), true);
  });
  it('* stays within a segment, ? is one char, classes work', () => {
    assert.equal(ign('*.md', 'README.md'), true);
    assert.equal(ign('*.md', 'docs/README.md'), false);
    assert.equal(ign('*/*.md', 'docs/README.md'), true);
    assert.equal(ign('file?.txt', 'file1.txt'), true);
    assert.equal(ign('file?.txt', 'file10.txt'), false);
    assert.equal(ign('v[0-9]', 'v7'), true);
    assert.equal(ign('v[!0-9]', 'v7'), false);
  });
  it('** matches any number of directories, including none', () => {
    assert.equal(ign('**/*.log', 'a.log'), true);
    assert.equal(ign('**/*.log', 'x/y/z.log'), true);
    assert.equal(ign('a/**/b', 'a/b'), true);
    assert.equal(ign('a/**/b', 'a/x/y/b'), true);
    assert.equal(ign('a/**', 'a/q'), true);
  });
  it('! re-includes, and the last matching pattern wins', () => {
    assert.equal(ign('*.log\n!keep.log', 'keep.log'), false);
    assert.equal(ign('!keep.log\n*.log', 'keep.log'), true);
    assert.equal(ign('docs\n!docs/api', 'docs/api/index.html'), false);
    assert.equal(ign('docs\n!docs/api', 'docs/guide.md'), true);
  });
  it('ignores comments and blank lines; cleans paths', () => {
    assert.equal(ign('# secrets\n\n', 'secrets'), false);
    assert.equal(cleanPath('./a//b/../c/'), 'a/c');
    assert.equal(ign('a/c', './a/b/../c'), true);
  });
  it('escaped wildcard characters are literal', () => {
    assert.equal(ign('\\*.txt', '*.txt'), true);
    assert.equal(ign('\\*.txt', 'a.txt'), false);
  });
});
