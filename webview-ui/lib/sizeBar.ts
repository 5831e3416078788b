// Pure: the segments of the size bar (one per layer), split into shared / unique and wasted parts.
import type { SizeBreakdown } from '../../src/model/history';

export interface BarSegment {
  layerIndex: number;
  historyIndex: number;
  size: number;
  /** Share of the bar, 0–100; layers too small to see get a sliver so they stay clickable. */
  widthPercent: number;
  shared?: boolean;
  /** Bytes of this layer not visible in the final image (after a deep analysis). */
  wastedBytes?: number;
  /** wastedBytes as a share of the segment, 0–100. */
  wastedPercent: number;
}

const minPercent = 0.6;

/**
 * `wastedByLayer[i]` is the analysis' wasted bytes of layer i and `contentByLayer[i]` its content
 * bytes: the wasted share is taken from those (same unit), then applied to the segment.
 */
export function barSegments(breakdown: SizeBreakdown, wastedByLayer?: number[], contentByLayer?: number[]): BarSegment[] {
  const total = breakdown.total;
  const raw = breakdown.layers.map((l) => (total > 0 ? (l.size / total) * 100 : 100 / Math.max(1, breakdown.layers.length)));
  const widened = raw.map((p) => Math.max(minPercent, p));
  const sum = widened.reduce((s, p) => s + p, 0);
  const scale = sum > 0 ? 100 / sum : 0;
  return breakdown.layers.map((l, i) => {
    const wasted = wastedByLayer?.[l.layerIndex];
    const content = contentByLayer?.[l.layerIndex] ?? 0;
    return {
      layerIndex: l.layerIndex,
      historyIndex: l.historyIndex,
      size: l.size,
      widthPercent: widened[i] * scale,
      shared: l.shared,
      wastedBytes: wasted,
      wastedPercent: wasted !== undefined && content > 0 ? Math.min(100, (wasted / content) * 100) : 0,
    };
  });
}
