// Prune plans: exactly what a prune will remove and the bytes it should free, shown before asking;
// then removal of those items by ID and nothing else (the engine's own /prune endpoints would also
// take whatever appeared after the preview).
import { classifyUntagged, containerNamesByImage, uniqueSize } from './dangling';
import { containerName } from './containers';
import { formatBytes } from './format';
import { shortId } from './tree';
import { isBuiltinNetwork, networkMembers } from './networks';
import type { ContainerSummary, DiskUsage, ImageSummary, NetworkSummary } from './types';
import { errorText } from './errorText';

export type PruneKind = 'danglingImages' | 'unusedImages' | 'stoppedContainers' | 'unusedVolumes' | 'unusedNetworks' | 'buildCache' | 'system';

export interface PruneItem {
  kind: 'image' | 'container' | 'volume' | 'network' | 'buildCache';
  id: string;
  label: string;
  /** Bytes this item should free (an estimate for images: what it does not share). */
  bytes: number;
  /** Images of "all unused": the tags shown in the preview; a tag added since keeps the image. */
  tags?: string[];
}

export interface PrunePlan {
  kind: PruneKind;
  title: string;
  /** In removal order: containers before images, an image before its untagged parent. */
  items: PruneItem[];
  totalBytes: number;
}

export interface PruneInput {
  /** `all=true` image list. */
  images: ImageSummary[];
  containers: ContainerSummary[];
  df: DiskUsage;
  /** Needed by the unusedNetworks plan only. */
  networks?: NetworkSummary[];
}

export const pruneTitles: Record<PruneKind, string> = {
  danglingImages: 'Prune dangling images',
  unusedImages: 'Prune all unused images (tagged or not, that no container uses)',
  stoppedContainers: 'Prune stopped containers',
  unusedVolumes: 'Prune unused volumes',
  unusedNetworks: 'Prune unused networks (no container attached; bridge, host and none stay)',
  buildCache: 'Prune build cache',
  system: 'Prune system (stopped containers, dangling images, build cache; volumes are kept)',
};

const stoppedStates = new Set(['exited', 'created', 'dead']);

/**
 * Dangling images no container uses (`docker image prune` skips those too), then the untagged
 * parents that only they keep (removed right after them).
 */
export function danglingImageItems(images: ImageSummary[], containers: ContainerSummary[], df: DiskUsage): PruneItem[] {
  const shared = new Map(df.images.map((i) => [i.id, i.sharedSize ?? -1]));
  const used = containerNamesByImage(containers);
  const dangling = classifyUntagged(images).dangling.filter((i) => !used.has(i.id));
  const going = new Set(dangling.map((i) => i.id));
  const order = [...dangling];
  const children = new Map<string, string[]>();
  for (const i of images) if (i.parentId) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const i of images) {
      if (going.has(i.id) || i.repoTags.length || i.repoDigests.length || used.has(i.id)) continue;
      const kids = children.get(i.id);
      if (kids && kids.every((k) => going.has(k))) {
        going.add(i.id);
        order.push(i);
        grew = true;
      }
    }
  }
  return order.map((i) => ({
    kind: 'image', id: i.id,
    label: `${shortId(i.id)}${dangling.includes(i) ? '' : ' (untagged parent)'}`,
    bytes: uniqueSize(i, shared.get(i.id)) ?? 0,
  }));
}

/**
 * Every image no container (in any state) uses, tagged or not, as `docker image prune -a` picks
 * them: an image goes only with all the images built on it; then the untagged parents only they
 * keep. Children come before their parents.
 */
export function unusedImageItems(images: ImageSummary[], containers: ContainerSummary[], df: DiskUsage): PruneItem[] {
  const shared = new Map(df.images.map((i) => [i.id, i.sharedSize ?? -1]));
  const used = containerNamesByImage(containers);
  const children = new Map<string, string[]>();
  for (const i of images) if (i.parentId) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i.id]);
  const top = new Set([...images.filter((i) => i.repoTags.length || i.repoDigests.length), ...classifyUntagged(images).dangling].map((i) => i.id));
  const going = new Set(images.filter((i) => top.has(i.id) && !used.has(i.id)).map((i) => i.id));
  const untaggedParents = (i: ImageSummary) => !top.has(i.id) && !used.has(i.id);
  for (let changed = true; changed;) {
    changed = false;
    for (const i of images) {
      const kids = children.get(i.id) ?? [];
      if (going.has(i.id) && !kids.every((k) => going.has(k))) { going.delete(i.id); changed = true; }
      else if (!going.has(i.id) && untaggedParents(i) && kids.length && kids.every((k) => going.has(k))) { going.add(i.id); changed = true; }
    }
  }
  const pending = images.filter((i) => going.has(i.id));
  const ordered: ImageSummary[] = [];
  while (pending.length) {
    const at = pending.findIndex((i) => !(children.get(i.id) ?? []).some((k) => pending.some((p) => p.id === k)));
    ordered.push(...pending.splice(at < 0 ? 0 : at, 1));
  }
  return ordered.map((i) => ({
    kind: 'image', id: i.id, tags: [...i.repoTags],
    label: i.repoTags.length ? `${i.repoTags.join(', ')} (${shortId(i.id)})` : `${shortId(i.id)}${top.has(i.id) ? '' : ' (untagged parent)'}`,
    bytes: uniqueSize(i, shared.get(i.id)) ?? 0,
  }));
}

/**
 * Why an image of the preview must stay now (undefined: remove it): a container uses it since, or
 * its tags changed (removing it by ID would take a tag the preview did not show).
 */
export function imageChangedSincePreview(item: PruneItem, images: ImageSummary[], containers: ContainerSummary[]): string | undefined {
  const now = images.find((i) => i.id === item.id);
  if (!now) return 'gone since the preview';
  if (containers.some((c) => c.imageId === item.id)) return 'a container uses it since the preview; kept';
  const before = [...(item.tags ?? [])].sort().join(',');
  if ([...now.repoTags].sort().join(',') !== before) return 'tagged differently since the preview; kept';
  return undefined;
}

export function stoppedContainerItems(containers: ContainerSummary[], df: DiskUsage): PruneItem[] {
  const sizes = new Map(df.containers.map((c) => [c.id, c.sizeRw]));
  return containers.filter((c) => stoppedStates.has(c.state)).map((c) => ({
    kind: 'container', id: c.id, label: `${containerName(c)} (${c.image}, ${c.state})`, bytes: Math.max(0, sizes.get(c.id) ?? 0),
  }));
}

export function unusedVolumeItems(df: DiskUsage): PruneItem[] {
  return df.volumes.filter((v) => v.refCount === 0).map((v) => ({
    kind: 'volume', id: v.name, label: v.name, bytes: Math.max(0, v.size),
  }));
}

/** User-made networks no container (in any state) is attached to, as `docker network prune` picks them. */
export function unusedNetworkItems(networks: NetworkSummary[], containers: ContainerSummary[]): PruneItem[] {
  const members = networkMembers(networks, containers);
  return networks.filter((n) => !isBuiltinNetwork(n) && !members.get(n.id)?.length).map((n) => ({
    kind: 'network', id: n.id, label: `${n.name} (${n.driver}${n.internal ? ', internal' : ''})`, bytes: 0,
  }));
}

/**
 * Records neither in use nor shared with an image (the engine's prune keeps shared ones), nor the
 * parent of a record that stays; children first, since the engine keeps a record while a child remains.
 */
export function buildCacheItems(df: DiskUsage): PruneItem[] {
  const offered = new Set(df.buildCache.filter((r) => !r.inUse && !r.shared).map((r) => r.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const r of df.buildCache) {
      if (offered.has(r.id)) continue;
      for (const p of r.parents ?? []) if (offered.delete(p)) changed = true;
    }
  }
  const pending = df.buildCache.filter((r) => offered.has(r.id));
  const ordered: typeof pending = [];
  while (pending.length) {
    // Next: a record none of whose remaining children is still pending.
    const i = pending.findIndex((r) => !pending.some((c) => c.parents?.includes(r.id)));
    ordered.push(...pending.splice(i < 0 ? 0 : i, 1));
  }
  return ordered.map((r) => ({
    kind: 'buildCache', id: r.id, label: `${r.description || shortId(r.id)} (${r.type})`, bytes: r.size,
  }));
}

const planners: Record<PruneKind, (input: PruneInput) => PruneItem[]> = {
  danglingImages: (i) => danglingImageItems(i.images, i.containers, i.df),
  unusedImages: (i) => unusedImageItems(i.images, i.containers, i.df),
  stoppedContainers: (i) => stoppedContainerItems(i.containers, i.df),
  unusedVolumes: (i) => unusedVolumeItems(i.df),
  unusedNetworks: (i) => unusedNetworkItems(i.networks ?? [], i.containers),
  buildCache: (i) => buildCacheItems(i.df),
  system: (i) => [...stoppedContainerItems(i.containers, i.df), ...danglingImageItems(i.images, i.containers, i.df), ...buildCacheItems(i.df)],
};

export function planPrune(kind: PruneKind, input: PruneInput): PrunePlan {
  const items = planners[kind](input);
  return { kind, title: pruneTitles[kind], items, totalBytes: items.reduce((s, i) => s + i.bytes, 0) };
}

/** The confirmation text: every item, largest first in the list shown (removal order is kept). */
export function describePlan(plan: PrunePlan, maxLines = 40): string {
  if (!plan.items.length) return 'Nothing to remove.';
  const lines = [...plan.items].sort((a, b) => b.bytes - a.bytes).map((i) => `${i.kind} ${i.label} — ${formatBytes(i.bytes)}`);
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`… and ${lines.length - maxLines} more`);
  return `${plan.items.length} item${plan.items.length === 1 ? '' : 's'}, ${formatBytes(plan.totalBytes)} to reclaim:\n${shown.join('\n')}`;
}

export interface PruneReport {
  removed: PruneItem[];
  /** Items still there or changed since the preview, with the reason. */
  failed: { item: PruneItem; reason: string }[];
  reclaimed: number;
}

/**
 * Removes the plan's items one by one, in order. `remove` returns the bytes actually freed when the
 * engine says so (build cache), else the plan's estimate counts. A failure does not stop the rest.
 */
export async function runPlan(plan: PrunePlan, remove: (item: PruneItem) => Promise<number | void>): Promise<PruneReport> {
  const report: PruneReport = { removed: [], failed: [], reclaimed: 0 };
  for (const item of plan.items) {
    try {
      const freed = await remove(item);
      report.removed.push(item);
      report.reclaimed += typeof freed === 'number' ? freed : item.bytes;
    } catch (err) {
      report.failed.push({ item, reason: errorText(err) });
    }
  }
  return report;
}

export function describeReport(report: PruneReport): string {
  const head = `Removed ${report.removed.length} item${report.removed.length === 1 ? '' : 's'}, reclaimed ${formatBytes(report.reclaimed)}.`;
  if (!report.failed.length) return head;
  return `${head} ${report.failed.length} failed: ${report.failed.map((f) => `${f.item.label}: ${f.reason}`).join('; ')}`;
}
