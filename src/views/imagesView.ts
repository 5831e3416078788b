// The Images view: tags grouped and sorted per settings, a name filter, in-use markers, and shared
// vs unique size resolved on hover.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { imageTooltip, retimeImageTree, type ImageTagRef } from '../model/images';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import { imageRows } from './imageRows';
import type { EngineSnapshot } from '../docker/snapshot';

export class ImagesView extends ExplorerTree<ImageTagRef> {
  private filterText = '';
  private sharedSizes: Promise<Map<string, number>> | undefined;

  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['images', 'containers']);
  }

  get filter(): string { return this.filterText; }

  setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', 'layerscope.images.filtered', this.filterText !== '');
    return this.reload();
  }

  /** The current sort and grouping (the title-bar toggle and Group By… change them), then the engine. */
  protected override describe(): string {
    const engine = super.describe();
    const order = `sorted by ${config.imagesSortBy()} · grouped by ${config.imagesGroupBy()}`;
    return this.filterText ? `filter: "${this.filterText}" · ${order} · ${engine}` : `${order} · ${engine}`;
  }

  protected override note(): string | undefined {
    return this.filterText && this.roots.length === 0 ? `No tag matches "${this.filterText}". Clear the filter to see every image.` : undefined;
  }

  protected async load(): Promise<Node<ImageTagRef>[]> {
    const { rows } = await imageRows(this.snapshot, this.filterText);
    this.sharedSizes = undefined;
    return rows;
  }

  override retime(nowMs: number): number | undefined {
    const { changed, nextDelayMs } = retimeImageTree(this.roots, nowMs);
    this.redrawRows(changed);
    return nextDelayMs;
  }

  /**
   * The tooltip is built on hover. API < 1.42 lists SharedSize as -1; /system/df computes it. That
   * call is slow (about 150 ms with 1,000 containers), so it runs once per refresh, on the first hover.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: Node<ImageTagRef>): Promise<vscode.TreeItem> {
    const tag = node.ref;
    if (tag?.kind !== 'imageTag') return item;
    let shared = tag.image.sharedSize;
    if (shared === undefined || shared < 0) {
      try {
        this.sharedSizes ??= this.snapshot.diskUsage().then((df) => new Map(df.images.map((i) => [i.id, i.sharedSize ?? -1])));
        shared = (await this.sharedSizes).get(tag.image.id);
      } catch {
        this.sharedSizes = undefined;
      }
    }
    item.tooltip = imageTooltip(tag, shared, Date.now());
    return item;
  }
}
