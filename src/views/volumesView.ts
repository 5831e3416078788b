// The Volumes view: every volume with size (from the /system/df the snapshot shares), driver and
// the containers that use it.
import type { Ctx } from '../ctx';
import type { VolumeRef, VolumeUserRef } from '../model/volumes';
import { buildVolumeTree } from '../model/volumes';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import type { EngineSnapshot } from '../docker/snapshot';

type Row = Node<VolumeRef | VolumeUserRef>;

export class VolumesView extends ExplorerTree<VolumeRef | VolumeUserRef> {
  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['volumes', 'containers', 'diskUsage']);
  }

  protected async load(): Promise<Row[]> {
    const [volumes, containers, df] = await Promise.all([this.snapshot.volumes(), this.snapshot.containers(), this.snapshot.diskUsage()]);
    return buildVolumeTree(volumes, containers, new Map(df.volumes.map((v) => [v.name, v.size])));
  }
}
