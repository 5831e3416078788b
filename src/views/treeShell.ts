// A tree view's provider at activation, before the explorer's code has loaded: VS Code gets this
// small shell; its first getChildren loads the real provider (the view's ExplorerTree) and every
// call after that goes to it. A view may answer that first ask early, without the real provider's
// code (the Images view, door.ts). No model or view code here: this file loads with the extension.
import * as vscode from 'vscode';

/** When a view first asked for its top rows and when it had them (performance.now() of the extension host). */
export interface FirstRows {
  askedAt: number;
  answeredAt?: number;
  rows?: number;
}

/** A view's first rows without the real provider's code; the provider takes them over when it loads. */
export interface EarlyRows<T> {
  /** The rows, or undefined: the real provider answers instead (and shows any error as it does). */
  rows(): Promise<T[] | undefined>;
  /** How a row is drawn until the real provider has loaded. */
  treeItem(element: T): vscode.TreeItem;
}

export class TreeShell<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The first ask for the top rows, timed (the activation bench prints it as "ours"). */
  firstRows: FirstRows | undefined;

  /** `load` builds the real provider and attaches it; `onFirstAsk` starts what it will read. */
  constructor(private readonly load: () => Promise<unknown>, private readonly onFirstAsk: () => void,
    private readonly early?: EarlyRows<T>) {}

  /** The real provider takes over: VS Code's calls and its change events go through to it. */
  attach(target: vscode.TreeDataProvider<T>): void {
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((e) => this.changed.fire(e));
  }

  async getChildren(element?: T): Promise<T[] | null | undefined> {
    const first = !element && !this.firstRows;
    if (first) this.firstRows = { askedAt: performance.now() };
    if (!this.target) {
      this.onFirstAsk();
      const early = first && this.early ? await this.early.rows() : undefined;
      if (early && !this.target) return this.answered(early);
      if (!this.target) await this.load();
    }
    const rows = await this.provider().getChildren(element);
    return first ? this.answered(rows) : rows;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return !this.target && this.early ? this.early.treeItem(element) : this.provider().getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider().getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.target?.resolveTreeItem ? this.target.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }

  private answered<R extends T[] | null | undefined>(rows: R): R {
    if (this.firstRows) Object.assign(this.firstRows, { answeredAt: performance.now(), rows: rows?.length ?? 0 });
    return rows;
  }

  private provider(): vscode.TreeDataProvider<T> {
    if (!this.target) throw new Error('Layerscope: the explorer view was asked for rows before its code loaded.');
    return this.target;
  }
}
