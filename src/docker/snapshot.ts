// What the explorer last read from the engine, shared by the four views so that one refresh asks
// the engine once per list (Images and Dangling share one `images?all=1`, Images and Containers
// share one container list). No vscode import: the benchmark drives it outside VS Code.
import type { Engine } from '../docker/engine';
import type { ContainerSummary, DiskUsage, ImageSummary, NetworkSummary, VolumeSummary } from '../model/types';

export type SnapshotPart = 'images' | 'containers' | 'diskUsage' | 'volumes' | 'networks';

export class EngineSnapshot {
  private readonly pending = new Map<SnapshotPart, Promise<unknown>>();
  private containerList: ContainerSummary[] | undefined;
  /** Counts invalidations: rows built at one generation are current while it has not moved. */
  generation = 0;

  constructor(private readonly engine: () => Engine) {}

  /** Every image, intermediate ones included (`all=true`). */
  images(signal?: AbortSignal): Promise<ImageSummary[]> {
    return this.once('images', () => this.engine().listImages({ all: true }, signal));
  }

  containers(signal?: AbortSignal): Promise<ContainerSummary[]> {
    return this.once('containers', async () => {
      this.containerList = await this.engine().listContainers({ all: true }, signal);
      return this.containerList;
    });
  }

  /** `/system/df`: the slow call (build cache, shared sizes, volume sizes). Asked only when a view needs it. */
  diskUsage(signal?: AbortSignal): Promise<DiskUsage> {
    return this.once('diskUsage', () => this.engine().diskUsage(signal));
  }

  volumes(signal?: AbortSignal): Promise<VolumeSummary[]> {
    return this.once('volumes', () => this.engine().listVolumes(signal));
  }

  networks(signal?: AbortSignal): Promise<NetworkSummary[]> {
    return this.once('networks', () => this.engine().listNetworks(signal));
  }

  /** Forget parts so the next read asks the engine again. No argument: forget everything. */
  invalidate(...parts: SnapshotPart[]): void {
    this.generation++;
    for (const part of parts.length ? parts : (['images', 'containers', 'diskUsage', 'volumes', 'networks'] as const)) {
      this.pending.delete(part);
      if (part === 'containers') this.containerList = undefined;
    }
  }

  /** One container changed (an event): patch the cached list in place instead of re-listing. */
  patchContainer(id: string, next: ContainerSummary | undefined): void {
    const list = this.containerList;
    if (!list) return;
    const at = list.findIndex((c) => c.id === id);
    if (next && at >= 0) list[at] = next;
    else if (next) list.push(next);
    else if (at >= 0) list.splice(at, 1);
  }

  private once<T>(part: SnapshotPart, load: () => Promise<T>): Promise<T> {
    let p = this.pending.get(part) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.pending.set(part, p);
      // A failed read is not cached: the next view asks again.
      p.catch(() => { if (this.pending.get(part) === p) this.pending.delete(part); });
    }
    return p;
  }
}
