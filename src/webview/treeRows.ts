// The Layers panel's file tree, host side: the host keeps the analysis and answers the webview's
// queries for a window of visible rows, so a million-file result never crosses postMessage whole.
// Answered from the analysis' typed change tables (src/analysis/fsView.ts): no object per file.
// Pure (no vscode): the message protocol is unit-tested with plain mocha.
import type { ImageAnalysis, LayerAnalysis } from '../analysis/browser';
import { changeSource, FsView, type ChangeSource } from '../analysis/fsView';
import { keptNodes, SortedChildren, VisibleTree, type Kept, type ViewRow } from '../analysis/fsViewRows';
import { defaultChangeFilters } from '../../webview-ui/lib/tree';
import type { AnalysisSummary, TreeQuery, TreeRow, TreeRows } from './protocol';

/** Tables in the panel list this many inefficiencies; the summary says how many there are. */
export const summaryTableLimit = 200;
/** A query returns at most this many rows (a screen is ~20). */
export const maxWindowRows = 500;

/** The analysis as posted to the webview: no per-file change lists. */
export function analysisSummary(analysis: ImageAnalysis): AnalysisSummary {
  return {
    ...analysis,
    layers: analysis.layers.map(withoutChanges),
    inefficiencies: analysis.inefficiencies.slice(0, summaryTableLimit),
    inefficiencyCount: analysis.inefficiencies.length,
  };
}

/** The layer's fields but its change list, which is not read (it is built lazily, a million objects). */
function withoutChanges(layer: LayerAnalysis): Omit<LayerAnalysis, 'changes'> {
  const out: Partial<LayerAnalysis> = {};
  for (const key of Object.keys(layer) as (keyof LayerAnalysis)[]) {
    if (key !== 'changes') (out as Record<string, unknown>)[key] = layer[key];
  }
  return out as Omit<LayerAnalysis, 'changes'>;
}

/**
 * Answers tree queries from a cache: the filesystem view of the last layer/base asked for (with its
 * folders sorted as they are opened), and the visible rows of the last filter/sort/expansion
 * (scrolling only takes another window of them).
 */
export class TreeRowsSource {
  private source: ChangeSource | undefined;
  private view: { key: string; view: FsView; sorted: Partial<Record<TreeQuery['sort'], SortedChildren>> } | undefined;
  private kept: { key: string; kept: Kept | undefined } | undefined;
  private visible: { key: string; tree: VisibleTree } | undefined;

  constructor(private readonly analysis: ImageAnalysis) {}

  answer(query: TreeQuery): TreeRows {
    const layers = this.analysis.layers.length;
    if (!Number.isInteger(query.layer) || query.layer < 0 || query.layer >= layers) {
      throw new RangeError(`layer ${query.layer} out of range (the image has ${layers} layers)`);
    }
    const { key: viewKey, view } = this.viewOf(query.layer, query.base);
    const kinds = [...new Set(query.kinds)].sort();
    const keptKey = JSON.stringify([viewKey, query.text.trim().toLowerCase(), kinds]);
    if (this.kept?.key !== keptKey) {
      this.kept = { key: keptKey, kept: keptNodes(view, { text: query.text, kinds: new Set(kinds) }) };
      this.visible = undefined;
    }
    const rowsKey = JSON.stringify([keptKey, query.sort, [...query.opened].sort(), [...query.closed].sort()]);
    if (this.visible?.key !== rowsKey) {
      const sorted = (this.view!.sorted[query.sort] ??= new SortedChildren(view, query.sort));
      this.visible = { key: rowsKey, tree: new VisibleTree(sorted, this.kept.kept, query) };
    }
    const { tree } = this.visible;
    const start = Math.max(0, Math.min(Math.floor(query.start), tree.total));
    const end = Math.max(start, Math.min(Math.floor(query.end), tree.total, start + maxWindowRows));
    const rows = tree.window(start, end).map((row) => toRow(view, row));
    return { seq: query.seq, total: tree.total, counts: { ...view.counts }, start, rows };
  }

  /**
   * Builds what the panel shows first (the last layer's own changes, folders closed) ahead of its
   * query: the panel calls it once the result is posted, while the webview is still rendering it.
   */
  prepare(): void {
    const last = this.analysis.layers.length - 1;
    if (last < 0) return;
    this.answer({ seq: 0, layer: last, base: last - 1, text: '', kinds: defaultChangeFilters, sort: 'name', opened: [], closed: [], start: 0, end: 0 });
  }

  private viewOf(layer: number, base: number): { key: string; view: FsView } {
    const key = `${layer}/${base}`;
    if (this.view?.key !== key) {
      this.source ??= changeSource(this.analysis);
      this.view = { key, view: new FsView(this.source, layer, base), sorted: {} };
      this.kept = undefined;
      this.visible = undefined;
    }
    return this.view;
  }
}

function toRow(view: FsView, row: ViewRow): TreeRow {
  const { node } = row;
  const path = view.trie.pathOf(node);
  const out: TreeRow = {
    name: path.slice(path.lastIndexOf('/') + 1), path, kind: view.kind(node), size: view.sizes[node],
    depth: row.depth, expandable: row.expandable, expanded: row.expanded, parent: row.parent,
  };
  const change = view.change(node);
  if (change) out.change = change;
  const linkTarget = view.record(node)?.linkTarget;
  if (linkTarget !== undefined) out.linkTarget = linkTarget;
  return out;
}
