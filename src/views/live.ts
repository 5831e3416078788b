// Keeps the views current from the engine's event stream, without polling: a container state event
// redraws that one container; anything else marks the affected views stale, debounced (~250 ms).
import type { Ctx } from '../ctx';
import type { EngineEvent } from '../model/types';
import type { ContainersView } from './containersView';
import type { ExplorerTree } from './explorerTree';
import type { EngineSnapshot, SnapshotPart } from '../docker/snapshot';
import { errorText } from '../model/errorText';

/** Container actions that change only that container's state/status/health (unit-tested). */
const stateActions = new Set(['start', 'die', 'stop', 'pause', 'unpause', 'kill', 'restart', 'oom']);

export function isStateEvent(e: EngineEvent): boolean {
  return e.type === 'container' && (stateActions.has(e.action) || e.action.startsWith('health_status'));
}

export interface LiveTrees {
  images: ExplorerTree;
  dangling: ExplorerTree;
  containers: ContainersView;
  diskUsage: ExplorerTree;
  volumes: ExplorerTree;
  networks: ExplorerTree;
}

export const debounceMs = 250;

export class LiveUpdates {
  private timer: NodeJS.Timeout | undefined;
  private readonly dirtyParts = new Set<SnapshotPart>();
  private readonly dirtyTrees = new Set<ExplorerTree>();

  constructor(private readonly ctx: Ctx, private readonly snapshot: EngineSnapshot, private readonly trees: LiveTrees) {}

  onEvent(e: EngineEvent): void {
    this.onResourceEvent(e);
    const { images, dangling, containers, diskUsage } = this.trees;
    if (isStateEvent(e)) {
      void containers.updateOne(e.id).catch((err) => this.ctx.log.warn(`container ${e.id}: ${errorText(err)}`));
      // Running/stopped changes the df "active" counts; the rest of the views are unaffected.
      this.mark(['diskUsage'], [diskUsage]);
    } else if (e.type === 'container' && ['create', 'destroy', 'rename', 'update'].includes(e.action)) {
      // Also one container: add, drop or redraw its row; Images and Dangling recount their in-use
      // markers from the patched container list.
      void containers.updateOne(e.id).catch((err) => this.ctx.log.warn(`container ${e.id}: ${errorText(err)}`));
      this.mark(['diskUsage'], [images, dangling, diskUsage]);
    } else if (e.type === 'image') {
      this.mark(['images', 'diskUsage'], [images, dangling, diskUsage]);
    } else if (e.type === 'volume') {
      if (['create', 'destroy'].includes(e.action)) this.mark(['diskUsage'], [diskUsage]);
    } else if (e.type === 'builder') {
      this.mark(['diskUsage'], [dangling, diskUsage]);
    }
  }

  /**
   * Volumes and Networks: their own events re-list them; a container event redraws them from the
   * patched container list once its row is updated (who uses a volume, who is attached, running or not).
   */
  private onResourceEvent(e: EngineEvent): void {
    const { containers, volumes, networks, diskUsage } = this.trees;
    if (e.type === 'volume') {
      this.mark(['volumes', 'diskUsage'], [volumes, diskUsage]);
    } else if (e.type === 'network') {
      const member = e.attributes.container;
      if (member && (e.action === 'connect' || e.action === 'disconnect')) {
        void containers.updateOne(member).then(() => this.mark(['networks'], [networks]), () => this.mark(['networks', 'containers'], [networks]));
      } else {
        this.mark(['networks'], [networks]);
      }
    } else if (e.type === 'container' && (isStateEvent(e) || ['create', 'destroy', 'rename'].includes(e.action))) {
      void containers.updateOne(e.id).then(() => this.mark([], [volumes, networks]), () => undefined);
    }
  }

  private mark(parts: SnapshotPart[], trees: ExplorerTree[]): void {
    for (const p of parts) this.dirtyParts.add(p);
    for (const t of trees) this.dirtyTrees.add(t);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    this.snapshot.invalidate(...this.dirtyParts);
    const trees = [...this.dirtyTrees];
    this.dirtyParts.clear();
    this.dirtyTrees.clear();
    for (const t of trees) t.invalidate();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
