import { strict as assert } from 'node:assert';
import { barSegments } from '../../../webview-ui/lib/sizeBar';
import type { SizeBreakdown } from '../../../src/model/history';

const breakdown: SizeBreakdown = {
  total: 1_000_000, shared: 900_000, unique: 100_000, known: true,
  layers: [
    { layerIndex: 0, historyIndex: 0, size: 900_000, shared: true },
    { layerIndex: 1, historyIndex: 1, size: 100_000, shared: false },
    { layerIndex: 2, historyIndex: 3, size: 0, shared: false },
  ],
};

describe('webview size bar', () => {
  it('gives each layer a share of the bar that adds up to 100, with a sliver for empty layers', () => {
    const segments = barSegments(breakdown);
    const sum = segments.reduce((s, x) => s + x.widthPercent, 0);
    assert.ok(Math.abs(sum - 100) < 1e-9);
    assert.ok(segments[0].widthPercent > 88 && segments[0].widthPercent < 90);
    assert.ok(segments[2].widthPercent > 0);
    assert.deepEqual(segments.map((s) => s.shared), [true, false, false]);
    assert.deepEqual(segments.map((s) => s.historyIndex), [0, 1, 3]);
  });

  it('marks the wasted share of a layer once the analysis is known', () => {
    const segments = barSegments(breakdown, [0, 50_000, 0], [900_000, 100_000, 0]);
    assert.equal(segments[1].wastedPercent, 50);
    assert.equal(segments[1].wastedBytes, 50_000);
    assert.equal(segments[0].wastedPercent, 0);
    assert.equal(segments[2].wastedPercent, 0);
  });

  it('handles an image with no bytes', () => {
    const segments = barSegments({ ...breakdown, total: 0, layers: [{ layerIndex: 0, historyIndex: 0, size: 0 }] });
    assert.equal(segments[0].widthPercent, 100);
  });
});
