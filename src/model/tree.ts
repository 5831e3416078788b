// What a tree row shows, as plain data: the views map it to a vscode.TreeItem one to one, and the
// benchmark builds the same data without VS Code.
import { nextChangeDelayMs } from './liveStatus';

export interface IconSpec {
  /** A codicon id, e.g. 'layers', 'vm-running'. */
  id: string;
  /** A theme colour id, e.g. 'charts.green'. */
  color?: string;
}

export interface ItemData {
  /** Stable across refreshes, so VS Code keeps selection and expansion. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: IconSpec;
  /** undefined: a leaf. */
  collapse?: 'expanded' | 'collapsed';
}

export interface TreeNode<R = unknown> {
  item: ItemData;
  /** The model object behind the row (an image, a container, …) that commands act on. */
  ref?: R;
  children?: TreeNode<R>[];
}

export function groupNode<R>(id: string, label: string, description: string, children: TreeNode<R>[], icon?: IconSpec): TreeNode<R> {
  return {
    item: { id, label, description, contextValue: 'group', collapse: 'expanded', icon },
    children,
  };
}

/** The first 12 hex digits of an ID, as `docker` prints it. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Every node of a tree, depth first, children before their parent's next sibling. */
export function* walkTree<R>(roots: TreeNode<R>[]): Generator<TreeNode<R>> {
  for (const node of roots) {
    if (node.children) yield* walkTree(node.children);
    yield node;
  }
}

/** What re-wording relative times did: the rows whose text changed, and how long until the next may. */
export interface Retimed<R> {
  changed: TreeNode<R>[];
  /** undefined when no row counts time. */
  nextDelayMs?: number;
}

/**
 * Re-words rows' relative times for `nowMs`, in place (the views' one timer calls it; no re-list).
 * `timed` gives a row's new description and the age (ms) its wording depends on, or undefined for a
 * row without a relative time.
 */
export function retimeRows<R>(rows: Iterable<TreeNode<R>>, nowMs: number,
  timed: (node: TreeNode<R>) => { description: string; ageMs: number } | undefined): Retimed<R> {
  const changed: TreeNode<R>[] = [];
  let nextDelayMs: number | undefined;
  for (const node of rows) {
    const time = timed(node);
    if (!time) continue;
    if (time.description !== node.item.description) {
      node.item = { ...node.item, description: time.description };
      changed.push(node);
    }
    const delay = nextChangeDelayMs(time.ageMs);
    nextDelayMs = nextDelayMs === undefined ? delay : Math.min(nextDelayMs, delay);
  }
  return { changed, nextDelayMs };
}
