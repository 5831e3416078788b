import * as assert from 'node:assert/strict';
import { linkedLenses, NOT_BUILT, STALE, unlinkedLenses } from '../../../src/linkedImage/lensText';
import type { InstructionRow } from '../../../src/linkedImage/rows';

const row = (line: number, keyword: string, layer: number | null, size: number, stale = false): InstructionRow =>
  ({ line, endLine: line, keyword, step: layer === null ? (keyword === 'ENV' ? 3 : undefined) : line, layer, size, stale });

const now = Date.UTC(2026, 10, 30, 3, 0, 0);
const image = { id: 'sha256:' + 'ab'.repeat(32), tags: ['myapp:dev'], created: now / 1000 - 120, size: 412_000_000 };

describe('lensText', () => {
  it('says when nothing is built yet', () => {
    const lenses = unlinkedLenses(2);
    assert.equal(lenses[0].title, NOT_BUILT);
    assert.deepEqual(lenses[0].action, { kind: 'build' });
    assert.equal(lenses[0].line, 2);
  });

  it('shows the image on the first FROM and a size above each instruction that made a layer', () => {
    const rows = [row(0, 'FROM', null, 0), row(1, 'COPY', 0, 38_200_000), row(2, 'ENV', null, 0), row(3, 'RUN', 1, 0)];
    const lenses = linkedLenses({ image, tag: 'myapp:dev', targetStage: { index: 0 }, stageCount: 1, firstFromLine: 0, rows }, now);
    assert.deepEqual(lenses.map((l) => [l.line, l.title]), [
      [0, 'myapp:dev · built 2 minutes ago · 412 MB'], [0, 'Build…'], [0, 'Analyze…'], [1, '+38.2 MB'], [3, '+0 B'],
    ]);
    assert.deepEqual(lenses[3].action, { kind: 'showLayer', imageId: image.id, tag: 'myapp:dev', layer: 0 });
  });

  it('names the stage built of a multi-stage file and adds the analysis figures', () => {
    const rows = [row(5, 'COPY', 0, 1000), row(6, 'RUN', 1, 3_000_000)];
    const layers = [
      { size: 1000, wastedBytes: 0, added: 1, modified: 0, removed: 0 },
      { size: 3_000_000, wastedBytes: 3_000_000, added: 1, modified: 0, removed: 0 },
    ];
    const lenses = linkedLenses({
      image, tag: 'myapp:dev', targetStage: { name: 'runtime', index: 1 }, stageCount: 2, firstFromLine: 0, rows,
      analysis: { layers },
    }, now);
    assert.equal(lenses[0].title, 'myapp:dev · built 2 minutes ago · 412 MB · stage runtime');
    assert.ok(!lenses.some((l) => l.title === 'Analyze…'), 'no Analyze… once analysed');
    assert.deepEqual(lenses.slice(2).map((l) => l.title), ['+1 kB · 1 added, 0 changed, 0 removed', '+3 MB · 3 MB wasted · 1 added, 0 changed, 0 removed']);
  });

  it('marks instructions from the first edit on as stale', () => {
    const rows = [row(1, 'COPY', 0, 1000), row(2, 'RUN', 1, 5000, true), row(3, 'ENV', null, 0, true), row(4, 'COPY', null, 0, true)];
    const lenses = linkedLenses({ image, targetStage: { index: 0 }, stageCount: 1, firstFromLine: 0, rows }, now);
    // Metadata-only instructions say nothing, stale or not.
    assert.deepEqual(lenses.slice(3).map((l) => [l.line, l.title]), [[1, '+1 kB'], [2, STALE], [4, STALE]]);
  });
});
