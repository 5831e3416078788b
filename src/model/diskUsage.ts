// The Disk Usage view: the /system/df breakdown per category (total, count, active, reclaimable),
// each expandable to its items, largest first.
import { formatBytes } from './format';
import { containerName } from './containers';
import { groupNode, shortId, type TreeNode } from './tree';
import type { DiskUsage } from './types';

export type DiskCategory = 'images' | 'containers' | 'volumes' | 'buildCache';

export interface CategoryTotals {
  category: DiskCategory;
  label: string;
  totalSize: number;
  count: number;
  active: number;
  reclaimable: number;
  /** What the figures count, in words (the category's tooltip). */
  counts: string[];
  /** A part of the reclaimable bytes worth naming beside it (images: how much is dangling). */
  reclaimablePart?: string;
  items: { id: string; label: string; size: number; active: boolean; detail: string }[];
}

const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : 0);

/** The unique bytes of untagged images no container uses: what pruning dangling images frees. */
function danglingBytes(df: DiskUsage): number {
  return df.images.filter((i) => !i.repoTags.length && positive(i.containers) === 0)
    .reduce((s, i) => s + Math.max(0, i.size - positive(i.sharedSize)), 0);
}

/** Totals computed the way `docker system df` does. */
export function diskUsageTotals(df: DiskUsage): CategoryTotals[] {
  // Images: the bytes of unique layers; an image in use keeps what it does not share.
  const imagesActive = df.images.filter((i) => positive(i.containers) > 0);
  const imagesUsed = imagesActive.reduce((s, i) => s + Math.max(0, i.size - positive(i.sharedSize)), 0);
  const imagesTotal = df.layersSize || df.images.reduce((s, i) => s + Math.max(0, i.size - positive(i.sharedSize)), 0);
  const images: CategoryTotals = {
    category: 'images', label: 'Images', totalSize: imagesTotal, count: df.images.length, active: imagesActive.length,
    reclaimable: Math.max(0, imagesTotal - imagesUsed),
    reclaimablePart: `${formatBytes(danglingBytes(df))} dangling`,
    counts: [
      'Total: every image layer on disk, each counted once however many images share it.',
      'Reclaimable: the layers of images no container uses, tagged or not: what "Prune All Unused Images" frees.',
      `Of that, dangling (untagged) images hold ${formatBytes(danglingBytes(df))}: what "Prune System" and "Prune Dangling Images" free.`,
    ],
    items: df.images.map((i) => ({
      id: i.id, label: i.repoTags[0] ?? `<none> ${shortId(i.id)}`, size: i.size, active: positive(i.containers) > 0,
      detail: i.sharedSize !== undefined && i.sharedSize >= 0 ? `${formatBytes(i.size - i.sharedSize)} unique` : '',
    })),
  };
  const running = (s: string) => s === 'running' || s === 'paused' || s === 'restarting';
  const containers: CategoryTotals = {
    category: 'containers', label: 'Containers',
    totalSize: df.containers.reduce((s, c) => s + positive(c.sizeRw), 0), count: df.containers.length,
    active: df.containers.filter((c) => running(c.state)).length,
    reclaimable: df.containers.filter((c) => !running(c.state)).reduce((s, c) => s + positive(c.sizeRw), 0),
    counts: ['Total: the writable layers of all containers (what they wrote on top of their image).', 'Reclaimable: those of stopped containers.'],
    items: df.containers.map((c) => ({ id: c.id, label: containerName(c), size: positive(c.sizeRw), active: running(c.state), detail: c.state })),
  };
  const volumes: CategoryTotals = {
    category: 'volumes', label: 'Local volumes',
    totalSize: df.volumes.reduce((s, v) => s + positive(v.size), 0), count: df.volumes.length,
    active: df.volumes.filter((v) => v.refCount > 0).length,
    reclaimable: df.volumes.filter((v) => v.refCount === 0).reduce((s, v) => s + positive(v.size), 0),
    counts: ['Total: the data in local volumes.', 'Reclaimable: volumes no container refers to (Prune System keeps volumes; "Prune Unused Volumes" frees them).'],
    items: df.volumes.map((v) => ({ id: v.name, label: v.name.length > 40 ? shortId(v.name) : v.name, size: positive(v.size), active: v.refCount > 0, detail: v.driver })),
  };
  const buildCache: CategoryTotals = {
    category: 'buildCache', label: 'Build cache',
    totalSize: df.buildCache.filter((r) => !r.shared).reduce((s, r) => s + r.size, 0), count: df.buildCache.length,
    active: df.buildCache.filter((r) => r.inUse).length,
    reclaimable: df.buildCache.filter((r) => !r.inUse && !r.shared).reduce((s, r) => s + r.size, 0),
    counts: ['Total: build cache records not shared with an image.', 'Reclaimable: records neither in use nor shared with an image.'],
    items: df.buildCache.map((r) => ({ id: r.id, label: r.description || shortId(r.id), size: r.size, active: r.inUse, detail: r.type })),
  };
  return [images, containers, volumes, buildCache];
}

export interface DiskUsageRef {
  kind: 'diskCategory' | 'diskItem';
  category: DiskCategory;
  id?: string;
}

export function buildDiskUsageTree(df: DiskUsage): TreeNode<DiskUsageRef>[] {
  const icons: Record<DiskCategory, string> = { images: 'layers', containers: 'vm', volumes: 'database', buildCache: 'tools' };
  return diskUsageTotals(df).map((t) => {
    const children = [...t.items].sort((a, b) => b.size - a.size).map((i): TreeNode<DiskUsageRef> => ({
      item: {
        id: `disk:${t.category}:${i.id}`, label: i.label,
        description: [formatBytes(i.size), i.active ? 'active' : '', i.detail].filter(Boolean).join(' · '),
        contextValue: `disk.${t.category}`, icon: { id: i.active ? 'circle-filled' : 'circle-outline' },
      },
      ref: { kind: 'diskItem', category: t.category, id: i.id },
    }));
    const node = groupNode<DiskUsageRef>(`disk:${t.category}`, t.label,
      `${formatBytes(t.totalSize)} · ${t.count} (${t.active} active) · ${formatBytes(t.reclaimable)} reclaimable${t.reclaimablePart ? ` (${t.reclaimablePart})` : ''}`, children, { id: icons[t.category] });
    node.item.collapse = 'collapsed';
    node.item.contextValue = `diskCategory.${t.category}`;
    node.item.tooltip = [`${t.label}`, `Total ${formatBytes(t.totalSize)}`, `Count ${t.count}, active ${t.active}`, `Reclaimable ${formatBytes(t.reclaimable)}`, '', ...t.counts].join('\n');
    node.ref = { kind: 'diskCategory', category: t.category };
    return node;
  });
}
