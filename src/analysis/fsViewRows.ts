// Which rows of an FsView a file tree shows, given a filter, a sort and what is open: the rules of
// the reference model (test/unit/webview/treeOracle.ts: `keptNodes`, `visibleRows` over TreeNodes)
// over node numbers. The filter and the row counts are linear passes over typed arrays; only the
// folders a window of rows passes through are sorted (once per view and sort), so the top of a
// million-file tree costs its top level.
import { ABSENT, FsView, REMOVED_NODE, UNCHANGED, ADDED_NODE, MODIFIED_NODE } from './fsView';
import { DIR } from './records';
import type { ChangeKind } from './types';

export type ViewChange = ChangeKind | 'unchanged';
export const allViewChanges: readonly ViewChange[] = ['added', 'modified', 'removed', 'unchanged'];

export interface ViewFilter {
  /** Case-insensitive substring of the path; '' matches every path. */
  text: string;
  kinds: ReadonlySet<ViewChange>;
}

export type ViewSort = 'name' | 'size';

/** The person's explicit choices (paths); the default: filtered trees open, unfiltered closed. */
export interface ViewExpansion {
  opened: readonly string[];
  closed: readonly string[];
}

export interface ViewRow {
  node: number;
  depth: number;
  expandable: boolean;
  expanded: boolean;
  /** Index of the parent directory's row, -1 at the top level. */
  parent: number;
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Present children in display order (by name, or largest first), sorted when first asked for. */
export class SortedChildren {
  private readonly cache = new Map<number, { nodes: number[]; names: string[] }>();

  constructor(readonly view: FsView, readonly sort: ViewSort) {}

  of(dir: number): number[] {
    return this.sorted(dir).nodes;
  }

  /** The present child shown as `name` (by name order: a binary search), or -1. */
  named(dir: number, name: string): number {
    if (this.sort !== 'name') return this.view.childNamed(dir, name);
    const { nodes, names } = this.sorted(dir);
    let lo = 0;
    let hi = names.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = compareNames(names[mid], name);
      if (order === 0) return nodes[mid];
      if (order < 0) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  private sorted(dir: number): { nodes: number[]; names: string[] } {
    let entry = this.cache.get(dir);
    if (entry) return entry;
    const { view } = this;
    const items: { node: number; name: string; size: number }[] = [];
    view.eachChild(dir, (node) => { items.push({ node, name: view.trie.nameOf(node), size: view.sizes[node] }); });
    items.sort((a, b) => compareNames(a.name, b.name));
    if (this.sort === 'size') items.sort((a, b) => b.size - a.size || compareNames(a.name, b.name));
    entry = { nodes: items.map((i) => i.node), names: items.map((i) => i.name) };
    this.cache.set(dir, entry);
    return entry;
  }
}

export function filterActive(filter: ViewFilter): boolean {
  return filter.text.trim() !== '' || allViewChanges.some((k) => !filter.kinds.has(k));
}

/** What a filter keeps: a mask by node, and when found by walking up from the marked nodes, those nodes (ascending). */
export interface Kept {
  mask: Uint8Array;
  nodes?: Int32Array;
}

/**
 * Nodes the filter keeps: those matching it themselves and every dir above one; undefined when the
 * filter keeps everything. Without 'unchanged' only the nodes a layer above the base marked can
 * match: when they are few they are walked up from (the default view, a layer's changes, costs
 * its changes, not the whole filesystem); otherwise one pass over every node.
 */
export function keptNodes(view: FsView, filter: ViewFilter): Kept | undefined {
  if (!filterActive(filter)) return undefined;
  const { state, parents } = view;
  const wanted = new Uint8Array(5);
  wanted[UNCHANGED] = filter.kinds.has('unchanged') ? 1 : 0;
  wanted[ADDED_NODE] = filter.kinds.has('added') ? 1 : 0;
  wanted[MODIFIED_NODE] = filter.kinds.has('modified') ? 1 : 0;
  wanted[REMOVED_NODE] = filter.kinds.has('removed') ? 1 : 0;
  const text = filter.text.trim().toLowerCase();
  const mask = new Uint8Array(state.length);
  const marked = view.marked.view();
  // Few marked nodes (a layer's own changes, usually): walk up from them. Many: one pass is cheaper.
  if (wanted[UNCHANGED] === 0 && marked.length * 8 < state.length) {
    const nodes: number[] = [];
    for (const node of marked) {
      if (mask[node] === 1 || wanted[state[node]] === 0) continue;
      if (text !== '' && !view.trie.pathOf(node).toLowerCase().includes(text)) continue;
      for (let n = node; n > 0 && mask[n] === 0; n = parents[n]) {
        mask[n] = 1;
        nodes.push(n);
      }
    }
    return { mask, nodes: Int32Array.from(nodes).sort() };
  }
  const matches = text === '' ? undefined : textMatches(view, text);
  for (let n = state.length - 1; n > 0; n--) {
    const s = state[n];
    if (s === ABSENT) continue;
    if (mask[n] === 1 || (wanted[s] === 1 && (matches === undefined || matches[n] === 1))) {
      mask[n] = 1;
      mask[parents[n]] = 1;
    }
  }
  return { mask };
}

/**
 * Nodes whose lower-cased path contains `text`, parents first: a path matches when its parent's
 * does, or when the match ends in its last component (so only the parent's last
 * `text.length − 1` characters are needed: dirs keep that tail, no path string is built).
 */
function textMatches(view: FsView, text: string): Uint8Array {
  const { state, parents, kinds, trie } = view;
  const matches = new Uint8Array(state.length);
  const keep = text.length - 1;
  const tails = new Map<number, string>([[0, '']]);
  for (let n = 1; n < state.length; n++) {
    if (state[n] === ABSENT) continue;
    const parent = parents[n];
    if (matches[parent] === 1) { matches[n] = 1; continue; }
    const name = trie.nameOf(n).toLowerCase();
    const tail = parent === 0 ? name : `${tails.get(parent)}/${name}`;
    if (tail.includes(text)) matches[n] = 1;
    else if (kinds[n] === DIR) tails.set(n, keep > 0 ? tail.slice(-keep) : '');
  }
  return matches;
}

/** The visible rows of one view, filter, sort and expansion: how many, and any window of them. */
export class VisibleTree {
  readonly total: number;
  /** Visible rows below each open node (every node's when filtered: one pass; only the opened ones' otherwise). */
  private readonly below: Int32Array | Map<number, number>;
  private readonly opened = new Set<number>();
  private readonly closed = new Set<number>();
  private readonly filtered: boolean;

  private readonly kept: Uint8Array | undefined;

  constructor(private readonly sorted: SortedChildren, kept: Kept | undefined, expansion: ViewExpansion) {
    this.filtered = kept !== undefined;
    this.kept = kept?.mask;
    for (const path of expansion.opened) this.resolve(path, this.opened);
    for (const path of expansion.closed) this.resolve(path, this.closed);
    if (kept === undefined) {
      // Unfiltered: only what the person opened is open, so only those folders are counted.
      const below = new Map<number, number>();
      const count = (dir: number): number => {
        let rows = 0;
        sorted.view.eachChild(dir, (child) => { rows += 1 + (this.isOpen(child) ? count(child) : 0); });
        below.set(dir, rows);
        return rows;
      };
      this.total = count(0);
      this.below = below;
      return;
    }
    const { state, parents } = sorted.view;
    const below = new Int32Array(state.length);
    const count = (n: number): void => { below[parents[n]] += 1 + (this.isOpen(n) ? below[n] : 0); };
    // Children before parents: the highest node numbers first.
    if (kept.nodes) for (let i = kept.nodes.length - 1; i >= 0; i--) count(kept.nodes[i]);
    else for (let n = state.length - 1; n > 0; n--) if (state[n] !== ABSENT && kept.mask[n] === 1) count(n);
    this.below = below;
    this.total = below[0];
  }

  /** Explicit choices win over the default; a dir with nothing in it never opens. */
  private isOpen(node: number): boolean {
    if (this.sorted.view.childCounts[node] === 0) return false;
    if (this.opened.size > 0 && this.opened.has(node)) return true;
    if (this.closed.size > 0 && this.closed.has(node)) return false;
    return this.filtered;
  }

  private resolve(path: string, into: Set<number>): void {
    let node = 0;
    for (const name of path.split('/')) {
      node = this.sorted.named(node, name);
      if (node < 0) return;
    }
    if (node > 0) into.add(node);
  }

  /** Rows [start, end), depth first, descending only into open dirs, each with its parent's row index. */
  window(start: number, end: number): ViewRow[] {
    const rows: ViewRow[] = [];
    const { kept, sorted } = this;
    const below = this.below instanceof Map ? this.below : undefined;
    const counted = this.below instanceof Int32Array ? this.below : undefined;
    const childCounts = sorted.view.childCounts;
    const walk = (dir: number, depth: number, first: number, parent: number): void => {
      let index = first;
      for (const child of sorted.of(dir)) {
        if (index >= end) return;
        if (kept !== undefined && kept[child] === 0) continue;
        const open = this.isOpen(child);
        const span = 1 + (!open ? 0 : counted ? counted[child] : below!.get(child)!);
        if (index + span > start) {
          if (index >= start) rows.push({ node: child, depth, expandable: childCounts[child] > 0, expanded: open, parent });
          if (open) walk(child, depth + 1, index + 1, index);
        }
        index += span;
      }
    };
    walk(0, 0, 0, -1);
    return rows;
  }
}
