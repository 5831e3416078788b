// The Containers view: grouped by state or compose project; a container event redraws one row, and
// the rows a person expanded below it are answered from what was read unless its state changed.
import type { Ctx } from '../ctx';
import type { ContainerChildRef } from '../model/containerNodes';
import { config } from '../config';
import * as vscode from 'vscode';
import { ContainerTreeModel, containerTooltip, type ContainerRef } from '../model/containers';
import { ContainerChildren } from './containerChildren';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import type { EngineSnapshot } from '../docker/snapshot';
import { isContainerRow, type ExplorerNode } from '../model/explorerRef';
import type { TreeNode } from '../model/tree';

type Row = Node<ContainerRef | ContainerChildRef>;

export class ContainersView extends ExplorerTree<ContainerRef | ContainerChildRef> {
  private model: ContainerTreeModel | undefined;
  private updated: ((id: string) => void)[] = [];
  private readonly pendingUpdates = new Map<string, Promise<unknown>>();

  /** A container's Layer and Files rows, loaded when expanded. */
  readonly containerChildren: ContainerChildren;

  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['containers']);
    this.containerChildren = new ContainerChildren(ctx);
    // Collapse and expand again: read afresh.
    ctx.push(this.view.onDidCollapseElement((e) => this.containerChildren.forget(e.element)));
  }

  /** The model patches its row objects in place: a full read always shows its new rows. */
  protected override get keepsSameRows(): boolean {
    return false;
  }

  protected override async childrenOf(element?: Row): Promise<Row[]> {
    const mine = element && await this.containerChildren.children(element);
    return mine ?? super.childrenOf(element);
  }

  override getParent(node: Row): Row | undefined {
    return this.containerChildren.parentOf(node) ?? super.getParent(node);
  }

  /** A click on a container's file opens it (read-only). */
  override getTreeItem(node: Row): vscode.TreeItem {
    const item = super.getTreeItem(node);
    if (/^(containerPath\.(file|symlink)|containerChange\.file)$/.test(node.item.contextValue ?? '')) {
      item.command = { command: 'layerscope.containerFile.open', title: 'Open', arguments: [node] };
    }
    return item;
  }

  /** Reloads what a row shows below it (after an upload, a commit, …). */
  redraw(node: ExplorerNode): void {
    if (!isContainerRow(node)) return;
    this.containerChildren.forget(node);
    this.redrawRows([node]);
  }

  protected async load(): Promise<Row[]> {
    // A full read (Refresh, a resync, a setting) reads the expanded rows again too.
    this.containerChildren.forgetAll();
    this.model = new ContainerTreeModel(await this.snapshot.containers(), config.containersGroupBy());
    return this.model.roots();
  }

  /**
   * Incremental update for one container's event: asks the engine for this one container and
   * redraws its row (and the groups whose counts change), without listing the others. Updates of
   * one container run one after another, so a late answer never overwrites a newer state.
   */
  updateOne(id: string): Promise<void> {
    const previous = this.pendingUpdates.get(id) ?? Promise.resolve();
    const next = previous.then(() => this.applyOne(id));
    const settled: Promise<void> = next.catch(() => undefined).then(() => {
      if (this.pendingUpdates.get(id) === settled) this.pendingUpdates.delete(id);
    });
    this.pendingUpdates.set(id, settled);
    return next;
  }

  private async applyOne(id: string): Promise<void> {
    if (!this.model) {
      // Never shown: nothing to redraw; the next read lists afresh.
      this.snapshot.invalidate('containers');
      return;
    }
    const next = await this.ctx.engine.getContainer(id);
    this.snapshot.patchContainer(id, next);
    if (!this.model) return;
    // Running or not decides how its files are listed, and its layer may have changed: read them again.
    if (next?.state !== this.model.node(id)?.ref?.container.state) this.containerChildren.forgetContainer(id);
    const change = this.model.apply(id, next, Date.now());
    if (change.nodes.includes(undefined)) this.setRoots(this.model.roots());
    else {
      this.redrawRows(change.nodes);
      this.rebuilt.fire();
    }
    for (const w of this.updated.splice(0)) w(id);
  }

  override retime(nowMs: number): number | undefined {
    if (!this.model) return undefined;
    const { changed, nextDelayMs } = this.model.retime(nowMs);
    this.redrawRows(changed);
    return nextDelayMs;
  }

  /** The tooltip is built on hover. */
  resolveTreeItem(item: vscode.TreeItem, node: Row): vscode.TreeItem {
    const ref = node.ref;
    if (ref?.kind === 'container') item.tooltip = containerTooltip(ref.container, Date.now());
    return item;
  }

  /** Resolves after the next incremental update (tests use it). */
  nextUpdate(): Promise<string> {
    return new Promise((resolve) => this.updated.push(resolve));
  }

  /** The row of one container, if shown. */
  nodeOf(id: string): TreeNode<ContainerRef> | undefined {
    return this.model?.node(id);
  }
}
