// Tree rows under a container in the Containers view: its Layer (size and changes against its
// image) and its Files. Plain data; src/views/containerChildren.ts loads them on expand.
import { formatBytes } from './format';
import { type ChangeCounts, type ChangeNode, type ContainerSize, countChanges, type PathChange, type PathChangeKind, type PathKind } from './containerLayer';
import type { DirEntry, DirListing } from './containerFiles';
import type { IconSpec, TreeNode } from './tree';
import type { ContainerSummary } from './types';

export interface ContainerLayerRef { kind: 'containerLayer'; container: ContainerSummary }
export interface ContainerChangeRef { kind: 'containerChange'; container: ContainerSummary; change: ChangeNode }
export interface ContainerPathRef { kind: 'containerPath'; container: ContainerSummary; entry: DirEntry }
export interface ContainerNoteRef { kind: 'containerNote' }

export type ContainerChildRef = ContainerLayerRef | ContainerChangeRef | ContainerPathRef | ContainerNoteRef;

const changeIcons: Record<PathChangeKind, IconSpec> = {
  added: { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' },
  modified: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  deleted: { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' },
};

const kindIcons: Record<PathKind, string> = {
  file: 'file', dir: 'folder', symlink: 'file-symlink-file', device: 'circuit-board', pipe: 'debug-disconnect', socket: 'plug', other: 'question',
};

export function countsText(c: ChangeCounts): string {
  const total = c.added + c.modified + c.deleted;
  if (total === 0) return 'no changes';
  return [c.added ? `${c.added} added` : '', c.modified ? `${c.modified} changed` : '', c.deleted ? `${c.deleted} deleted` : ''].filter(Boolean).join(', ');
}

/** "12 kB written · 7.2 MB virtual · 3 added, 1 deleted" */
export function layerDescription(size: ContainerSize | undefined, counts: ChangeCounts | undefined): string {
  return [size ? `${formatBytes(size.sizeRw)} written` : '', size ? `${formatBytes(size.sizeRootFs)} virtual` : '', counts ? countsText(counts) : '']
    .filter(Boolean).join(' · ');
}

export function layerNode(c: ContainerSummary, size: ContainerSize | undefined, counts: ChangeCounts | undefined, error?: string): TreeNode<ContainerChildRef> {
  return {
    item: {
      id: `containerLayer:${c.id}`,
      label: 'Layer',
      description: error ?? layerDescription(size, counts),
      tooltip: [
        'The container\'s own writable layer: what it changed on top of its image.',
        size ? `Writable layer (SizeRw): ${formatBytes(size.sizeRw)}` : '',
        size ? `Virtual size, image + layer (SizeRootFs): ${formatBytes(size.sizeRootFs)}` : '',
        counts ? `Changes: ${countsText(counts)}` : '',
        error ?? '',
      ].filter(Boolean).join('\n'),
      contextValue: 'containerLayer',
      icon: { id: 'layers-active' },
      collapse: counts && counts.added + counts.modified + counts.deleted === 0 ? undefined : 'collapsed',
    },
    ref: { kind: 'containerLayer', container: c },
  };
}

export function filesNode(c: ContainerSummary): TreeNode<ContainerChildRef> {
  return {
    item: {
      id: `containerFiles:${c.id}`, label: 'Files', description: '/', contextValue: 'containerPath.dir', icon: { id: 'folder-library' }, collapse: 'collapsed',
      tooltip: 'Browse the container\'s filesystem (running or stopped).',
    },
    ref: { kind: 'containerPath', container: c, entry: { name: '/', path: '/', kind: 'dir', size: 0, mode: 0o755 } },
  };
}

export function changeNode(c: ContainerSummary, change: ChangeNode): TreeNode<ContainerChildRef> {
  const kindWord = change.kind === 'modified' ? 'changed' : change.kind;
  const isDir = change.children.length > 0 || change.stat?.kind === 'dir';
  const description = [kindWord ?? '', change.size !== undefined && change.kind !== 'deleted' ? formatBytes(change.size) : ''].filter(Boolean).join(' · ');
  const fileLike = change.kind !== 'deleted' && !isDir;
  return {
    item: {
      id: `containerChange:${c.id}:${change.path}`,
      label: change.name,
      description,
      tooltip: `${change.path}${change.kind ? `\n${kindWord} in the container's layer` : ''}${change.stat ? `\n${change.stat.kind}, ${formatBytes(change.stat.size)}, mode ${change.stat.mode.toString(8)}` : ''}${change.stat?.linkTarget ? `\n→ ${change.stat.linkTarget}` : ''}`,
      contextValue: change.kind === 'deleted' ? 'containerChange.deleted' : fileLike ? 'containerChange.file' : 'containerChange.dir',
      icon: change.kind ? changeIcons[change.kind] : { id: 'folder' },
      collapse: change.children.length ? (change.kind === undefined ? 'expanded' : 'collapsed') : undefined,
    },
    ref: { kind: 'containerChange', container: c, change },
    children: change.children.map((child) => changeNode(c, child)),
  };
}

export function pathNode(c: ContainerSummary, entry: DirEntry): TreeNode<ContainerChildRef> {
  const size = entry.kind === 'file' || (entry.kind === 'dir' && entry.size > 0) ? formatBytes(entry.size) : '';
  const description = entry.kind === 'symlink' ? `→ ${entry.linkTarget ?? '?'}` : entry.kind === 'file' || entry.kind === 'dir' ? size : entry.kind;
  return {
    item: {
      id: `containerPath:${c.id}:${entry.path}`,
      label: entry.name,
      description,
      tooltip: `${entry.path}\n${entry.kind}${entry.kind === 'file' ? `, ${formatBytes(entry.size)}` : ''}, mode ${entry.mode.toString(8).padStart(3, '0')}${entry.linkTarget ? `\n→ ${entry.linkTarget}` : ''}`,
      contextValue: `containerPath.${entry.kind === 'dir' ? 'dir' : entry.kind === 'file' ? 'file' : entry.kind === 'symlink' ? 'symlink' : 'special'}`,
      icon: { id: kindIcons[entry.kind] },
      collapse: entry.kind === 'dir' ? 'collapsed' : undefined,
    },
    ref: { kind: 'containerPath', container: c, entry },
  };
}

/** A leaf that says something (an error, a truncated listing); never acted on. */
export function noteNode(id: string, text: string, icon = 'warning'): TreeNode<ContainerChildRef> {
  return { item: { id, label: text, contextValue: 'containerNote', icon: { id: icon } }, ref: { kind: 'containerNote' } };
}

/** The rows of one listed directory, with notes for what `ls` could not read and for a cut listing. */
export function listingNodes(c: ContainerSummary, listing: DirListing): TreeNode<ContainerChildRef>[] {
  const rows = listing.entries.map((e) => pathNode(c, e));
  listing.errors.forEach((e, i) => rows.push(noteNode(`containerNote:${c.id}:${listing.dir}:${i}`, e)));
  if (listing.truncated) rows.push(noteNode(`containerNote:${c.id}:${listing.dir}:truncated`, `Listing cut after ${listing.entries.length} entries (layerscope.containerFiles.maxArchiveEntries).`));
  if (!rows.length) rows.push(noteNode(`containerNote:${c.id}:${listing.dir}:empty`, '(empty)', 'info'));
  return rows;
}

const shownChanges = 15;
const letter: Record<PathChange['kind'], string> = { added: 'A', modified: 'C', deleted: 'D' };

/** The modal's text: what the new layer will hold. */
export function commitPreview(c: ContainerSummary, changes: PathChange[], sizeRw: number): string {
  const lines = changes.slice(0, shownChanges).map((ch) => `${letter[ch.kind]} ${ch.path}`);
  if (changes.length > shownChanges) lines.push(`… and ${changes.length - shownChanges} more`);
  return [
    `The new image is ${c.image} plus one layer with the container's changes: ${countsText(countChanges(changes))} (${formatBytes(sizeRw)} written).`,
    ...lines,
  ].join('\n');
}
