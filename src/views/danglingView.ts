// The Dangling view: shows dangling and intermediate images at once from the image list, then
// fills in reclaimable bytes and the build cache when the slower /system/df answers.
import type { Ctx } from '../ctx';
import { config } from '../config';
import { buildDanglingTree } from '../model/dangling';
import type { ContainerSummary, DiskUsage, ImageSummary } from '../model/types';
import { ExplorerTree, type Node } from './explorerTree';
import type { EngineSnapshot } from './snapshot';

export class DanglingView extends ExplorerTree {
  /** Resolves when the /system/df phase of the last load is drawn (tests wait on it). */
  diskUsagePhase: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(ctx: Ctx, snapshot: EngineSnapshot) {
    super(ctx, snapshot, 'layerscope.dangling', ['images', 'containers', 'diskUsage']);
  }

  protected async load(): Promise<Node[]> {
    const generation = ++this.generation;
    const [images, containers] = await Promise.all([this.snapshot.images(), this.snapshot.containers()]);
    const df = this.snapshot.diskUsage();
    this.diskUsagePhase = df.then((usage) => { if (generation === this.generation) this.fillIn(images, containers, usage); }, (err) => {
      const message = err instanceof Error ? err.message : String(err);
      this.ctx.log.warn(`layerscope.dangling: /system/df: ${message}`);
      if (generation === this.generation) this.setRoots(buildDanglingTree({ images, containers, diskUsageError: message, nowMs: Date.now(), showIntermediate: config.danglingShowIntermediate() }));
    });
    return buildDanglingTree({ images, containers, nowMs: Date.now(), showIntermediate: config.danglingShowIntermediate() });
  }

  private fillIn(images: ImageSummary[], containers: ContainerSummary[], df: DiskUsage): void {
    const sharedSizes = new Map(df.images.map((i) => [i.id, i.sharedSize ?? -1]));
    this.setRoots(buildDanglingTree({ images, containers, sharedSizes, buildCache: df.buildCache, nowMs: Date.now(), showIntermediate: config.danglingShowIntermediate() }));
  }
}
