// A tree row as VS Code draws it. Apart from explorerTree.ts because the Images view's first rows
// are drawn before the explorer's code has loaded (door.ts), so this loads with the extension.
import * as vscode from 'vscode';
import type { TreeNode } from '../model/tree';

export function toTreeItem(node: TreeNode<unknown>): vscode.TreeItem {
  const { item } = node;
  const collapse = item.collapse === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded
    : item.collapse === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const t = new vscode.TreeItem(item.label, collapse);
  t.id = item.id;
  t.description = item.description;
  t.tooltip = item.tooltip;
  t.contextValue = item.contextValue;
  if (item.icon) t.iconPath = new vscode.ThemeIcon(item.icon.id, item.icon.color ? new vscode.ThemeColor(item.icon.color) : undefined);
  return t;
}
