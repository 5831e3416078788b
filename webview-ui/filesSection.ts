// Deep analysis: the "Analyze files" button, progress with cancel, then the per-layer file tree with
// filters, wasted bytes, efficiency, the inefficient paths and the largest files.
import { formatBytes } from '../src/model/format';
import type { AnalysisSummary, TreeRows } from '../src/webview/protocol';
import { el, moveFocus, replace } from './dom';
import { FileTree } from './fileTree';
import { post, type ViewState } from './host';
import { allChangeFilters, type ChangeFilter } from './lib/tree';

export type AnalysisStatus =
  | { kind: 'idle' }
  | { kind: 'running'; bytesRead: number; totalBytes: number; layersRead: number; layerCount: number }
  | { kind: 'failed'; message: string; cancelled: boolean }
  | { kind: 'done'; analysis: AnalysisSummary };

const kindLabels: Record<ChangeFilter, string> = { added: 'Added', modified: 'Modified', removed: 'Removed', unchanged: 'Unchanged' };
/** Tables list this many rows; the rest is summarised (the tree has everything). */
const tableLimit = 200;
const filterDelayMs = 120;

export class FilesSection {
  readonly element = el('section', { attrs: { 'aria-labelledby': 'files-heading' } });
  private readonly tree = new FileTree((query) => post({ type: 'treeQuery', query }), (rows) => this.treeAnswered(rows));
  private status: AnalysisStatus = { kind: 'idle' };
  /** Counts per change kind of the tree shown, from the host's last answer. */
  private counts: Record<ChangeFilter, number> | undefined;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly view: ViewState,
    private readonly changed: () => void,
    private readonly report: () => void,
    /** The selected layer changed (the history and the bar highlight it too). */
    private readonly layerChanged: () => void,
  ) {
    this.renderContent();
  }

  get analysis(): AnalysisSummary | undefined {
    return this.status.kind === 'done' ? this.status.analysis : undefined;
  }

  /** The layer the tree shows (index into the analysis' layers). */
  get layer(): number | undefined {
    const analysis = this.analysis;
    if (!analysis) return undefined;
    const count = analysis.layers.length;
    return this.view.layer >= 0 && this.view.layer < count ? this.view.layer : count - 1;
  }

  /** The host's answer to the tree's query. */
  treeRows(rows: TreeRows): void {
    this.tree.receive(rows);
  }

  setStatus(status: AnalysisStatus): void {
    const progressOnly = status.kind === 'running' && this.status.kind === 'running';
    this.status = status;
    if (progressOnly) this.updateProgress();
    else this.render();
  }

  selectLayer(layer: number): void {
    this.view.layer = layer;
    this.changed();
    if (this.analysis) this.render();
    this.layerChanged();
  }

  private render(): void {
    // Re-rendering replaces the controls: give focus back to the one that had it.
    const focused = document.activeElement as HTMLElement | null;
    const focusSelector = focused && this.element.contains(focused)
      ? focused.id ? `#${focused.id}` : focused.dataset.kind ? `input[data-kind="${focused.dataset.kind}"]` : ''
      : '';
    this.renderContent();
    if (focusSelector) this.element.querySelector<HTMLElement>(focusSelector)?.focus();
    this.report();
  }

  private renderContent(): void {
    const head = el('div', { class: 'section-head' }, el('h2', { id: 'files-heading' }, 'Files'));
    const s = this.status;
    if (s.kind === 'idle' || s.kind === 'failed') {
      replace(this.element, head,
        s.kind === 'failed' ? el('p', { class: s.cancelled ? 'muted' : 'error', role: 'status' }, s.message) : null,
        el('p', { class: 'muted' }, 'The deep analysis reads the whole image from the engine once and lists, per layer, every file added, modified or removed, and the bytes wasted.'),
        el('button', { id: 'analyze', on: { click: () => post({ type: 'analyze' }) } }, 'Analyze files'));
    } else if (s.kind === 'running') {
      replace(this.element, head,
        el('div', { class: 'progress', role: 'status' },
          el('progress', { id: 'analysis-progress', attrs: { max: Math.max(1, s.totalBytes), value: Math.min(s.bytesRead, s.totalBytes) } }),
          el('span', { id: 'analysis-progress-text' }, progressText(s)),
          el('button', { class: 'secondary', id: 'cancel-analysis', on: { click: () => post({ type: 'cancelAnalysis' }) } }, 'Cancel')));
    } else {
      replace(this.element, head, ...this.analysisView(s.analysis));
    }
  }

  private updateProgress(): void {
    if (this.status.kind !== 'running') return;
    const bar = this.element.querySelector<HTMLProgressElement>('#analysis-progress');
    const text = this.element.querySelector('#analysis-progress-text');
    if (bar) {
      bar.max = Math.max(1, this.status.totalBytes);
      bar.value = Math.min(this.status.bytesRead, this.status.totalBytes);
    }
    if (text) text.textContent = progressText(this.status);
  }

  /** What the tree shows, as the host is asked for it. */
  private treeView() {
    const layer = this.layer ?? 0;
    const base = this.view.aggregated ? (layer === 0 ? -1 : 0) : layer - 1;
    return { layer, base, text: this.view.filterText, kinds: [...this.view.kinds], sort: this.view.treeSort };
  }

  private analysisView(analysis: AnalysisSummary): HTMLElement[] {
    const layer = this.layer ?? 0;
    const kinds = new Set(this.view.kinds);
    this.tree.show(this.treeView(), false);

    const summary = el('div', { class: 'summary', id: 'analysis-summary' },
      stat('Wasted', formatBytes(analysis.wastedBytes), 'wasted-bytes'),
      stat('Efficiency', `${(analysis.efficiency * 100).toFixed(1)} %`, 'efficiency'),
      stat('Content stored', formatBytes(analysis.sizeBytes)),
      stat('Visible in the final image', formatBytes(analysis.finalBytes)),
      stat('Wasted above the base layer', `${(analysis.userWastedPercent * 100).toFixed(1)} %`),
      stat('Files, dirs and links', analysis.finalEntryCount.toLocaleString('en')));

    const layerSelect = el('select', {
      id: 'layer-select', attrs: { 'aria-label': 'Layer' },
      on: { change: (e) => this.selectLayer(Number((e.target as HTMLSelectElement).value)) },
    }, ...analysis.layers.map((l) => {
      const option = el('option', { value: String(l.index) },
        `L${l.index} · ${formatBytes(l.sizeBytes)} · +${l.added} ~${l.modified} −${l.removed} · ${l.createdBy || '(unknown step)'}`);
      option.selected = l.index === layer;
      return option;
    }));
    const update = (fn: () => void) => { fn(); this.changed(); this.render(); };
    const controls = el('div', { class: 'controls' },
      el('label', {}, 'Layer ', layerSelect),
      el('label', { title: 'Show every change from the base layer up to this one, not just this layer\'s' },
        el('input', { type: 'checkbox', id: 'aggregated', checked: this.view.aggregated, on: { change: (e) => update(() => { this.view.aggregated = (e.target as HTMLInputElement).checked; }) } }),
        ' Aggregated changes up to this layer'),
      el('input', {
        type: 'search', id: 'path-filter', placeholder: 'Filter by path', value: this.view.filterText,
        attrs: { 'aria-label': 'Filter by path' },
        on: {
          input: (e) => {
            this.view.filterText = (e.target as HTMLInputElement).value;
            this.changed();
            // Filtering walks the whole tree (100,000 nodes: tens of ms): once typing pauses.
            clearTimeout(this.filterTimer);
            this.filterTimer = setTimeout(() => this.refreshTree(), filterDelayMs);
          },
        },
      }),
      el('span', { class: 'kinds', role: 'group', attrs: { 'aria-label': 'Change kinds' } }, ...allChangeFilters.map((k) =>
        el('label', { class: `kind ${k}` },
          el('input', {
            type: 'checkbox', checked: kinds.has(k), attrs: { 'data-kind': k },
            on: { change: (e) => update(() => {
              const on = (e.target as HTMLInputElement).checked;
              this.view.kinds = on ? [...new Set([...this.view.kinds, k])] : this.view.kinds.filter((x) => x !== k);
            }) },
          }),
          ' ', el('span', { class: 'kind-label', attrs: { 'data-kind': k } }, kindLabel(k, this.counts))))),
      el('label', {}, 'Sort ', el('select', {
        id: 'tree-sort', on: { change: (e) => update(() => { this.view.treeSort = (e.target as HTMLSelectElement).value as 'name' | 'size'; }) },
      }, option('name', 'by name', this.view.treeSort), option('size', 'by size', this.view.treeSort))));

    return [
      summary,
      controls,
      this.tree.element,
      this.treeCount(),
      this.inefficiencies(analysis),
      this.largestFiles(analysis),
    ];
  }

  private refreshTree(): void {
    if (this.analysis) this.tree.show(this.treeView(), false);
  }

  /** "N rows shown" once the host has said how many (the element gets its id then: tests wait on it). */
  private treeCount(): HTMLElement {
    const rows = this.tree.rowCount;
    return rows === undefined
      ? el('div', { class: 'muted tree-count' }, 'Loading the file tree…')
      : el('div', { class: 'muted tree-count', id: 'tree-count' }, `${rows.toLocaleString('en')} rows shown`);
  }

  private treeAnswered(rows: TreeRows): void {
    this.counts = rows.counts;
    this.element.querySelector('.tree-count')?.replaceWith(this.treeCount());
    for (const label of this.element.querySelectorAll<HTMLElement>('.kind-label')) {
      label.textContent = kindLabel(label.dataset.kind as ChangeFilter, this.counts);
    }
    this.report();
  }

  private inefficiencies(analysis: AnalysisSummary): HTMLElement {
    const rows = analysis.inefficiencies.slice(0, tableLimit);
    return el('div', { class: 'subsection' },
      el('h3', {}, 'Inefficient paths'),
      rows.length === 0
        ? el('p', { class: 'muted' }, 'No path stores bytes the final image cannot see.')
        : dataTable('inefficiencies', ['Path', 'Copies', 'Wasted'], rows.map((r) => [`/${r.path}`, String(r.count), formatBytes(r.wastedBytes)])),
      analysis.inefficiencyCount > rows.length ? el('p', { class: 'muted' }, `and ${analysis.inefficiencyCount - rows.length} more`) : null);
  }

  private largestFiles(analysis: AnalysisSummary): HTMLElement {
    const rows = analysis.largestFiles.slice(0, tableLimit);
    return el('div', { class: 'subsection' },
      el('h3', {}, 'Largest files'),
      dataTable('largest-files', ['Path', 'Size', 'Layer'], rows.map((r) => [`/${r.path}`, formatBytes(r.sizeBytes), `L${r.layerIndex}`])));
  }
}

function kindLabel(kind: ChangeFilter, counts: Record<ChangeFilter, number> | undefined): string {
  return counts ? `${kindLabels[kind]} (${counts[kind].toLocaleString('en')})` : kindLabels[kind];
}

function progressText(s: { bytesRead: number; totalBytes: number; layersRead: number; layerCount: number }): string {
  const total = s.totalBytes > 0 ? ` of about ${formatBytes(s.totalBytes)}` : '';
  return `${formatBytes(s.bytesRead)}${total} read · ${s.layersRead}${s.layerCount ? `/${s.layerCount}` : ''} layers`;
}

function stat(label: string, value: string, id?: string): HTMLElement {
  return el('div', { class: 'stat' }, el('div', { class: 'stat-label' }, label), el('div', { class: 'stat-value', id }, value));
}

function option(value: string, label: string, current: string): HTMLOptionElement {
  const o = el('option', { value }, label);
  o.selected = value === current;
  return o;
}

/** A table whose rows are focusable and move with the arrow keys. */
function dataTable(id: string, headers: string[], rows: string[][]): HTMLElement {
  const trs: HTMLElement[] = [];
  const body = el('tbody', {}, ...rows.map((cells, i) => {
    const tr = el('tr', { tabIndex: i === 0 ? 0 : -1 }, ...cells.map((c, col) => el('td', { class: col > 0 ? 'num' : 'path' }, c)));
    tr.addEventListener('keydown', (e) => { if (moveFocus(trs, i, e.key)) e.preventDefault(); });
    trs.push(tr);
    return tr;
  }));
  return el('div', { class: 'table-wrap' }, el('table', { id },
    el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { class: i > 0 ? 'num' : '' }, h)))), body));
}
