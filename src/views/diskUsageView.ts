// The Disk Usage view: the /system/df breakdown per category, expandable to items.
import type { Ctx } from '../ctx';
import type { DiskUsageRef } from '../model/diskUsage';
import { buildDiskUsageTree } from '../model/diskUsage';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import type { EngineSnapshot } from '../docker/snapshot';

export class DiskUsageView extends ExplorerTree<DiskUsageRef> {
  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['diskUsage']);
  }

  protected async load(): Promise<Node<DiskUsageRef>[]> {
    return buildDiskUsageTree(await this.snapshot.diskUsage());
  }
}
