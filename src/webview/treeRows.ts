// The Layers panel's file tree, host side: the host keeps the analysis and answers the webview's
// queries for a window of visible rows, so a million-file result never crosses postMessage whole.
// Pure (no vscode): the message protocol is unit-tested with plain mocha.
import { filesystemAt, type ImageAnalysis, type LayerAnalysis, type TreeNode } from '../analysis/browser';
import { changeCounts, Expansion, keptNodes, parentRow, visibleRows, type ChangeFilter, type VisibleRow } from '../../webview-ui/lib/tree';
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
 * Answers tree queries from a cache: the filesystem view of the last layer/base asked for, and
 * the visible rows of the last filter/sort/expansion (scrolling only slices them).
 */
export class TreeRowsSource {
  private tree: { key: string; root: TreeNode; counts: Record<ChangeFilter, number> } | undefined;
  private visible: { key: string; rows: VisibleRow[] } | undefined;

  constructor(private readonly analysis: ImageAnalysis) {}

  answer(query: TreeQuery): TreeRows {
    const layers = this.analysis.layers.length;
    if (!Number.isInteger(query.layer) || query.layer < 0 || query.layer >= layers) {
      throw new RangeError(`layer ${query.layer} out of range (the image has ${layers} layers)`);
    }
    const treeKey = `${query.layer}/${query.base}`;
    if (this.tree?.key !== treeKey) {
      const root = filesystemAt(this.analysis, query.layer, query.base);
      this.tree = { key: treeKey, root, counts: changeCounts(root) };
      this.visible = undefined;
    }
    const kinds = new Set<ChangeFilter>(query.kinds);
    const rowsKey = JSON.stringify([treeKey, query.text, [...kinds].sort(), query.sort, [...query.opened].sort(), [...query.closed].sort()]);
    if (this.visible?.key !== rowsKey) {
      const filter = { text: query.text, kinds };
      const root = this.tree.root;
      this.visible = { key: rowsKey, rows: visibleRows(root, filter, query.sort, Expansion.from(query), keptNodes(root, filter)) };
    }
    const all = this.visible.rows;
    const start = Math.max(0, Math.min(Math.floor(query.start), all.length));
    const end = Math.max(start, Math.min(Math.floor(query.end), all.length, start + maxWindowRows));
    return { seq: query.seq, total: all.length, counts: this.tree.counts, start, rows: windowRows(all, start, end) };
  }
}

/** Rows [start, end) with their parent rows: one backward scan for the first, then by depth. */
function windowRows(all: VisibleRow[], start: number, end: number): TreeRow[] {
  const rows: TreeRow[] = [];
  for (let i = start; i < end; i++) {
    const depth = all[i].depth;
    let parent: number;
    if (i === start) parent = parentRow(all, i);
    else {
      // Walk up from the previous row's ancestors (each known) to the first one above this depth.
      parent = i - 1;
      while (parent >= 0 && all[parent].depth >= depth) parent = parent >= start ? rows[parent - start].parent : parentRow(all, parent);
    }
    rows.push(toRow(all[i], parent));
  }
  return rows;
}

function toRow(row: VisibleRow, parent: number): TreeRow {
  const { node } = row;
  const out: TreeRow = {
    name: node.name, path: node.path, kind: node.kind, size: node.size,
    depth: row.depth, expandable: row.expandable, expanded: row.expanded, parent,
  };
  if (node.change) out.change = node.change;
  if (node.linkTarget !== undefined) out.linkTarget = node.linkTarget;
  return out;
}
