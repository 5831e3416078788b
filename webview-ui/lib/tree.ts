// Pure: which rows of a file tree are on screen, given the filter, the sort and what is expanded.
// The view renders only a window of these rows, so a tree of 100,000 files never becomes 100,000
// DOM nodes. No DOM here: plain mocha tests it.
import type { ChangeKind, TreeNode } from '../../src/analysis/browser';

export type ChangeFilter = ChangeKind | 'unchanged';
export const allChangeFilters: ChangeFilter[] = ['added', 'modified', 'removed', 'unchanged'];
/** What the file tree shows until the person picks: the changes (the host prepares this view ahead). */
export const defaultChangeFilters: ChangeFilter[] = ['added', 'modified', 'removed'];

export interface TreeFilter {
  /** Case-insensitive substring of the path; '' matches every path. */
  text: string;
  kinds: ReadonlySet<ChangeFilter>;
}

export type TreeSort = 'name' | 'size';

export interface VisibleRow {
  node: TreeNode;
  depth: number;
  expandable: boolean;
  expanded: boolean;
}

export function changeOf(node: TreeNode): ChangeFilter {
  return node.change ?? 'unchanged';
}

export function filterActive(filter: TreeFilter): boolean {
  return filter.text.trim() !== '' || allChangeFilters.some((k) => !filter.kinds.has(k));
}

/**
 * The nodes a filter keeps: those that match it themselves and every directory above one.
 * undefined when the filter keeps everything. Linear in the tree.
 */
export function keptNodes(root: TreeNode, filter: TreeFilter): Set<TreeNode> | undefined {
  if (!filterActive(filter)) return undefined;
  const text = filter.text.trim().toLowerCase();
  const kept = new Set<TreeNode>();
  const visit = (node: TreeNode): boolean => {
    let keep = false;
    for (const child of node.children ?? []) if (visit(child)) keep = true;
    if (!keep && node.path !== '') {
      keep = filter.kinds.has(changeOf(node)) && (text === '' || node.path.toLowerCase().includes(text));
    }
    if (keep) kept.add(node);
    return keep;
  };
  visit(root);
  return kept;
}

const bySize = new WeakMap<TreeNode, TreeNode[]>();

/** Children in display order: by name (as built) or largest first. */
export function sortedChildren(node: TreeNode, sort: TreeSort): TreeNode[] {
  const children = node.children ?? [];
  if (sort === 'name') return children;
  let sorted = bySize.get(node);
  if (!sorted) {
    sorted = [...children].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    bySize.set(node, sorted);
  }
  return sorted;
}

/** Expansion state that survives filter changes: explicit choices win over the default. */
export class Expansion {
  private readonly opened = new Set<string>();
  private readonly closed = new Set<string>();

  /** Filtered trees open every kept directory; unfiltered ones start with only the top level shown. */
  isExpanded(path: string, filtered: boolean): boolean {
    if (this.opened.has(path)) return true;
    if (this.closed.has(path)) return false;
    return filtered;
  }

  set(path: string, expanded: boolean): void {
    (expanded ? this.opened : this.closed).add(path);
    (expanded ? this.closed : this.opened).delete(path);
  }

  clear(): void {
    this.opened.clear();
    this.closed.clear();
  }

  /** The explicit choices, as sent to the host with each tree query. */
  choices(): { opened: string[]; closed: string[] } {
    return { opened: [...this.opened], closed: [...this.closed] };
  }

  static from(choices: { opened: readonly string[]; closed: readonly string[] }): Expansion {
    const expansion = new Expansion();
    for (const path of choices.opened) expansion.opened.add(path);
    for (const path of choices.closed) expansion.closed.add(path);
    return expansion;
  }
}

/** The rows to show, depth first, descending only into expanded directories. */
export function visibleRows(root: TreeNode, filter: TreeFilter, sort: TreeSort, expansion: Expansion, kept = keptNodes(root, filter)): VisibleRow[] {
  const filtered = kept !== undefined;
  const rows: VisibleRow[] = [];
  const walk = (node: TreeNode, depth: number) => {
    for (const child of sortedChildren(node, sort)) {
      if (kept && !kept.has(child)) continue;
      const expandable = (child.children?.length ?? 0) > 0;
      const expanded = expandable && expansion.isExpanded(child.path, filtered);
      rows.push({ node: child, depth, expandable, expanded });
      if (expanded) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return rows;
}

/** Index of the row's parent directory row, or -1 for a top-level row. */
export function parentRow(rows: VisibleRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if (rows[i].depth < depth) return i;
  return -1;
}

/** Counts by change kind over a whole tree (removed subtrees count each node). */
export function changeCounts(root: TreeNode): Record<ChangeFilter, number> {
  const counts: Record<ChangeFilter, number> = { added: 0, modified: 0, removed: 0, unchanged: 0 };
  const stack = [...(root.children ?? [])];
  while (stack.length) {
    const node = stack.pop()!;
    counts[changeOf(node)]++;
    if (node.children) stack.push(...node.children);
  }
  return counts;
}

/** The window of rows to render for a scroll position, with a few rows of slack on each side. */
export function rowWindow(total: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan = 10): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) };
}
