import { strict as assert } from 'node:assert';
import { findings, lines } from './helpers';

describe('pragmas: hadolint comments', () => {
  it('drops a whole ignore pragma that names something which is no rule code', () => {
    assert.deepEqual(lines(findings('DL3020', ['FROM a:1', '# hadolint ignore=bogus,DL3020', 'ADD x y'])), [3]);
    assert.deepEqual(lines(findings('DL3020', ['FROM a:1', '# hadolint ignore=DL3020', 'ADD x y'])), []);
  });
  it('accepts spaces around commas and a trailing comment', () => {
    assert.deepEqual(findings('DL3020', ['FROM a:1', '# hadolint ignore=DL3045 , DL3020  # legacy layout', 'ADD x y']), []);
    assert.deepEqual(findings('DL3007', ['# hadolint global ignore = DL3007 # tags come later', 'FROM a:latest']), []);
  });
  it('stage ignore covers the rest of the stage and not the next one', () => {
    const text = ['FROM a:1', '# hadolint stage ignore=DL3020', 'ADD x y', 'ADD x z', 'FROM b:1', 'ADD x y'];
    assert.deepEqual(lines(findings('DL3020', text)), [6]);
  });
  it('stage ignore right above a FROM covers that stage', () => {
    const text = ['FROM a:1', 'ADD x y', '# hadolint stage ignore=DL3020', 'FROM b:1', 'ADD x y', 'FROM c:1', 'ADD x y'];
    assert.deepEqual(lines(findings('DL3020', text)), [2, 7]);
  });
});

describe('pragmas: BuildKit check directive', () => {
  it('is found after leading blank lines and comments', () => {
    assert.deepEqual(findings('StageNameCasing', ['', '# Build the app', '', '# check=skip=StageNameCasing', 'FROM a:1 AS Build']), []);
  });
  it('is not read after the first instruction', () => {
    assert.deepEqual(lines(findings('StageNameCasing', ['FROM a:1 AS Build', '# check=skip=StageNameCasing'])), [1]);
  });
  it('only the first check directive counts', () => {
    assert.deepEqual(lines(findings('StageNameCasing', ['# check=skip=DL3007', '# check=skip=StageNameCasing', 'FROM a:1 AS Build'])), [3]);
  });
});

describe('pragmas: BUILDKIT_DOCKERFILE_CHECK build argument', () => {
  it('replaces the file directive, both ways', () => {
    const text = ['# check=skip=all', 'FROM a:1 AS Build'];
    assert.deepEqual(lines(findings('StageNameCasing', text, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=FromAsCasing' } })), [2]);
    assert.deepEqual(findings('StageNameCasing', ['# check=error=true', 'FROM a:1 AS Build'], { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } }), []);
  });
  it('error=true raises the remaining checks to errors', () => {
    const fs = findings('StageNameCasing', ['FROM a:1 AS Build'], { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } });
    assert.deepEqual(fs.map((f) => f.level), ['error']);
  });
});
