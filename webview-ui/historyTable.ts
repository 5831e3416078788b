// The history table: every step, newest or oldest first or by size; CreatedBy expands to full text.
import { formatAge, formatBytes } from '../src/model/format';
import { sortRows, type HistoryRow } from '../src/model/history';
import type { ImageState } from '../src/webview/protocol';
import { el, moveFocus } from './dom';

export interface HistoryOptions {
  newestFirst: boolean;
  sortBySize: boolean;
  /** Wasted bytes per layer index, once analysed. */
  wastedByLayer?: number[];
  selectedLayer?: number;
  onToggleOrder(): void;
  onToggleSizeSort(): void;
  onSelectLayer(layerIndex: number): void;
  /** Where a step's instruction is in a linked Dockerfile, if anywhere. */
  instructionOf?(step: number): { file: string; line: number } | undefined;
  onGoToInstruction?(step: number): void;
}

export function historyTable(state: ImageState, options: HistoryOptions): HTMLElement {
  const rows = sortRows(state.rows, options.sortBySize ? 'size' : 'order', options.newestFirst);
  const shared = new Map(state.breakdown.layers.map((l) => [l.layerIndex, l.shared]));
  const expanded = new Set<number>();
  const body = el('tbody');
  const focusables: HTMLElement[] = [];

  const render = () => {
    body.replaceChildren();
    focusables.length = 0;
    for (const row of rows) {
      const tr = historyRow(row, shared.get(row.layerIndex ?? -1), options, expanded.has(row.index));
      tr.tabIndex = focusables.length === 0 ? 0 : -1;
      const at = focusables.length;
      focusables.push(tr);
      tr.addEventListener('keydown', (e) => {
        if (moveFocus(focusables, at, e.key)) e.preventDefault();
        else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle(row);
        }
      });
      tr.addEventListener('click', (e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        if (row.layerIndex !== undefined) options.onSelectLayer(row.layerIndex);
      });
      tr.querySelector('button.expand')?.addEventListener('click', () => toggle(row));
      tr.querySelector('button.go-to-instruction')?.addEventListener('click', () => options.onGoToInstruction?.(row.index));
      body.append(tr);
      if (expanded.has(row.index)) {
        body.append(el('tr', { class: 'detail' }, el('td', { attrs: { colspan: 7 } },
          el('pre', { class: 'created-by-full' }, row.createdByRaw),
          row.id ? el('div', { class: 'muted' }, `Image ID ${row.id}`) : null,
          row.diffId ? el('div', { class: 'muted' }, `Layer diff ID ${row.diffId}`) : null)));
      }
    }
  };
  const toggle = (row: HistoryRow) => {
    if (expanded.has(row.index)) expanded.delete(row.index);
    else expanded.add(row.index);
    const focusedIndex = focusables.findIndex((f) => f === document.activeElement);
    render();
    if (focusedIndex >= 0) {
      focusables.forEach((f, i) => f.setAttribute('tabindex', i === focusedIndex ? '0' : '-1'));
      focusables[focusedIndex]?.focus();
    }
  };
  render();

  const sizeHeader = el('button', {
    class: 'link', title: 'Sort by size (largest first); click again for history order',
    attrs: { 'aria-pressed': options.sortBySize }, on: { click: options.onToggleSizeSort },
  }, options.sortBySize ? 'Size ▼' : 'Size');
  const table = el('table', { class: 'history', id: 'history-table', attrs: { 'aria-label': 'Image history' } },
    el('thead', {}, el('tr', {},
      el('th', { class: 'num' }, '#'),
      el('th', {}, 'Created by'),
      el('th', { class: 'num', attrs: { 'aria-sort': options.sortBySize ? 'descending' : 'none' } }, sizeHeader),
      el('th', {}, 'Layer'),
      el('th', { class: 'num' }, 'Wasted'),
      el('th', {}, 'Created'),
      el('th', {}, 'Comment'))),
    body);

  const emptyCount = state.rows.filter((r) => r.empty === true).length;
  const undecided = state.rows.filter((r) => r.empty === undefined).length;
  return el('section', { attrs: { 'aria-labelledby': 'history-heading' } },
    el('div', { class: 'section-head' },
      el('h2', { id: 'history-heading' }, 'History'),
      el('span', { class: 'muted' }, `${state.rows.length} steps, ${state.rows.length - emptyCount - undecided} with a layer, ${emptyCount} empty`
        + (undecided ? `, ${undecided} not known until analysed` : '')),
      el('button', {
        class: 'secondary', id: 'history-order', attrs: { 'aria-pressed': options.newestFirst },
        title: 'Toggle newest / oldest first', on: { click: options.onToggleOrder },
      }, options.newestFirst ? '↓ Newest first' : '↑ Oldest first')),
    el('div', { class: 'table-wrap' }, table));
}

function historyRow(row: HistoryRow, shared: boolean | undefined, options: HistoryOptions, expanded: boolean): HTMLTableRowElement {
  const layer = row.layerIndex;
  const wasted = layer !== undefined ? options.wastedByLayer?.[layer] : undefined;
  const classes = ['step', row.empty === true ? 'empty' : row.empty === undefined ? 'undecided' : 'layer', layer !== undefined && layer === options.selectedLayer ? 'selected' : ''];
  const createdIso = row.created ? new Date(row.created * 1000).toISOString() : '';
  return el('tr', {
    class: classes.filter(Boolean).join(' '),
    attrs: { 'data-step': row.index, 'aria-expanded': expanded },
  },
  el('td', { class: 'num' }, row.index),
  el('td', { class: 'created-by' },
    el('button', { class: 'expand icon', title: expanded ? 'Collapse' : 'Show the full text', attrs: { 'aria-label': expanded ? 'Collapse' : 'Expand' } }, expanded ? '▾' : '▸'),
    // Before the text: a long instruction is cut off at the cell's edge, the button must stay visible.
    goToButton(row, options),
    el('span', { class: 'instruction', title: row.createdBy }, row.createdBy || '(no instruction recorded)')),
  el('td', { class: 'num' }, row.empty === false ? formatBytes(row.size) : ''),
  el('td', {}, row.empty === true
    ? el('span', { class: 'badge empty-badge', title: 'No filesystem layer: this step only changed metadata' }, 'empty')
    : row.empty === undefined
    ? el('span', { class: 'badge unknown', title: 'A 0-byte step: whether it made a layer is known after Analyze' }, '?')
    : el('span', {
      class: `badge ${shared === undefined ? 'unknown' : shared ? 'shared' : 'unique'}`,
      title: shared === undefined ? 'Could not map this step to a layer' : shared ? 'Stored once, also used by another local image' : 'Only this image uses this layer',
    }, `L${layer} · ${shared === undefined ? '?' : shared ? 'shared' : 'unique'}`)),
  el('td', { class: `num wasted${wasted === 0 ? ' none' : ''}` }, wasted === undefined ? '' : wasted > 0 ? formatBytes(wasted) : '0'),
  el('td', { class: 'when', title: createdIso }, row.created ? formatAge(row.created) : ''),
  el('td', { class: 'comment' }, row.comment));
}

/** "Go to instruction" for a step whose instruction is in a linked Dockerfile. */
function goToButton(row: HistoryRow, options: HistoryOptions): HTMLElement | null {
  const at = options.instructionOf?.(row.index);
  if (!at) return null;
  const file = decodeURIComponent(at.file.slice(at.file.lastIndexOf('/') + 1));
  return el('button', { class: 'link go-to-instruction', title: `Go to instruction: ${file}:${at.line + 1}` }, 'Go to instruction');
}
