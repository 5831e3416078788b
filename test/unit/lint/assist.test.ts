// Our completion and hover additions (pragmas, rule codes, RUN flags, --mount keys, FROM stage names).
import { strict as assert } from 'node:assert';
import { assistCompletions, assistHover } from '../../../src/lint/assist';
import { rules } from '../../../src/lint/registry';

const metas = rules.map((r) => r.meta);
/** Completions at the `|` in `text`. */
function at(text: string) {
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  const before = clean.slice(0, offset).split('\n');
  return assistCompletions(clean, { line: before.length - 1, character: before[before.length - 1].length }, metas);
}
const labels = (text: string) => at(text)?.map((i) => i.label);

describe('lint/assist: completion', () => {
  it('offers our pragmas at the start of a comment, replacing what was typed', () => {
    const items = at('FROM alpine\n# had|')!;
    assert.deepEqual(items.map((i) => i.label).slice(0, 3), ['hadolint ignore=', 'hadolint global ignore=', 'hadolint stage ignore=']);
    assert.deepEqual(items[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
    assert.ok(!items.find((i) => i.label === 'check=skip='), 'only what continues the typed text');
    assert.equal(items[0].retrigger, true);
    assert.ok(labels('FROM alpine\n# |')!.includes('check=skip='));
  });

  it('offers rule codes with their titles after ignore=, leaving out codes already listed', () => {
    const items = at('# hadolint ignore=DL3008,DL30|\nRUN x')!;
    const dl3015 = items.find((i) => i.label === 'DL3015')!;
    assert.equal(dl3015.detail, 'Use --no-install-recommends with apt-get install');
    assert.deepEqual(dl3015.range.start, { line: 0, character: 25 });
    assert.ok(!items.some((i) => i.label === 'DL3008'));
    assert.ok(items.some((i) => i.label === 'StageNameCasing'));
  });

  it('offers BuildKit check names after check=skip=', () => {
    const names = labels('# check=skip=|')!;
    assert.ok(names.includes('StageNameCasing'));
    assert.ok(names.includes('WorkdirRelativePath'), 'a DL rule by its BuildKit name');
    assert.ok(!names.some((n) => /^DL\d/.test(n)));
  });

  it('offers RUN flags, --mount keys and values', () => {
    assert.deepEqual(labels('FROM alpine\nRUN --|'), ['--mount=', '--network=', '--security=']);
    const keys = labels('FROM alpine\nRUN --mount=type=cache,|')!;
    assert.ok(keys.includes('target=') && keys.includes('sharing=') && !keys.includes('type='));
    assert.deepEqual(labels('FROM alpine\nRUN --mount=ty|'), ['type=', 'target=', 'source=', 'from=', 'id=', 'sharing=', 'mode=', 'uid=', 'gid=', 'readonly', 'rw', 'required', 'env=', 'size=']);
    assert.deepEqual(labels('FROM alpine\nRUN --mount=type=|'), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    assert.deepEqual(labels('FROM alpine\nRUN --mount=type=cache,target=/root/.cache --network=|'), ['default', 'none', 'host']);
  });

  it('offers the stages declared above after FROM', () => {
    assert.deepEqual(labels('FROM golang:1.22 AS build\nFROM alpine as Test\nFROM b|'), ['build', 'Test']);
    assert.deepEqual(labels('FROM |\nFROM alpine AS later'), []);
  });

  it('leaves everything else to the language service', () => {
    assert.equal(at('FROM alpine\nRUN echo |'), undefined);
    assert.equal(at('FROM alpine\nCOPY --from=|'), undefined);
    assert.equal(at('FROM alpine\n# a note about the next step|'), undefined);
  });
});

describe('lint/assist: hover', () => {
  it("shows a rule code's title inside a pragma, also for a BuildKit alias", () => {
    const text = '# hadolint ignore=DL3008,WorkdirRelativePath\nFROM alpine';
    const h = assistHover(text, { line: 0, character: 20 }, metas)!;
    assert.match(h.markdown, /^\*\*DL3008\*\*: Pin versions in apt-get install/);
    assert.deepEqual(h.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 24 } });
    assert.match(assistHover(text, { line: 0, character: 30 }, metas)!.markdown, /\*\*DL3000\*\* \(also WorkdirRelativePath\): Use an absolute WORKDIR/);
    assert.equal(assistHover(text, { line: 1, character: 2 }, metas), undefined);
    assert.equal(assistHover('# just DL3008 mentioned\n', { line: 0, character: 9 }, metas), undefined);
  });
});
