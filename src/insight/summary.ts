// Pure: a compact, versioned, JSON-serialisable summary of a deep analysis — what the lenses, the
// measured findings and the savings report need, small enough to cache on disk per image ID.
//
// Contract (stable): summarize(analysis: ImageAnalysis) → ImageInsight (see types.ts).
// One pass over every layer's change list (the analysis already holds it): per layer, the bytes it
// stores under package-manager cache dirs, the secret-looking files it stores (named by path only),
// the folders a .dockerignore usually keeps out, and which of its stored files a later layer
// deleted or overwrote (with bytes). Lists are capped so a 100k-file image stays a few KB.
import type { ImageAnalysis } from '../analysis/types';
import { cacheOf, ignorableOf, secretKind } from './patterns';
import type { ImageInsight, LayerInsight, PathBytes, WastedBy } from './types';

export const INSIGHT_VERSION = 1;
/** Paths kept per list (largest first). */
export const MAX_PATHS = 20;

interface Stored { layer: number; bytes: number }

function top(map: Map<string, number>, limit = MAX_PATHS): PathBytes[] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([path, bytes]) => ({ path, bytes }));
}

export function summarize(analysis: ImageAnalysis): ImageInsight {
  const stored = new Map<string, Stored>();
  // wasted[layer] : by-layer → path → bytes
  const wasted = analysis.layers.map(() => new Map<number, Map<string, number>>());
  const layers: LayerInsight[] = analysis.layers.map((layer) => {
    const caches = new Map<string, { kind: string; bytes: number }>();
    const secrets: LayerInsight['secrets'] = [];
    const ignorable = new Map<string, { kind: string; bytes: number }>();
    const lose = (path: string, by: number): void => {
      const before = stored.get(path);
      if (!before || before.bytes === 0) return;
      let byMap = wasted[before.layer].get(by);
      if (!byMap) wasted[before.layer].set(by, byMap = new Map());
      byMap.set(path, (byMap.get(path) ?? 0) + before.bytes);
      stored.delete(path);
    };
    for (const change of layer.changes) {
      if (change.change === 'removed') { lose(change.path, layer.index); continue; }
      if (change.change === 'modified') lose(change.path, layer.index);
      if (change.kind !== 'file') continue;
      stored.set(change.path, { layer: layer.index, bytes: change.size });
      const cache = cacheOf(change.path);
      if (cache) {
        const c = caches.get(cache.dir) ?? { kind: cache.kind, bytes: 0 };
        c.bytes += change.size;
        caches.set(cache.dir, c);
      }
      const secret = secretKind(change.path);
      if (secret && secrets.length < MAX_PATHS * 5) secrets.push({ path: change.path, bytes: change.size, kind: secret });
      const ign = ignorableOf(change.path);
      if (ign) {
        const g = ignorable.get(ign.dir) ?? { kind: ign.kind, bytes: 0 };
        g.bytes += change.size;
        ignorable.set(ign.dir, g);
      }
    }
    return {
      index: layer.index,
      ...(layer.historyIndex !== undefined ? { step: layer.historyIndex } : {}),
      size: layer.sizeBytes,
      wastedBytes: layer.wastedBytes,
      added: layer.added,
      modified: layer.modified,
      removed: layer.removed,
      caches: [...caches].map(([path, c]) => ({ kind: c.kind, path, bytes: c.bytes })).sort((a, b) => b.bytes - a.bytes),
      secrets,
      ignorable: [...ignorable].map(([path, g]) => ({ path, kind: g.kind, bytes: g.bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, MAX_PATHS),
      wasted: [],
    };
  });
  layers.forEach((layer, i) => {
    layer.wasted = [...wasted[i]].map(([by, paths]): WastedBy => {
      let bytes = 0, cacheBytes = 0, ignorableBytes = 0;
      for (const [path, b] of paths) {
        bytes += b;
        if (cacheOf(path)) cacheBytes += b;
        if (ignorableOf(path)) ignorableBytes += b;
      }
      return { by, bytes, count: paths.size, cacheBytes, ignorableBytes, paths: top(paths) };
    }).sort((a, b) => b.bytes - a.bytes);
  });
  return {
    version: INSIGHT_VERSION,
    id: analysis.id,
    repoTags: analysis.repoTags,
    created: analysis.created,
    sizeBytes: analysis.sizeBytes,
    finalBytes: analysis.finalBytes,
    wastedBytes: analysis.wastedBytes,
    emptyLayers: analysis.history.map((h) => h.emptyLayer),
    history: analysis.history.map((h) => h.createdByRaw),
    layers,
    largeFiles: analysis.largestFiles.map((f) => ({ path: f.path, bytes: f.sizeBytes, layer: f.layerIndex })),
  };
}
