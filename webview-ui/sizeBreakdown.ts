// The size bar: one segment per layer, coloured shared or unique, with the wasted share hatched.
import { formatBytes } from '../src/model/format';
import type { ImageState } from '../src/webview/protocol';
import type { AnalysisSummary } from '../src/webview/protocol';
import { el } from './dom';
import { barSegments } from './lib/sizeBar';

export function sizeBreakdown(state: ImageState, analysis: AnalysisSummary | undefined, onSelectLayer: (layer: number) => void): HTMLElement {
  const { breakdown } = state;
  const wasted = analysis?.layers.map((l) => l.wastedBytes);
  const content = analysis?.layers.map((l) => l.sizeBytes);
  const segments = barSegments(breakdown, wasted, content);
  const stepText = new Map(state.rows.map((r) => [r.index, r.createdBy]));
  const bar = el('div', { class: 'bar', role: 'group', attrs: { 'aria-label': 'Bytes per layer' } },
    ...segments.map((s) => {
      const kind = s.shared === undefined ? 'unknown' : s.shared ? 'shared' : 'unique';
      const tip = `Layer ${s.layerIndex} (step ${s.historyIndex}): ${formatBytes(s.size)}, ${kind}` +
        (s.wastedBytes ? `, ${formatBytes(s.wastedBytes)} wasted` : '') + `\n${stepText.get(s.historyIndex) ?? ''}`;
      return el('div', {
        class: `segment ${kind}`, role: 'button', tabIndex: 0, title: tip,
        style: { width: `${s.widthPercent}%` },
        attrs: { 'data-layer': s.layerIndex, 'aria-label': tip },
        on: {
          click: () => onSelectLayer(s.layerIndex),
          keydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelectLayer(s.layerIndex); } },
        },
      }, s.wastedPercent > 0 ? el('div', { class: 'wasted-part', style: { width: `${s.wastedPercent}%` } }) : null);
    }));

  const legend = el('div', { class: 'legend' },
    el('span', {}, el('b', {}, formatBytes(breakdown.total)), ' in ', String(breakdown.layers.length), ' layers'),
    breakdown.known
      ? el('span', {}, el('i', { class: 'swatch shared' }), `Shared with other local images: ${formatBytes(breakdown.shared)}`)
      : el('span', { class: 'muted' }, 'Shared / unique: unknown (history and layers do not line up)'),
    breakdown.known ? el('span', {}, el('i', { class: 'swatch unique' }), `Unique to this image: ${formatBytes(breakdown.unique)}`) : null,
    analysis
      ? el('span', {}, el('i', { class: 'swatch wasted' }), `Wasted: ${formatBytes(analysis.wastedBytes)}`)
      : el('span', { class: 'muted' }, 'Wasted: run "Analyze files"'),
    el('span', { class: 'muted' }, `compared with ${state.otherImages} other local image${state.otherImages === 1 ? '' : 's'}`));

  return el('section', { attrs: { 'aria-labelledby': 'size-heading' } },
    el('div', { class: 'section-head' }, el('h2', { id: 'size-heading' }, 'Size breakdown')),
    bar, legend);
}
