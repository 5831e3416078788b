// The Disk Usage view: the /system/df breakdown per category, expandable to items.
import type { Ctx } from '../ctx';
import { buildDiskUsageTree } from '../model/diskUsage';
import { ExplorerTree, type Node } from './explorerTree';
import type { EngineSnapshot } from '../docker/snapshot';

export class DiskUsageView extends ExplorerTree {
  constructor(ctx: Ctx, snapshot: EngineSnapshot) {
    super(ctx, snapshot, 'layerscope.diskUsage', ['diskUsage']);
  }

  protected async load(): Promise<Node[]> {
    return buildDiskUsageTree(await this.snapshot.diskUsage());
  }
}
