// Pure: an image's history as table rows, which history entries carry a filesystem layer, and how
// many of its layer bytes are shared with other local images versus unique to it.
import { parseCreatedBy } from './createdBy';
import { isMetadataOnly, mapSteps } from './layerSteps';
import type { HistoryEntry } from './types';

export interface HistoryRow {
  /** Position in the image's history, 0 = oldest (the base). */
  index: number;
  /** Image ID of that step, '' when the engine reports '<missing>'. */
  id: string;
  created: number;
  /** The instruction as shown (`RUN …`, `COPY …`, `ENV …`; see analysis/createdBy). */
  createdBy: string;
  /** Exactly what the engine reported. */
  createdByRaw: string;
  comment: string;
  tags: string[];
  size: number;
  /** True when the step added no filesystem layer; undefined when that is not known before a deep analysis. */
  empty: boolean | undefined;
  /** Index into RootFS.Layers (oldest first) for steps with a layer; undefined for empty or undecided steps. */
  layerIndex?: number;
  /** The layer's diff ID when the layer mapping is known. */
  diffId?: string;
}

export function isMetadataInstruction(createdBy: string): boolean {
  return isMetadataOnly(parseCreatedBy(createdBy).instruction);
}

/**
 * Turns `GET /images/{id}/history` (newest first) into rows (oldest first) with the exact step → layer
 * mapping of `mapSteps`: steps the cheap data cannot decide stay undecided (`empty` undefined) until
 * `emptyLayers` from a deep analysis settles them.
 */
export function historyRows(
  history: HistoryEntry[],
  diffIds: string[] = [],
  emptyLayers?: boolean[],
): HistoryRow[] {
  const { steps } = mapSteps(history, diffIds, emptyLayers);
  const oldestFirst = [...history].reverse();
  return steps.map((step, index) => ({
    index,
    id: step.id,
    created: step.created,
    createdBy: step.createdBy,
    createdByRaw: step.createdByRaw,
    comment: oldestFirst[index].comment,
    tags: oldestFirst[index].tags,
    size: step.size,
    empty: step.emptyLayer,
    ...(typeof step.layer === 'number' ? { layerIndex: step.layer, diffId: diffIds[step.layer] } : {}),
  }));
}

export type SortKey = 'order' | 'size';

/** Rows for display: newest or oldest first, or by size (largest first, ties keep history order). */
export function sortRows<T extends { index: number; size: number }>(rows: T[], key: SortKey, newestFirst: boolean): T[] {
  const byOrder = (a: T, b: T) => (newestFirst ? b.index - a.index : a.index - b.index);
  return [...rows].sort(key === 'size' ? (a, b) => b.size - a.size || byOrder(a, b) : byOrder);
}

/**
 * Layers are stored once per chain (a layer plus everything under it), so a layer is shared with
 * another image only when that image has the same diff IDs up to and including it. Returns, per image
 * ID, one flag per layer: true when another image in `layersByImage` has the same chain.
 */
export function sharedLayerFlags(layersByImage: Map<string, string[]>): Map<string, boolean[]> {
  // A trie of chains: node key = parent node number + diff ID; value = node number and image count.
  const nodes = new Map<string, { id: number; images: Set<string> }>();
  const chains = new Map<string, number[]>();
  for (const [imageId, diffIds] of layersByImage) {
    let parent = 0;
    const path: number[] = [];
    for (const diffId of diffIds) {
      const key = `${parent} ${diffId}`;
      let node = nodes.get(key);
      if (!node) {
        node = { id: nodes.size + 1, images: new Set() };
        nodes.set(key, node);
      }
      node.images.add(imageId);
      parent = node.id;
      path.push(node.id);
    }
    chains.set(imageId, path);
  }
  const countById = new Map<number, number>();
  for (const node of nodes.values()) countById.set(node.id, node.images.size);
  const result = new Map<string, boolean[]>();
  for (const [imageId, path] of chains) result.set(imageId, path.map((id) => (countById.get(id) ?? 0) > 1));
  return result;
}

export interface LayerShare {
  layerIndex: number;
  historyIndex: number;
  size: number;
  /** Another local image stores this layer too; undefined when the layer mapping is unknown. */
  shared?: boolean;
}

export interface SizeBreakdown {
  total: number;
  shared: number;
  unique: number;
  /** False when the history could not be mapped onto the layers: shared/unique are then 0. */
  known: boolean;
  /** Per layer (RootFS order). */
  layers: LayerShare[];
}

/** Splits an image's layer bytes into shared and unique, from its rows and its shared-layer flags. */
export function sizeBreakdown(rows: HistoryRow[], sharedFlags: boolean[] | undefined): SizeBreakdown {
  const layerRows = rows.filter((r) => r.layerIndex !== undefined);
  const known = sharedFlags !== undefined && rows.every((r) => r.empty !== undefined) && layerRows.every((r) => r.diffId !== undefined);
  const layers: LayerShare[] = layerRows.map((r) => ({
    layerIndex: r.layerIndex!, historyIndex: r.index, size: r.size,
    shared: known ? sharedFlags![r.layerIndex!] ?? false : undefined,
  }));
  const total = layers.reduce((s, l) => s + l.size, 0);
  const shared = layers.filter((l) => l.shared).reduce((s, l) => s + l.size, 0);
  return { total, shared, unique: known ? total - shared : 0, known, layers };
}

/** RootFS.Layers from a raw inspect object, [] when absent. */
export function diffIdsFromInspect(inspect: Record<string, unknown>): string[] {
  const rootFs = inspect.RootFS as { Layers?: unknown } | undefined;
  return Array.isArray(rootFs?.Layers) ? rootFs!.Layers.filter((l): l is string => typeof l === 'string') : [];
}

/** What the layers panel shows about the image itself, from raw inspect JSON. */
export interface ImageHeader {
  id: string;
  repoTags: string[];
  labels: Record<string, string>;
  /** Seconds since the epoch (0 when unknown). */
  created: number;
  size: number;
  os: string;
  architecture: string;
}

export function imageHeader(inspect: Record<string, unknown>): ImageHeader {
  const config = (inspect.Config ?? {}) as { Labels?: Record<string, string> | null };
  const created = Date.parse(String(inspect.Created ?? ''));
  return {
    id: String(inspect.Id ?? ''),
    repoTags: Array.isArray(inspect.RepoTags) ? inspect.RepoTags.map(String) : [],
    labels: config.Labels && typeof config.Labels === 'object' ? { ...config.Labels } : {},
    created: Number.isFinite(created) ? Math.floor(created / 1000) : 0,
    size: typeof inspect.Size === 'number' ? inspect.Size : 0,
    os: String(inspect.Os ?? ''),
    architecture: String(inspect.Architecture ?? ''),
  };
}
