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
import type { ChangeKind, EntryKind, FileChange, Inefficiency, LargeFile } from './types';
import { baseName, joinPath, parentOf } from './paths';

/** One tar entry of a layer, normalised (see layerScan.ts). */
export interface LayerEntry {
  /** Image-relative path; for whiteouts the path they delete, for opaque markers the dir. */
  path: string;
  type: EntryKind | 'whiteout' | 'opaque';
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkTarget?: string;
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

interface Content {
  path: string;
  layer: number;
  size: number;
  /** Paths of the current filesystem that show this content. */
  refs: number;
}

interface Node {
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  layer: number;
  linkTarget?: string;
  content?: Content;
  children?: Map<string, Node>;
}

const dirDefaults = { mode: 0o755, uid: 0, gid: 0 };

class LayerChanges {
  private readonly byPath = new Map<string, FileChange>();

  removed(path: string, node: Node): void {
    const previous = this.byPath.get(path);
    if (previous && previous.change === 'added') { this.byPath.delete(path); return; }
    this.byPath.set(path, {
      path, change: 'removed', kind: node.kind, size: node.content?.size ?? 0,
      mode: node.mode, uid: node.uid, gid: node.gid,
      ...(node.linkTarget !== undefined ? { linkTarget: node.linkTarget } : {}),
    });
  }

  written(path: string, existedBelow: boolean, node: Node, storedSize: number, opaque: boolean): void {
    const previous = this.byPath.get(path);
    let change: ChangeKind = existedBelow ? 'modified' : 'added';
    if (previous) change = previous.change === 'removed' ? 'modified' : previous.change;
    if (previous) this.byPath.delete(path); // re-insert: the list keeps the order of the last write
    this.byPath.set(path, {
      path, change, kind: node.kind, size: storedSize, mode: node.mode, uid: node.uid, gid: node.gid,
      ...(node.linkTarget !== undefined ? { linkTarget: node.linkTarget } : {}),
      ...(opaque || previous?.opaque ? { opaque: true } : {}),
    });
  }

  markOpaque(path: string, node: Node): void {
    const previous = this.byPath.get(path);
    if (previous) { previous.opaque = true; return; }
    this.byPath.set(path, {
      path, change: 'modified', kind: 'dir', size: 0, mode: node.mode, uid: node.uid, gid: node.gid, opaque: true,
    });
  }

  list(): FileChange[] {
    return [...this.byPath.values()];
  }
}

export function replayLayers(layers: LayerEntry[][], largestFilesLimit = 100): ReplayResult {
  const root: Node = { kind: 'dir', ...dirDefaults, layer: -1, children: new Map() };
  const contents: Content[] = [];
  const replays: LayerReplay[] = [];

  const detach = (path: string, node: Node, changes: LayerChanges): void => {
    // Pre-order: the dir first, then what was under it.
    changes.removed(path, node);
    if (node.content) node.content.refs--;
    if (node.children) for (const [name, child] of node.children) detach(joinPath(path, name), child, changes);
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
  const parentDir = (path: string, layer: number, changes: LayerChanges, below: BelowTracker): Node => {
    if (path === '') return root;
    const parentPath = parentOf(path);
    const grand = parentDir(parentPath, layer, changes, below);
    if (parentPath === '') return root;
    const name = baseName(parentPath);
    let dir = grand.children!.get(name);
    if (dir?.kind === 'dir') return dir;
    const existed = below.existedBelow(parentPath, dir !== undefined);
    if (dir) detach(parentPath, dir, changes);
    dir = { kind: 'dir', ...dirDefaults, layer, children: new Map() };
    grand.children!.set(name, dir);
    changes.written(parentPath, existed, dir, 0, false);
    return dir;
  };

  layers.forEach((entries, layer) => {
    const changes = new LayerChanges();
    // Paths of the filesystem below this layer that this layer touched: `existed` must be judged
    // against the lower layers, not against this layer's own earlier entries.
    const below = new BelowTracker();

    for (const entry of entries) {
      if (entry.type === 'whiteout') {
        const node = lookup(entry.path);
        if (!node || entry.path === '') continue;
        const parent = lookup(parentOf(entry.path))!;
        parent.children!.delete(baseName(entry.path));
        below.note(entry.path, true);
        detach(entry.path, node, changes);
      } else if (entry.type === 'opaque') {
        const dir = lookup(entry.path);
        if (!dir || dir.kind !== 'dir') continue;
        for (const [name, child] of dir.children!) {
          below.note(joinPath(entry.path, name), true);
          detach(joinPath(entry.path, name), child, changes);
        }
        dir.children!.clear();
        changes.markOpaque(entry.path, dir);
      }
    }

    let sizeBytes = 0;
    for (const entry of entries) {
      if (entry.type === 'whiteout' || entry.type === 'opaque' || entry.path === '') continue;
      const parent = parentDir(entry.path, layer, changes, below);
      const name = baseName(entry.path);
      const existing = parent.children!.get(name);
      const existed = below.existedBelow(entry.path, existing !== undefined);

      if (entry.type === 'dir' && existing?.kind === 'dir') {
        const same = existing.mode === entry.mode && existing.uid === entry.uid && existing.gid === entry.gid;
        existing.mode = entry.mode; existing.uid = entry.uid; existing.gid = entry.gid; existing.layer = layer;
        if (!same) changes.written(entry.path, existed, existing, 0, false);
        continue;
      }
      if (existing) {
        // Replaced: the old node and (for a dir) everything under it disappears; the path itself is
        // reported once, as written below.
        if (existing.content) existing.content.refs--;
        if (existing.children) for (const [childName, child] of existing.children) detach(joinPath(entry.path, childName), child, changes);
      }
      const node: Node = { kind: entry.type, mode: entry.mode, uid: entry.uid, gid: entry.gid, layer };
      let stored = 0;
      if (entry.type === 'dir') node.children = new Map();
      if (entry.type === 'file') {
        node.content = { path: entry.path, layer, size: entry.size, refs: 1 };
        contents.push(node.content);
        stored = entry.size;
      } else if (entry.type === 'hardlink' || entry.type === 'symlink') {
        node.linkTarget = entry.linkTarget;
      }
      if (entry.type === 'hardlink') {
        const target = entry.linkTarget !== undefined ? lookup(entry.linkTarget) : undefined;
        if (target?.content && target !== existing) {
          node.content = target.content;
          target.content.refs++;
        }
      }
      parent.children!.set(name, node);
      changes.written(entry.path, existed, node, stored, false);
      sizeBytes += stored;
    }

    const list = changes.list();
    let added = 0; let modified = 0; let removed = 0;
    for (const c of list) {
      if (c.change === 'added') added++; else if (c.change === 'modified') modified++; else removed++;
    }
    replays.push({ changes: list, added, modified, removed, sizeBytes, wastedBytes: 0 });
  });

  let sizeBytes = 0; let wastedBytes = 0;
  const perPath = new Map<string, Inefficiency>();
  for (const c of contents) {
    sizeBytes += c.size;
    let stat = perPath.get(c.path);
    if (!stat) { stat = { path: c.path, count: 0, wastedBytes: 0 }; perPath.set(c.path, stat); }
    stat.count++;
    if (c.refs <= 0) {
      stat.wastedBytes += c.size;
      wastedBytes += c.size;
      replays[c.layer].wastedBytes += c.size;
    }
  }
  const inefficiencies = [...perPath.values()]
    .filter((s) => s.wastedBytes > 0)
    .sort((a, b) => b.wastedBytes - a.wastedBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const files: LargeFile[] = [];
  let finalEntryCount = 0;
  const walk = (dir: Node, path: string): void => {
    for (const [name, child] of dir.children!) {
      const childPath = joinPath(path, name);
      finalEntryCount++;
      if (child.content && (child.kind === 'file' || child.kind === 'hardlink')) {
        files.push({ path: childPath, sizeBytes: child.content.size, layerIndex: child.layer });
      }
      if (child.children) walk(child, childPath);
    }
  };
  walk(root, '');
  files.sort((a, b) => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    layers: replays,
    sizeBytes,
    finalBytes: sizeBytes - wastedBytes,
    wastedBytes,
    inefficiencies,
    largestFiles: files.slice(0, largestFilesLimit),
    finalEntryCount,
  };
}

/**
 * Remembers, for the layer being replayed, whether a path existed in the filesystem of the layers
 * below: the first time the layer touches a path, the current tree still shows the lower state.
 */
class BelowTracker {
  private readonly set = new Set<string>();
  private readonly seen = new Set<string>();

  note(path: string, existed: boolean): void {
    if (this.seen.has(path)) return;
    this.seen.add(path);
    if (existed) this.set.add(path);
  }

  existedBelow(path: string, existsNow: boolean): boolean {
    if (!this.seen.has(path)) this.note(path, existsNow);
    return this.set.has(path);
  }
}
