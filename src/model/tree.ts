// What a tree row shows, as plain data: the views map it to a vscode.TreeItem one to one, and the
// benchmark builds the same data without VS Code.

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
