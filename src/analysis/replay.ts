// Replays the layers' tar entries, bottom to top, over one in-memory filesystem (metadata only)
// to find each layer's changes and which stored content stays visible.
//
// Rules (the definitions the rest of the project relies on):
// - Per layer, whiteouts and opaque markers apply first, to the filesystem of the layers BELOW
//   (entries of the same layer are never hidden by its own markers); then the entries, in tar order.
// - `.wh.name` removes `name` and everything under it; `.wh..wh..opq` in `d` removes every child of
//   `d` from the layers below (the layer's own entries under `d` are then written on top).
// - A change is `added` when the path did not exist below, `modified` when it did (any kind, same
//   content or not: a chmod copy-up re-stores the file and is `modified`), `removed` for every path
//   a whiteout, an opaque marker or a kind change (a dir replaced by a file) made disappear,
//   descendants included. A directory entry that only repeats an existing directory with the same
//   mode/uid/gid is not a change (the layer had to carry it as the parent of a change); with a
//   different mode/owner, or opaque, it is `modified`. Parent dirs missing from the tar are created
//   (added, 0755). A whiteout for a path that does not exist below changes nothing.
// - Stored content: each regular-file entry stores `size` bytes in its layer. A hard-link entry
//   stores nothing: it is one more path to the content of its target (normally an earlier file of
//   the same layer). Content is visible when at least one path to it survives in the final
//   filesystem; otherwise all of its bytes are wasted, attributed to the layer and the path that
//   stored it. Whiteouts, dirs and symlinks weigh 0.
import type { FileChange, Inefficiency, LargeFile } from './types';
import { baseName, parentOf } from './paths';

/**
 * One tar entry of a layer, normalised (see layerScan.ts). It is shaped as the FileChange it will
 * become: the replay sets `change` and puts the same object in the layer's change list, so the
 * 100,000 entries of a big layer are not copied. `marker` entries (whiteouts: `path` is what they
 * delete; opaque markers: `path` is the dir) are instructions, never listed.
 */
export interface LayerEntry extends FileChange {
  marker?: 'whiteout' | 'opaque';
}

export interface LayerReplay {
  changes: FileChange[];
  added: number;
  modified: number;
  removed: number;
  sizeBytes: number;
  wastedBytes: number;
}

export interface ReplayResult {
  layers: LayerReplay[];
  sizeBytes: number;
  finalBytes: number;
  wastedBytes: number;
  inefficiencies: Inefficiency[];
  largestFiles: LargeFile[];
  finalEntryCount: number;
}

interface Node {
  /** The entry that wrote this path (kind, mode, owner, link target, size). */
  record: FileChange;
  layer: number;
  /** Index into the content table, -1 for dirs, symlinks and others. */
  content: number;
  children: Map<string, Node> | undefined;
}

/** Stored regular-file contents, as parallel arrays (one slot per file entry of any layer). */
class Contents {
  readonly records: FileChange[] = [];
  readonly layers: number[] = [];
  /** How many paths of the current filesystem show the content. */
  readonly refs: number[] = [];

  add(record: FileChange, layer: number): number {
    this.records.push(record);
    this.layers.push(layer);
    this.refs.push(1);
    return this.records.length - 1;
  }
}

const dirRecord = (path: string): FileChange => ({ path, change: 'added', kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0 });

/** The change list of the layer being replayed. */
class LayerChanges {
  readonly list: FileChange[] = [];
  /** Records of this layer that a later entry of the same layer cancelled (added, then removed). */
  private dropped: Set<FileChange> | undefined;
  /** Paths this layer removed, to turn a re-write of the same path into `modified`. */
  private readonly removedPaths = new Map<string, FileChange>();

  constructor(private readonly layer: number) {}

  /** `node` (at `path`) disappears. */
  removed(path: string, node: Node): void {
    if (node.layer === this.layer && node.record.change !== 'removed') {
      // Written by this very layer: an addition simply did not happen; a modification became a removal.
      if (node.record.change === 'added') { (this.dropped ??= new Set()).add(node.record); return; }
      (this.dropped ??= new Set()).add(node.record);
    }
    if (this.removedPaths.has(path)) return;
    const { kind, mode, uid, gid, linkTarget } = node.record;
    const record: FileChange = { path, change: 'removed', kind, size: node.record.size, mode, uid, gid };
    if (linkTarget !== undefined) record.linkTarget = linkTarget;
    this.removedPaths.set(path, record);
    this.list.push(record);
  }

  /** `record` is written at its path; `previous` is the node it replaces (undefined: a new path). */
  written(record: FileChange, previous: Node | undefined): void {
    const removedHere = this.removedPaths.get(record.path);
    if (removedHere) {
      (this.dropped ??= new Set()).add(removedHere);
      this.removedPaths.delete(record.path);
      record.change = 'modified';
    } else if (previous && previous.layer === this.layer) {
      // Written twice by this layer: keep what the first write was relative to the layers below.
      record.change = previous.record.change;
      if (previous.record.opaque && record.kind === 'dir') record.opaque = true;
      (this.dropped ??= new Set()).add(previous.record);
    } else {
      record.change = previous ? 'modified' : 'added';
    }
    this.list.push(record);
  }

  result(): FileChange[] {
    const dropped = this.dropped;
    return dropped ? this.list.filter((r) => !dropped.has(r)) : this.list;
  }
}

/** Keeps the `limit` largest files seen, without sorting every file of the image. */
function largest(files: LargeFile[], limit: number): LargeFile[] {
  const order = (a: LargeFile, b: LargeFile): number => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return files.sort(order).slice(0, limit);
}

export function replayLayers(layers: LayerEntry[][], largestFilesLimit = 100): ReplayResult {
  const root: Node = { record: dirRecord(''), layer: -1, content: -1, children: new Map() };
  const contents = new Contents();
  const replays: LayerReplay[] = [];

  // The parent dir of the previous entry: layers list a dir's files one after another.
  let cachedParentPath: string | undefined;
  let cachedParent: Node | undefined;

  /** `node` and everything under it leave the filesystem. A node's path is its record's path. */
  const detach = (node: Node, changes: LayerChanges): void => {
    cachedParentPath = undefined;
    cachedParent = undefined;
    // Pre-order: the dir first, then what was under it.
    changes.removed(node.record.path, node);
    if (node.content >= 0) contents.refs[node.content]--;
    if (node.children) for (const child of node.children.values()) detach(child, changes);
  };

  const lookup = (path: string): Node | undefined => {
    if (path === '') return root;
    let node: Node | undefined = root;
    for (const part of path.split('/')) {
      node = node?.children?.get(part);
      if (!node) return undefined;
    }
    return node;
  };

  /** The directory that will hold `path`, creating (or turning into dirs) missing parents. */
  const parentDir = (path: string, layer: number, changes: LayerChanges): Node => {
    const parentPath = parentOf(path);
    if (parentPath === '') return root;
    if (parentPath === cachedParentPath) return cachedParent!;
    const dir = parentDirUncached(parentPath, layer, changes);
    cachedParentPath = parentPath;
    cachedParent = dir;
    return dir;
  };

  const parentDirUncached = (parentPath: string, layer: number, changes: LayerChanges): Node => {
    const grand = parentDir(parentPath, layer, changes);
    const name = baseName(parentPath);
    const existing = grand.children!.get(name);
    if (existing?.children) return existing;
    if (existing) {
      if (existing.content >= 0) contents.refs[existing.content]--;
    }
    const record = dirRecord(parentPath);
    const dir: Node = { record, layer, content: -1, children: new Map() };
    changes.written(record, existing);
    grand.children!.set(name, dir);
    return dir;
  };

  layers.forEach((entries, layer) => {
    const changes = new LayerChanges(layer);
    for (const entry of entries) {
      if (entry.marker === 'whiteout') {
        const node = entry.path === '' ? undefined : lookup(entry.path);
        if (!node) continue;
        lookup(parentOf(entry.path))!.children!.delete(baseName(entry.path));
        detach(node, changes);
      } else if (entry.marker === 'opaque') {
        const dir = lookup(entry.path);
        if (!dir?.children) continue;
        for (const child of dir.children.values()) detach(child, changes);
        dir.children.clear();
        if (dir.layer === layer) {
          dir.record.opaque = true;
        } else if (dir !== root) {
          // The dir itself stays (its own entry, if any, follows); it is modified: it lost its lower contents.
          const { path, kind, mode, uid, gid } = dir.record;
          const record: FileChange = { path, change: 'modified', kind, size: 0, mode, uid, gid, opaque: true };
          changes.written(record, dir);
          dir.record = record;
          dir.layer = layer;
        }
      }
    }

    let sizeBytes = 0;
    for (const entry of entries) {
      if (entry.marker !== undefined || entry.path === '') continue;
      const parent = parentDir(entry.path, layer, changes);
      const name = baseName(entry.path);
      const existing = parent.children!.get(name);

      if (entry.kind === 'dir' && existing?.children) {
        const old = existing.record;
        if (existing.layer === layer) {
          // Repeated in this layer: the dir keeps its first record, with the latest metadata.
          old.mode = entry.mode; old.uid = entry.uid; old.gid = entry.gid;
          continue;
        }
        if (old.mode === entry.mode && old.uid === entry.uid && old.gid === entry.gid) continue;
        changes.written(entry, existing);
        existing.record = entry;
        existing.layer = layer;
        continue;
      }
      if (existing) {
        // Replaced: the old node and (for a dir) everything under it disappears; the path itself is
        // reported once, as written below.
        if (existing.content >= 0) contents.refs[existing.content]--;
        if (existing.children) {
          cachedParentPath = undefined;
          cachedParent = undefined;
          for (const child of existing.children.values()) detach(child, changes);
        }
      }
      const node: Node = { record: entry, layer, content: -1, children: entry.kind === 'dir' ? new Map() : undefined };
      if (entry.kind === 'file') {
        node.content = contents.add(entry, layer);
        sizeBytes += entry.size;
      } else if (entry.kind === 'hardlink' && entry.linkTarget !== undefined) {
        const target = lookup(entry.linkTarget);
        if (target && target !== existing && target.content >= 0) {
          node.content = target.content;
          contents.refs[target.content]++;
        }
      }
      parent.children!.set(name, node);
      changes.written(entry, existing);
    }

    const list = changes.result();
    let added = 0; let modified = 0; let removed = 0;
    for (const c of list) {
      if (c.change === 'added') added++; else if (c.change === 'modified') modified++; else removed++;
    }
    replays.push({ changes: list, added, modified, removed, sizeBytes, wastedBytes: 0 });
  });

  // Wasted content: stored copies no path shows any more, summed per layer and per stored path.
  let sizeBytes = 0; let wastedBytes = 0;
  const perPath = new Map<string, Inefficiency>();
  const { records, layers: contentLayers, refs } = contents;
  for (let i = 0; i < records.length; i++) {
    const size = records[i].size;
    sizeBytes += size;
    if (refs[i] > 0) continue;
    wastedBytes += size;
    replays[contentLayers[i]].wastedBytes += size;
    const path = records[i].path;
    const stat = perPath.get(path);
    if (stat) stat.wastedBytes += size; else perPath.set(path, { path, count: 0, wastedBytes: size });
  }
  // `count` includes the visible copy too: how many layers stored the path.
  for (const record of records) {
    const stat = perPath.get(record.path);
    if (stat) stat.count++;
  }
  const inefficiencies = [...perPath.values()]
    .filter((s) => s.wastedBytes > 0)
    .sort((a, b) => b.wastedBytes - a.wastedBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Largest visible files: a bounded candidate list, trimmed whenever it doubles.
  let candidates: LargeFile[] = [];
  let finalEntryCount = 0;
  const walk = (dir: Node): void => {
    for (const child of dir.children!.values()) {
      finalEntryCount++;
      if (child.content >= 0) {
        candidates.push({ path: child.record.path, sizeBytes: records[child.content].size, layerIndex: child.layer });
        if (candidates.length >= 2 * largestFilesLimit + 64) candidates = largest(candidates, largestFilesLimit);
      }
      if (child.children) walk(child);
    }
  };
  walk(root);

  return {
    layers: replays,
    sizeBytes,
    finalBytes: sizeBytes - wastedBytes,
    wastedBytes,
    inefficiencies,
    largestFiles: largest(candidates, largestFilesLimit),
    finalEntryCount,
  };
}
