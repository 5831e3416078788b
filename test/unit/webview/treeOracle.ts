// The reference model the Layers panel's fast path is checked against (treeRowsEquivalence.test.ts):
// the file tree's rows computed the plain way, over filesystemAt's TreeNode tree — what the webview
// did before the host answered rows from typed arrays (src/analysis/fsViewRows.ts). Test code only:
// keep it obvious rather than fast.
import type { TreeNode } from '../../../src/analysis/browser';
import { allChangeFilters, type ChangeFilter, type Expansion, type TreeSort } from '../../../webview-ui/lib/tree';

export interface TreeFilter {
  /** Case-insensitive substring of the path; '' matches every path. */
  text: string;
  kinds: ReadonlySet<ChangeFilter>;
}

export interface VisibleRow {
  node: TreeNode;
  depth: number;
  expandable: boolean;
  expanded: boolean;
}

function changeOf(node: TreeNode): ChangeFilter {
  return node.change ?? 'unchanged';
}

function filterActive(filter: TreeFilter): boolean {
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
function sortedChildren(node: TreeNode, sort: TreeSort): TreeNode[] {
  const children = node.children ?? [];
  if (sort === 'name') return children;
  let sorted = bySize.get(node);
  if (!sorted) {
    sorted = [...children].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    bySize.set(node, sorted);
  }
  return sorted;
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
