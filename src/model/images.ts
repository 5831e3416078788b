// The Images view as pure data: one row per tag, grouped by repository / registry / none,
// sorted by created / name / size, with the containers that use each image.
import { compareRefs } from './compareRefs';
import { formatAge, formatBytes } from './format';
import { groupNode, retimeRows, shortId, walkTree, type Retimed, type TreeNode } from './tree';
import type { ContainerSummary, ImageSummary } from './types';

export type ImageGroupBy = 'repository' | 'registry' | 'none';
export type ImageSortBy = 'created' | 'name' | 'size';

export interface ImageReference {
  registry: string;
  repository: string;
  tag: string;
}

/** One tag of one image: a multi-tag image yields several of these sharing `image`. */
export interface ImageTagRef {
  kind: 'imageTag';
  image: ImageSummary;
  /** `repo:tag` as the engine lists it. */
  ref: string;
  parsed: ImageReference;
  /** Containers (any state) created from this image. */
  usedBy: ContainerSummary[];
}

export interface ImageTreeOptions {
  groupBy: ImageGroupBy;
  sortBy: ImageSortBy;
  /** Case-insensitive substring of `repo:tag` or the short ID; '' shows everything. */
  filter: string;
  nowMs: number;
}

/** Splits `registry/repo:tag`; a first path part with a dot, a colon or `localhost` is a registry. */
export function parseReference(ref: string): ImageReference {
  const at = ref.indexOf('@');
  const name = at < 0 ? ref : ref.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : 'latest';
  const firstSlash = repository.indexOf('/');
  const first = firstSlash < 0 ? '' : repository.slice(0, firstSlash);
  const isRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  return { registry: isRegistry ? first : 'docker.io', repository, tag };
}

/** Containers by the image ID they were created from. */
export function containersByImage(containers: ContainerSummary[]): Map<string, ContainerSummary[]> {
  const byImage = new Map<string, ContainerSummary[]>();
  for (const c of containers) {
    const list = byImage.get(c.imageId);
    if (list) list.push(c);
    else byImage.set(c.imageId, [c]);
  }
  return byImage;
}

/** Every tag of every tagged image, filtered. Untagged images belong to the Dangling view. */
export function imageTags(images: ImageSummary[], containers: ContainerSummary[], filter = ''): ImageTagRef[] {
  const used = containersByImage(containers);
  const needle = filter.trim().toLowerCase();
  const out: ImageTagRef[] = [];
  for (const image of images) {
    for (const ref of image.repoTags) {
      if (needle && !ref.toLowerCase().includes(needle) && !shortId(image.id).includes(needle)) continue;
      out.push({ kind: 'imageTag', image, ref, parsed: parseReference(ref), usedBy: used.get(image.id) ?? [] });
    }
  }
  return out;
}

function compareTags(sortBy: ImageSortBy): (a: ImageTagRef, b: ImageTagRef) => number {
  const byName = (a: ImageTagRef, b: ImageTagRef) => compareRefs(a.ref, b.ref);
  if (sortBy === 'name') return byName;
  if (sortBy === 'size') return (a, b) => b.image.size - a.image.size || byName(a, b);
  return (a, b) => b.image.created - a.image.created || byName(a, b);
}

function groupKey(tag: ImageTagRef, groupBy: ImageGroupBy): string {
  return groupBy === 'registry' ? tag.parsed.registry : tag.parsed.repository;
}

/** The row label inside a group: the tag under its repository, the rest of the name under a registry. */
function tagLabel(tag: ImageTagRef, groupBy: ImageGroupBy): string {
  if (groupBy === 'repository') return tag.parsed.tag;
  if (groupBy === 'registry' && tag.ref.startsWith(`${tag.parsed.registry}/`)) return tag.ref.slice(tag.parsed.registry.length + 1);
  return tag.ref;
}

/** The row text of one image, shared by all its tags (an image may carry hundreds). */
function imageDescription(tag: ImageTagRef, nowMs: number): string {
  const text = `${formatBytes(tag.image.size)} · ${formatAge(tag.image.created, nowMs)}`;
  return tag.usedBy.length ? `${text} · in use (${tag.usedBy.length})` : text;
}

export function imageTagNode(tag: ImageTagRef, groupBy: ImageGroupBy, nowMs: number, description = imageDescription(tag, nowMs)): TreeNode<ImageTagRef> {
  const inUse = tag.usedBy.length > 0;
  return {
    item: {
      id: `image:${groupBy}:${tag.ref}`,
      label: tagLabel(tag, groupBy),
      description,
      contextValue: inUse ? 'image.inUse' : 'image',
      icon: inUse ? { id: 'layers-active', color: 'charts.green' } : { id: 'layers' },
    },
    ref: tag,
  };
}

/**
 * Hover text, built when a row is hovered (resolveTreeItem), not for every row of a refresh.
 * `sharedSize` may come from /system/df when the image list lacks it (API < 1.42). */
export function imageTooltip(tag: ImageTagRef, sharedSize: number | undefined, nowMs: number): string {
  const { image } = tag;
  const lines = [
    tag.ref,
    `ID ${shortId(image.id)} · created ${formatAge(image.created, nowMs)} (${new Date(image.created * 1000).toISOString()})`,
    `Size ${formatBytes(image.size)}`,
  ];
  if (sharedSize !== undefined && sharedSize >= 0) {
    lines.push(`Shared with other images ${formatBytes(sharedSize)} · unique ${formatBytes(image.size - sharedSize)}`);
  }
  // An image can carry a thousand tags: name a few, count the rest (this runs for every tag row).
  if (image.repoTags.length > 1) {
    const others: string[] = [];
    for (const r of image.repoTags) {
      if (r !== tag.ref) others.push(r);
      if (others.length === 10) break;
    }
    const more = image.repoTags.length - 1 - others.length;
    lines.push(`Also tagged ${others.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (tag.usedBy.length) {
    lines.push(`Used by ${tag.usedBy.length} container${tag.usedBy.length === 1 ? '' : 's'}:`);
    for (const c of tag.usedBy.slice(0, 20)) lines.push(`  ${c.names[0] ?? shortId(c.id)} (${c.state})`);
    if (tag.usedBy.length > 20) lines.push(`  … and ${tag.usedBy.length - 20} more`);
  }
  return lines.join('\n');
}

/** The whole Images tree. */
export function buildImageTree(images: ImageSummary[], containers: ContainerSummary[], options: ImageTreeOptions): TreeNode<ImageTagRef>[] {
  const tags = imageTags(images, containers, options.filter).sort(compareTags(options.sortBy));
  const descriptions = new Map<string, string>();
  const node = (t: ImageTagRef, groupBy: ImageGroupBy) => {
    let description = descriptions.get(t.image.id);
    if (description === undefined) descriptions.set(t.image.id, (description = imageDescription(t, options.nowMs)));
    return imageTagNode(t, groupBy, options.nowMs, description);
  };
  if (options.groupBy === 'none') return tags.map((t) => node(t, 'none'));
  const groups = new Map<string, ImageTagRef[]>();
  for (const t of tags) {
    const key = groupKey(t, options.groupBy);
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  // Groups keep the order of their first (best) member, so the sort applies to groups too,
  // except by name, where groups are alphabetical.
  const keys = [...groups.keys()];
  if (options.sortBy === 'name') keys.sort(compareRefs);
  return keys.map((key) => {
    const members = groups.get(key)!;
    const count = `${members.length} tag${members.length === 1 ? '' : 's'}`;
    return groupNode(`imageGroup:${options.groupBy}:${key}`, key, count,
      members.map((t) => node(t, options.groupBy)),
      { id: options.groupBy === 'registry' ? 'server' : 'repo' });
  });
}

/**
 * Re-words the ages of an Images tree for `nowMs`, in place: returns the tag rows whose text
 * changed and how long until the next may (the view's one timer calls it; no re-list).
 */
export function retimeImageTree(roots: TreeNode<ImageTagRef>[], nowMs: number): Retimed<ImageTagRef> {
  return retimeRows(walkTree(roots), nowMs, ({ ref }) => ref?.kind === 'imageTag'
    ? { description: imageDescription(ref, nowMs), ageMs: nowMs - ref.image.created * 1000 } : undefined);
}

/** Reads `repo[:tag]` typed by a person for Tag…; throws a readable error for anything else. */
export function parseTagInput(text: string): { repo: string; tag: string } {
  const value = text.trim();
  const match = /^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?$/.exec(value);
  if (!match) throw new Error(`Not an image name: '${text}' (use lower-case repository[:tag], e.g. team/app:1.2)`);
  return { repo: match[1], tag: match[2] ?? 'latest' };
}
