// A lone carriage return: BuildKit keeps it inside the line, the editor starts a new line there.
// The linter parses BuildKit's way and hands back positions (findings and fix edits) in the editor's.
import { strict as assert } from 'node:assert';
import { lintDockerfile } from '../../../src/lint/index';
import { applyEdits } from '../../../src/lint/edits';
import { fixAll } from '../../../src/lint/fixAll';
import { asBuildkitReads, hasLoneCr, lineStarts, PositionMap } from '../../../src/lint/lineModel';

describe('line models: BuildKit (\\n only) and the editor (\\n, \\r\\n, lone \\r)', () => {
  const text = 'ab\rcd\nef\r\ngh';
  it('counts line starts each way', () => {
    assert.deepEqual(lineStarts(text, 'buildkit'), [0, 6, 10]);
    assert.deepEqual(lineStarts(text, 'editor'), [0, 3, 6, 10]);
    assert.equal(hasLoneCr(text), true);
    assert.equal(hasLoneCr('x\r\ny\n'), false);
  });
  it('maps positions both ways through the shared offset', () => {
    const map = new PositionMap(text);
    assert.deepEqual(map.toEditor({ line: 0, character: 4 }), { line: 1, character: 1 });
    assert.deepEqual(map.toEditor({ line: 0, character: 2 }), { line: 0, character: 2 });
    assert.deepEqual(map.toEditor({ line: 1, character: 1 }), { line: 2, character: 1 });
    assert.deepEqual(map.toBuildkit({ line: 1, character: 1 }), { line: 0, character: 4 });
    assert.deepEqual(map.toBuildkit({ line: 3, character: 2 }), { line: 2, character: 2 });
  });
  it('clamps a position past a \\r\\n line end before the break', () => {
    const map = new PositionMap(text);
    assert.deepEqual(map.toEditor({ line: 1, character: 99 }), { line: 2, character: 2 });
  });
  it('is the identity without a lone \\r', () => {
    const map = new PositionMap('a\r\nb\n');
    assert.equal(map.identity, true);
    const p = { line: 7, character: 3 };
    assert.equal(map.toEditor(p), p);
  });
  it('reads a lone \\r as whitespace, keeping every offset', () => {
    assert.equal(asBuildkitReads('ENV a\rb\r\n'), 'ENV a b\r\n');
  });
});

describe('lint: a lone \\r is not a line break', () => {
  it('a lone \\r inside a comment keeps what follows in the comment, as BuildKit reads it', () => {
    const fs = lintDockerfile('# base image\rFROM node:20 AS Web\nRUN echo hi\n');
    assert.equal(fs.some((f) => f.code === 'StageNameCasing'), false);
    const order = fs.find((f) => f.code === 'DL3061');
    assert.ok(order, 'the RUN is the first instruction BuildKit sees');
    assert.equal(order.range.start.line, 2, 'reported on the editor line of the RUN');
  });
  it('findings after a lone \\r land on the editor line, and their fix edits apply there', () => {
    const text = 'FROM debian:12\n# first\rsecond\nFROM scratch as out\n';
    const f = lintDockerfile(text).find((x) => x.code === 'FromAsCasing');
    assert.ok(f);
    assert.deepEqual(f.range, { start: { line: 3, character: 13 }, end: { line: 3, character: 15 } });
    assert.equal(applyEdits(text, f.fixes![0].edits), 'FROM debian:12\n# first\rsecond\nFROM scratch AS out\n');
  });
  it('a fix whose edit spans the lone \\r replaces exactly the words BuildKit saw', () => {
    const text = 'FROM scratch\nENV greeting\rhello\nLABEL keep=1\n';
    const f = lintDockerfile(text).find((x) => x.code === 'LegacyKeyValueFormat');
    assert.ok(f);
    assert.deepEqual(f.range.start, { line: 1, character: 4 });
    assert.equal(applyEdits(text, f.fixes![0].edits), 'FROM scratch\nENV greeting=hello\nLABEL keep=1\n');
  });
  it('fix-all over such a file converges and leaves the lone \\r where no fix touched', () => {
    const text = 'from debian:12 as base\n# a\rb\nfrom base as out\nMAINTAINER me\n';
    const { text: fixed } = fixAll(text, (t) => lintDockerfile(t));
    assert.match(fixed, /# a\rb\n/);
    assert.match(fixed, /from debian:12 as base\n/);
    assert.doesNotMatch(fixed, /MAINTAINER/);
  });
});
