// Untagged images, told apart: dangling ones (reclaimable now) and intermediate parents left by
// the legacy builder (kept alive by a tagged image, freeing nothing until it goes).
import { formatAge, formatBytes } from './format';
import { groupNode, retimeRows, shortId, walkTree, type Retimed, type TreeNode } from './tree';
import type { BuildCacheRecord, ContainerSummary, ImageSummary } from './types';

export interface IntermediateImage {
  image: ImageSummary;
  /** The nearest tagged descendants (`repo:tag`), or short IDs of dangling ones, that keep it. */
  keptBy: string[];
}

export interface UntaggedImages {
  /** Untagged and not the parent of another image: `docker image prune` would remove them. */
  dangling: ImageSummary[];
  intermediate: IntermediateImage[];
}

export type DanglingRef =
  | { kind: 'danglingImage'; image: ImageSummary; reclaimable: number | undefined; usedBy: string[] }
  | { kind: 'intermediateImage'; image: ImageSummary; keptBy: string[] }
  | { kind: 'buildCache'; record: BuildCacheRecord };

function isUntagged(image: ImageSummary): boolean {
  return image.repoTags.length === 0 && image.repoDigests.length === 0;
}

/** Classifies the untagged images of an `all=true` list. */
export function classifyUntagged(images: ImageSummary[]): UntaggedImages {
  const children = new Map<string, ImageSummary[]>();
  for (const image of images) {
    if (!image.parentId) continue;
    const list = children.get(image.parentId);
    if (list) list.push(image);
    else children.set(image.parentId, [image]);
  }
  const dangling: ImageSummary[] = [];
  const intermediate: IntermediateImage[] = [];
  for (const image of images) {
    if (!isUntagged(image)) continue;
    if (!children.has(image.id)) dangling.push(image);
    else intermediate.push({ image, keptBy: keepers(image.id, children) });
  }
  return { dangling, intermediate };
}

/** Walks down the children until it meets images that are tagged (or dangling leaves). */
function keepers(id: string, children: Map<string, ImageSummary[]>): string[] {
  const found: string[] = [];
  const seen = new Set<string>([id]);
  const queue = [...(children.get(id) ?? [])];
  while (queue.length) {
    const child = queue.shift()!;
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    const below = children.get(child.id);
    if (child.repoTags.length) found.push(...child.repoTags.slice(0, 1));
    else if (child.repoDigests.length) found.push(child.repoDigests[0]);
    else if (!below) found.push(`dangling ${shortId(child.id)}`);
    else queue.push(...below);
  }
  return found;
}

/** Container names by the image ID they were created from. */
export function containerNamesByImage(containers: ContainerSummary[]): Map<string, string[]> {
  const byImage = new Map<string, string[]>();
  for (const c of containers) {
    const name = c.names[0] ?? shortId(c.id);
    const list = byImage.get(c.imageId);
    if (list) list.push(name);
    else byImage.set(c.imageId, [name]);
  }
  return byImage;
}

/** Bytes freed by removing an image: what it does not share with other images. */
export function uniqueSize(image: ImageSummary, sharedSize: number | undefined): number | undefined {
  const shared = sharedSize ?? image.sharedSize;
  if (shared === undefined || shared < 0) return undefined;
  return Math.max(0, image.size - shared);
}

export interface DanglingTreeInput {
  images: ImageSummary[];
  /** Containers (any state): a dangling image a container was created from is kept until it goes. */
  containers?: ContainerSummary[];
  /** SharedSize per image ID from /system/df; undefined until it arrives. */
  sharedSizes?: Map<string, number>;
  /** Build cache records from /system/df; undefined until it arrives. */
  buildCache?: BuildCacheRecord[];
  /** Why /system/df could not be read, shown instead of the build cache. */
  diskUsageError?: string;
  nowMs: number;
  /** false: leave out the intermediate images group (the layerscope.dangling.showIntermediate setting). */
  showIntermediate?: boolean;
}

/** Group rows carry their own contextValue so each gets its own inline action (prune). */
function withContext<R>(node: TreeNode<R>, contextValue: string): TreeNode<R> {
  node.item.contextValue = contextValue;
  return node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A dangling image's row text: what it frees (or who keeps it) and its age. */
function danglingDescription(d: { image: ImageSummary; usedBy: string[]; reclaimable: number | undefined }, nowMs: number): string {
  const size = d.reclaimable === undefined || d.usedBy.length ? formatBytes(d.image.size) : `${formatBytes(d.reclaimable)} reclaimable`;
  return `${size}${d.usedBy.length ? ` · in use by ${d.usedBy.join(', ')}` : ''} · ${formatAge(d.image.created, nowMs)}`;
}

/**
 * Re-words the dangling images' ages for `nowMs`, in place (the views' one timer calls it): the
 * rows whose text changed and how long until the next may.
 */
export function retimeDanglingTree(roots: TreeNode<DanglingRef>[], nowMs: number): Retimed<DanglingRef> {
  return retimeRows(walkTree(roots), nowMs, ({ ref }) => ref?.kind === 'danglingImage'
    ? { description: danglingDescription(ref, nowMs), ageMs: nowMs - ref.image.created * 1000 } : undefined);
}

/** The Dangling view: dangling images, intermediate images, build cache. */
export function buildDanglingTree(input: DanglingTreeInput): TreeNode<DanglingRef>[] {
  const { dangling, intermediate } = classifyUntagged(input.images);
  const known = input.sharedSizes !== undefined || dangling.every((i) => i.sharedSize !== undefined);
  const users = containerNamesByImage(input.containers ?? []);
  const danglingNodes = dangling
    .map((image) => ({ image, usedBy: users.get(image.id) ?? [], reclaimable: uniqueSize(image, input.sharedSizes?.get(image.id)) }))
    .sort((a, b) => (b.reclaimable ?? b.image.size) - (a.reclaimable ?? a.image.size))
    .map(({ image, usedBy, reclaimable }): TreeNode<DanglingRef> => {
      return {
        item: {
          id: `dangling:${image.id}`,
          label: shortId(image.id),
          description: danglingDescription({ image, usedBy, reclaimable }, input.nowMs),
          tooltip: [`Dangling image ${image.id}`, `Size ${formatBytes(image.size)}`,
            usedBy.length ? `Used by ${usedBy.join(', ')}: kept (and not pruned) until ${usedBy.length === 1 ? 'that container goes' : 'those containers go'}`
              : reclaimable === undefined ? 'Reclaimable: computing…' : `Reclaimable ${formatBytes(reclaimable)} (the rest is shared with other images)`,
            `Created ${formatAge(image.created, input.nowMs)}`].join('\n'),
          contextValue: 'image.dangling',
          icon: usedBy.length ? { id: 'trash', color: 'charts.green' } : { id: 'trash', color: 'list.warningForeground' },
        },
        ref: { kind: 'danglingImage', image, reclaimable, usedBy },
      };
    });
  const total = danglingNodes.reduce((sum, n) => {
    const ref = n.ref as { reclaimable?: number; usedBy: string[] };
    return sum + (ref.usedBy.length ? 0 : ref.reclaimable ?? 0);
  }, 0);
  const danglingLabel = `${plural(dangling.length, 'item')}, ${known ? formatBytes(total) : input.diskUsageError ? '?' : '…'} reclaimable`;

  // A legacy build leaves many parents made in the same second: the ID breaks ties, so the order
  // does not shuffle on every refresh.
  const intermediateNodes = intermediate
    .sort((a, b) => b.image.created - a.image.created || (a.image.id < b.image.id ? -1 : a.image.id > b.image.id ? 1 : 0))
    .map(({ image, keptBy }): TreeNode<DanglingRef> => ({
      item: {
        id: `intermediate:${image.id}`,
        label: shortId(image.id),
        description: `kept by ${keptBy.join(', ') || '?'} · frees nothing`,
        tooltip: [`Intermediate image ${image.id} (left by the legacy builder)`, `Size ${formatBytes(image.size)}`,
          `Kept by ${keptBy.join(', ')}: it frees nothing until ${keptBy.length === 1 ? 'that image goes' : 'those images go'}.`].join('\n'),
        contextValue: 'image.intermediate',
        icon: { id: 'layers-dot' },
      },
      ref: { kind: 'intermediateImage', image, keptBy },
    }));

  const groups: TreeNode<DanglingRef>[] = [
    withContext(groupNode('dangling:group:images', 'Dangling images', danglingLabel, danglingNodes, { id: 'trash' }), 'danglingGroup.images'),
  ];
  if (input.showIntermediate !== false) {
    const group = withContext(groupNode('dangling:group:intermediate', 'Intermediate images', `${plural(intermediate.length, 'item')}, frees nothing until their images go`, intermediateNodes, { id: 'layers-dot' }), 'danglingGroup.intermediate');
    // Many rows that free nothing: closed until asked for.
    group.item.collapse = 'collapsed';
    groups.push(group);
  }
  if (input.buildCache) {
    const records = [...input.buildCache].sort((a, b) => b.size - a.size);
    const reclaimable = records.filter((r) => !r.inUse && !r.shared).reduce((s, r) => s + r.size, 0);
    groups.push(withContext(groupNode('dangling:group:buildCache', 'Build cache', `${plural(records.length, 'record')}, ${formatBytes(reclaimable)} reclaimable`,
      records.map((record): TreeNode<DanglingRef> => ({
        item: {
          id: `buildCache:${record.id}`,
          label: record.description || record.id.slice(0, 12),
          description: `${formatBytes(record.size)} · ${record.type}${record.inUse ? ' · in use' : record.shared ? ' · shared' : ''}`,
          tooltip: [`Build cache record ${record.id}`, `Type ${record.type}`, `Size ${formatBytes(record.size)}`,
            record.inUse ? 'In use by a running build: not reclaimable' : record.shared ? 'Shared with an image: frees nothing until it goes' : 'Reclaimable',
            `Used ${record.usageCount} times${record.lastUsedAt ? `, last ${record.lastUsedAt}` : ''}`].join('\n'),
          contextValue: record.inUse ? 'buildCache.inUse' : 'buildCache',
          icon: { id: 'database' },
        },
        ref: { kind: 'buildCache', record },
      })), { id: 'database' }), 'danglingGroup.buildCache'));
  } else {
    const note = input.diskUsageError ? `/system/df failed: ${input.diskUsageError}` : 'reading /system/df…';
    groups.push(withContext(groupNode('dangling:group:buildCache', 'Build cache', note, [], { id: 'database' }), 'danglingGroup.buildCache'));
  }
  return groups;
}
