import { strict as assert } from 'node:assert';
import { measuredFindings } from '../../../src/insight/findings';
import { summarize } from '../../../src/insight/summary';
import { applyEdits } from '../../../src/lint/edits';
import { plantedDockerfile, plantedImage } from './planted';

describe('insight/findings', () => {
  it('reports each planted problem on the instruction that caused it, with bytes, paths and layer', async () => {
    const { analysis, link } = await plantedImage();
    assert.equal(link.matched, true);
    const findings = measuredFindings(summarize(analysis), link, { dockerfileText: plantedDockerfile, largeFileBytes: 150_000 });
    assert.deepEqual(findings.map((f) => [f.code, f.level, f.range.start.line, f.layer, f.bytes, f.paths]), [
      ['LS2004', 'warning', 1, 0, 5021, ['/srv/.git']],
      ['LS2003', 'error', 1, 0, 1700, ['/srv/config/deploy-key.pem']],
      ['LS2004', 'warning', 1, 0, 300, ['/srv/node_modules']],
      ['LS2003', 'error', 1, 0, 30, ['/srv/.env']],
      ['LS2005', 'info', 2, 1, 200_000, ['/usr/bin/curl']],
      ['LS2001', 'warning', 2, 1, 120_000, ['/var/cache/apt']],
      ['LS2001', 'warning', 2, 1, 40_000, ['/var/lib/apt/lists']],
      ['LS2001', 'warning', 2, 1, 5000, ['/root/.cache/pip']],
      ['LS2002', 'warning', 3, 2, 3_000_000, ['/tmp/big']],
      ['LS2002', 'warning', 4, 3, 3_000_000, ['/tmp/big']],
    ]);
    const [lists] = findings.filter((f) => f.paths?.[0] === '/var/lib/apt/lists');
    assert.match(lists.message, /^40 kB of apt package lists \(\/var\/lib\/apt\/lists\) stay in this layer/);
    assert.deepEqual(lists.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 45 } });
    assert.equal(applyEdits(plantedDockerfile, lists.fixes![0].edits).split('\n')[2],
      'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
    const merge = findings.find((f) => f.code === 'LS2002' && f.range.start.line === 3)!;
    assert.match(merge.message, /3 MB written here are deleted or overwritten by line 5 \(RUN\): \/tmp\/big \(3 MB\)/);
    assert.equal(applyEdits(plantedDockerfile, merge.fixes![0].edits).split('\n').slice(3, 5).join('\n'),
      'RUN dd if=/dev/zero of=/tmp/big bs=1000 count=3000 \\\n    && rm /tmp/big');
    const git = findings.find((f) => f.paths?.[0] === '/srv/.git')!;
    assert.deepEqual(git.fixes![0], {
      title: "Add '.git' to .dockerignore", file: '.dockerignore',
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '.git\n' }],
    });
    const secret = findings.find((f) => f.paths?.[0] === '/srv/.env')!;
    assert.match(secret.message, /Deleting it later does not remove it from the image/);
  });

  it('adds to an existing .dockerignore, and not what it already lists', async () => {
    const { analysis, link } = await plantedImage();
    const findings = measuredFindings(summarize(analysis), link, { dockerfileText: plantedDockerfile, dockerignoreText: 'node_modules\n*.log' });
    const git = findings.find((f) => f.paths?.[0] === '/srv/.git')!;
    assert.deepEqual(git.fixes![0].edits[0], { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, newText: '\n.git\n' });
    assert.equal(findings.find((f) => f.paths?.[0] === '/srv/node_modules')!.fixes, undefined);
  });

  it('reports nothing for an image that is not linked, and places ranges by line without the text', async () => {
    const { analysis, link } = await plantedImage();
    assert.deepEqual(measuredFindings(summarize(analysis), { ...link, matched: false }), []);
    const noText = measuredFindings(summarize(analysis), link);
    assert.ok(noText.length >= 9 && noText.every((f) => f.fixes === undefined || f.fixes.every((x) => x.file === '.dockerignore')));
    assert.deepEqual(noText.find((f) => f.code === 'LS2001')!.range.start, { line: 2, character: 0 });
  });
});
