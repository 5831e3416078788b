// Diff IDs (RootFS.Layers) of every local image, for the shared-vs-unique split. An image ID names
// immutable content, so each image is inspected once per engine and then served from the cache.
import type { Engine } from '../docker/engine';
import { diffIdsFromInspect } from '../model/history';

const concurrency = 8;

export class LocalLayers {
  private readonly cache = new Map<string, Promise<string[]>>();

  /** Forget everything (another engine). */
  clear(): void {
    this.cache.clear();
  }

  /** Diff IDs of every listed image (dangling included, intermediate excluded), by image ID. */
  async all(engine: Engine, signal?: AbortSignal): Promise<Map<string, string[]>> {
    const images = await engine.listImages({}, signal);
    const ids = images.map((i) => i.id);
    const listed = new Set(ids);
    for (const id of [...this.cache.keys()]) if (!listed.has(id)) this.cache.delete(id);
    const result = new Map<string, string[]>();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const layers = await this.of(engine, id, signal).catch(() => undefined);
        if (layers) result.set(id, layers); // an image removed meanwhile is simply left out
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    return result;
  }

  /** One image's diff IDs; a failed inspect is not cached. */
  of(engine: Engine, id: string, signal?: AbortSignal): Promise<string[]> {
    let p = this.cache.get(id);
    if (!p) {
      p = engine.inspectImage(id, signal).then(diffIdsFromInspect);
      this.cache.set(id, p);
      p.catch(() => { if (this.cache.get(id) === p) this.cache.delete(id); });
    }
    return p;
  }

  /** Seed from an inspect the caller already has. */
  remember(id: string, inspect: Record<string, unknown>): void {
    this.cache.set(id, Promise.resolve(diffIdsFromInspect(inspect)));
  }
}
