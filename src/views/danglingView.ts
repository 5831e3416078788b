// The Dangling view: shows dangling and intermediate images at once from the image list, then
// fills in reclaimable bytes and the build cache when the slower /system/df answers.
import type { Ctx } from '../ctx';
import { config } from '../config';
import { buildDanglingTree, retimeDanglingTree, type DanglingRef } from '../model/dangling';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import type { Phased } from './phasedLoad';
import type { EngineSnapshot } from '../docker/snapshot';
import { errorText } from '../model/errorText';

export class DanglingView extends ExplorerTree<DanglingRef> {
  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['images', 'containers', 'diskUsage']);
  }

  /** Settles when the /system/df phase of the last load is drawn (tests wait on it). */
  get diskUsagePhase(): Promise<void> {
    return this.laterPhase;
  }

  override retime(nowMs: number): number | undefined {
    const { changed, nextDelayMs } = retimeDanglingTree(this.roots, nowMs);
    this.redrawRows(changed);
    return nextDelayMs;
  }

  protected async load(): Promise<Phased<Node<DanglingRef>[]>> {
    const [images, containers] = await Promise.all([this.snapshot.images(), this.snapshot.containers()]);
    const showIntermediate = config.danglingShowIntermediate();
    const later = this.snapshot.diskUsage().then(
      (df) => {
        const sharedSizes = new Map(df.images.map((i) => [i.id, i.sharedSize ?? -1]));
        return buildDanglingTree({ images, containers, sharedSizes, buildCache: df.buildCache, nowMs: Date.now(), showIntermediate });
      },
      (err: unknown) => {
        const message = errorText(err);
        this.ctx.log.warn(`layerscope.dangling: /system/df: ${message}`);
        return buildDanglingTree({ images, containers, diskUsageError: message, nowMs: Date.now(), showIntermediate });
      },
    );
    return { now: buildDanglingTree({ images, containers, nowMs: Date.now(), showIntermediate }), later };
  }
}
