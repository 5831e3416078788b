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

/** True when two rows draw the same: the same item data, and the same children drawn the same, in order. */
export function sameRows<R>(a: readonly TreeNode<R>[], b: readonly TreeNode<R>[]): boolean {
  return a.length === b.length && a.every((x, i) => sameItem(x.item, b[i].item) && sameRows(x.children ?? [], b[i].children ?? [])
    && (x.children === undefined) === (b[i].children === undefined));
}

function sameItem(a: ItemData, b: ItemData): boolean {
  return a.id === b.id && a.label === b.label && a.description === b.description && a.tooltip === b.tooltip
    && a.contextValue === b.contextValue && a.collapse === b.collapse && a.icon?.id === b.icon?.id && a.icon?.color === b.icon?.color;
}

/**
 * A re-read that draws the same rows keeps the rows already shown (the view then fires no change, so
 * VS Code neither redraws nor re-asks for their children): `shown` takes `next`'s refs in place, so
 * commands act on the fresh data. Returns the rows to show and whether they changed.
 */
export function keepSameRows<R>(shown: TreeNode<R>[], next: TreeNode<R>[]): { rows: TreeNode<R>[]; changed: boolean } {
  if (!sameRows(shown, next)) return { rows: next, changed: true };
  const adopt = (olds: TreeNode<R>[], news: TreeNode<R>[]) => olds.forEach((o, i) => {
    o.ref = news[i].ref;
    if (o.children) adopt(o.children, news[i].children!);
  });
  adopt(shown, next);
  return { rows: shown, changed: false };
}
