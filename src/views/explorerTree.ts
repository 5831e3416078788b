// The shared part of the explorer views: one refresh emitter per tree, TreeNode → TreeItem,
// the unreachable-engine message, and a way for tests to await a refresh. A change fired for a row
// makes VS Code redraw it and re-ask for the children of every row expanded below it, so a re-read
// that draws the same rows fires nothing, and rows are redrawn through one RedrawBatch (per burst,
// never while VS Code waits for children: see redrawBatch.ts).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { ExplorerRef } from '../model/explorerRef';
import { keepSameRows, type TreeNode } from '../model/tree';
import { PhasedLoads, type Phased } from './phasedLoad';
import type { EngineSnapshot, SnapshotPart } from '../docker/snapshot';
import type { ViewSlot } from './door';
import { errorText } from '../model/errorText';
import { RedrawBatch } from './redrawBatch';

/** A row of a view whose rows refer to `R`. */
export type Node<R extends ExplorerRef = ExplorerRef> = TreeNode<R>;

export abstract class ExplorerTree<R extends ExplorerRef = ExplorerRef> implements vscode.TreeDataProvider<Node<R>>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<Node<R> | Node<R>[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  protected readonly rebuilt = new vscode.EventEmitter<void>();
  /** Fires when rows were loaded or patched (the relative-time ticker re-plans on it). */
  readonly onDidRebuild = this.rebuilt.event;
  /** Test hook: how many times the view read the engine through load(). */
  loadCount = 0;
  readonly view: vscode.TreeView<Node<R>>;
  protected roots: Node<R>[] = [];
  private loaded = false;
  private stale = true;
  private running = false;
  private again = false;
  private waiters: (() => void)[] = [];
  private lastError = '';
  private readonly phases = new PhasedLoads<Node<R>[]>();
  // Typed over any row, so that every view stays an ExplorerTree<ExplorerRef>; only this view's rows go in.
  private readonly redraws = new RedrawBatch<Node>((rows) => this.changed.fire(rows as Node<R>[] | undefined));

  readonly viewId: string;
  private readonly drawRow: ViewSlot['drawRow'];

  /** `slot`: the view as the explorer's door registered it at activation (door.ts); this tree takes it over. */
  constructor(protected readonly ctx: Ctx, protected readonly snapshot: EngineSnapshot, slot: ViewSlot,
    /** The engine reads this view depends on: refresh() re-reads them. */
    private readonly parts: SnapshotPart[]) {
    this.viewId = slot.id;
    this.drawRow = slot.drawRow;
    // The door made the view before this tree existed; its rows are this tree's nodes.
    this.view = slot.view as vscode.TreeView<Node<R>>;
    slot.shell.attach(this);
    ctx.push(this, this.changed, this.rebuilt);
    ctx.push(this.view.onDidChangeVisibility((e) => { if (e.visible && this.stale) void this.reload(); }));
  }

  /** Reads what the view shows from the engine and builds its nodes, optionally with a slower second phase. */
  protected abstract load(): Promise<Node<R>[] | Phased<Node<R>[]>>;

  /** Settles when the second phase of the last load (if any) is drawn (tests wait on it). */
  get laterPhase(): Promise<void> {
    return this.phases.settled;
  }

  /**
   * Re-words relative times ("Up 3 minutes", "5 minutes ago") for `nowMs` from what is already
   * loaded, firing changes for the rows that read differently. Returns how long until a row may
   * change again; undefined: nothing here counts time.
   */
  retime(_nowMs: number): number | undefined {
    return undefined;
  }

  /** Text under the view's title: the current engine (and, for Images, the filter). */
  protected describe(): string {
    try {
      const info = this.ctx.engine.info;
      return info.contextName ? `${info.contextName} (${info.endpoint})` : info.endpoint;
    } catch {
      return '';
    }
  }

  /** Re-reads this view's data from the engine and rebuilds it. */
  refresh(): Promise<void> {
    this.snapshot.invalidate(...this.parts);
    return this.reload();
  }

  /** Rebuilds from the snapshot (the caller invalidated what changed); concurrent calls share one load. */
  reload(): Promise<void> {
    const done = this.nextRefresh();
    if (this.running) this.again = true;
    else void this.runLoads();
    return done;
  }

  /** Marks the data old: reload now if the view is visible, else when it is next shown. */
  invalidate(): void {
    this.stale = true;
    if (this.view.visible) void this.reload();
  }

  /** Resolves after the next refresh completes (tests use it). */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Takes over rows VS Code already shows, answered before this tree's code loaded (door.ts): they
   * count as loaded, unless the snapshot has moved since they were read or the engine is unreachable,
   * in which case the view loads again (now if visible).
   */
  adopt(roots: Node<R>[], current: boolean): void {
    this.roots = roots;
    if (!current || this.ctx.state === 'unreachable') {
      this.invalidate();
      return;
    }
    this.loaded = true;
    this.stale = false;
    this.showState();
    this.rebuilt.fire();
  }

  /** Replaces the shown nodes without reading the engine (a second load phase, an incremental change). */
  protected setRoots(roots: Node<R>[]): void {
    if (this.ctx.state === 'unreachable') return;
    if (this.takeRoots(roots)) this.redrawRows([undefined]);
    this.rebuilt.fire();
  }

  /**
   * False for a view whose rows a model keeps and patches (Containers): its new rows are always
   * taken, since the model changes those objects later.
   */
  protected get keepsSameRows(): boolean {
    return true;
  }

  /** Shows `roots`, keeping the shown rows when they draw the same; returns whether anything changed. */
  private takeRoots(roots: Node<R>[]): boolean {
    const kept = this.keepsSameRows && this.loaded ? keepSameRows(this.roots, roots) : { rows: roots, changed: true };
    this.roots = kept.rows;
    return kept.changed;
  }

  /** Redraws these rows (undefined: the whole tree), together with the others asked for within the next few ms. */
  protected redrawRows(nodes: Iterable<Node<R> | undefined>): void {
    this.redraws.add(nodes);
  }

  /** Test hook: the nodes shown right now, without loading anything. */
  get shownRoots(): readonly Node<R>[] {
    return this.ctx.state === 'unreachable' ? [] : this.roots;
  }

  /** Test hook: the nodes currently shown (after a refresh if none yet). */
  async rootNodes(): Promise<Node<R>[]> {
    return (await this.getChildren()) ?? [];
  }

  private async runLoads(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        this.stale = false;
        await this.loadOnce();
      } while (this.again);
    } finally {
      // Cleared before the waiters run, so a waiter that reloads starts a new load.
      this.running = false;
      for (const w of this.waiters.splice(0)) w();
    }
  }

  private async loadOnce(): Promise<void> {
    if (this.ctx.state === 'unreachable') {
      this.roots = [];
      this.showState();
      this.changed.fire(undefined);
      return;
    }
    const showNow = (roots: Node<R>[]) => {
      const changed = this.takeRoots(roots);
      this.loaded = true;
      this.showState();
      if (changed) {
        this.redraws.clear(); // the whole tree is redrawn now
        this.changed.fire(undefined);
      }
      this.rebuilt.fire();
    };
    try {
      this.lastError = '';
      this.loadCount++;
      await this.phases.run(() => this.load(), { showNow, showLater: (roots) => this.setRoots(roots) });
    } catch (err) {
      this.lastError = errorText(err);
      this.ctx.log.warn(`${this.viewId}: ${this.lastError}`);
      showNow([]);
    }
  }

  /** A line above the rows when there is no error (e.g. a filter that matches nothing). */
  protected note(): string | undefined {
    return undefined;
  }

  /**
   * TreeView.message carries a load error or a note. While the engine is unreachable it stays
   * empty: a message hides the welcome content, whose Retry / Switch Engine… / Open Settings
   * buttons and wording (per error kind, see package.json viewsWelcome) then say what to do.
   */
  protected showState(): void {
    const unreachable = this.ctx.state === 'unreachable';
    this.view.message = unreachable ? undefined : this.lastError || this.note();
    this.view.description = unreachable ? `not reachable · ${this.describe()}` : this.describe();
  }

  /** The engine went away or came back: clear, or reload by itself. */
  onEngineState(): void {
    if (this.ctx.state === 'unreachable') {
      this.roots = [];
      this.stale = true;
      this.showState();
      this.changed.fire(undefined);
    } else if (this.ctx.state === 'ready') {
      this.showState();
      void this.reload();
    }
  }

  /** What VS Code calls: no row is redrawn while an answer is on its way. */
  getChildren(element?: Node<R>): Promise<Node<R>[]> {
    return this.redraws.answer(() => this.childrenOf(element));
  }

  protected async childrenOf(element?: Node<R>): Promise<Node<R>[]> {
    if (element) return element.children ?? [];
    if (this.ctx.state === 'unreachable') return [];
    if (!this.loaded || this.stale) await this.reload();
    return this.roots;
  }

  getTreeItem(node: Node<R>): vscode.TreeItem {
    return this.drawRow(node);
  }

  getParent(node: Node<R>): Node<R> | undefined {
    return findParent(this.roots, node);
  }

  dispose(): void {
    this.redraws.dispose();
    for (const w of this.waiters.splice(0)) w();
  }
}

function findParent<R>(nodes: TreeNode<R>[], target: TreeNode<R>): TreeNode<R> | undefined {
  for (const n of nodes) {
    if (n.children?.includes(target)) return n;
    const deeper = n.children && findParent(n.children, target);
    if (deeper) return deeper;
  }
  return undefined;
}
