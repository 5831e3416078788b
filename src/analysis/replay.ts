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
// - Paths are nodes of a PathTrie (numbers, compared by raw name bytes); the filesystem is a state
//   per node, so no step of the replay parses or compares path strings.
import type { FileChange, Inefficiency, LargeFile } from './types';
import { PathTrie } from './pathTrie';
import { IntList } from './intList';

/**
 * One tar entry of a layer, normalised (see layerScan.ts). It is shaped as the FileChange it will
 * become: the replay sets `change` and puts the same object in the layer's change list, so the
 * 100,000 entries of a big layer are not copied. `marker` entries (whiteouts: `path` is what they
 * delete; opaque markers: `path` is the dir) are instructions, never listed.
 */
export interface LayerEntry extends FileChange {
  marker?: 'whiteout' | 'opaque';
}

/** A layer's entries with the path node of each (`nodes[i]` for `entries[i]`), and hard links' target nodes by entry index. */
export interface LayerInput {
  entries: LayerEntry[];
  nodes: ArrayLike<number>;
  links?: Map<number, number>;
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

/** Stored regular-file contents, as parallel arrays (one slot per file entry of any layer). */
class Contents {
  readonly records: FileChange[] = [];
  readonly layers = new IntList();
  /** Path node that stored the content. */
  readonly nodes = new IntList();
  /** How many paths of the current filesystem show the content. */
  readonly refs = new IntList();

  add(record: FileChange, layer: number, node: number): number {
    this.records.push(record);
    this.layers.push(layer);
    this.nodes.push(node);
    return this.refs.push(1);
  }

  ref(content: number, delta: number): void {
    this.refs.set(content, this.refs.get(content) + delta);
  }
}

const dirRecord = (path: string): FileChange => ({ path, change: 'added', kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0 });

/** The filesystem being replayed: per path node, the record showing there (undefined: absent). */
class Filesystem {
  readonly records: (FileChange | undefined)[];
  readonly layers: Int32Array;
  readonly contents: Int32Array;

  constructor(size: number) {
    this.records = new Array<FileChange | undefined>(size);
    this.layers = new Int32Array(size);
    this.contents = new Int32Array(size).fill(-1);
    this.records[0] = dirRecord('');
    this.layers[0] = -1;
  }

  isDir(node: number): boolean {
    return this.records[node]?.kind === 'dir';
  }
}

/** The change list of the layer being replayed. */
class LayerChanges {
  readonly list: FileChange[] = [];
  /** Records of this layer that a later entry of the same layer cancelled (added, then removed). */
  private dropped: Set<FileChange> | undefined;
  /** Path nodes this layer removed, to turn a re-write of the same path into `modified`. */
  private readonly removedNodes = new Map<number, FileChange>();

  constructor(private readonly layer: number, private readonly trie: PathTrie) {}

  /** What shows at `node` (its record, written by layer `layer`) disappears. */
  removed(node: number, old: FileChange, layer: number): void {
    if (layer === this.layer && old.change !== 'removed') {
      // Written by this very layer: an addition simply did not happen; a modification became a removal.
      (this.dropped ??= new Set()).add(old);
      if (old.change === 'added') return;
    }
    if (this.removedNodes.has(node)) return;
    const { kind, mode, uid, gid, linkTarget } = old;
    const record: FileChange = { path: this.trie.pathOf(node), change: 'removed', kind, size: old.size, mode, uid, gid };
    if (linkTarget !== undefined) record.linkTarget = linkTarget;
    this.removedNodes.set(node, record);
    this.list.push(record);
  }

  /** `record` is written at `node`; `previous` is what it replaces (undefined: a new path), written by `previousLayer`. */
  written(node: number, record: FileChange, previous: FileChange | undefined, previousLayer: number): void {
    const removedHere = this.removedNodes.get(node);
    if (removedHere) {
      (this.dropped ??= new Set()).add(removedHere);
      this.removedNodes.delete(node);
      record.change = 'modified';
    } else if (previous && previousLayer === this.layer) {
      // Written twice by this layer: keep what the first write was relative to the layers below.
      record.change = previous.change;
      if (previous.opaque && record.kind === 'dir') record.opaque = true;
      (this.dropped ??= new Set()).add(previous);
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

/** A largest-file candidate: ties are broken by path node while trimming (comparing paths would flatten every rope). */
interface Candidate { node: number; size: number; layer: number }

/** Keeps the `limit` largest files seen, without sorting every file of the image. */
function largest(files: Candidate[], limit: number): Candidate[] {
  return files.sort((a, b) => b.size - a.size || a.node - b.node).slice(0, limit);
}

/** Entries with string paths (tests, small callers): interns them into a fresh trie and replays. */
export function replayEntries(layers: LayerEntry[][], largestFilesLimit = 100): ReplayResult {
  const trie = new PathTrie(Number.MAX_SAFE_INTEGER);
  const inputs = layers.map((entries) => {
    const links = new Map<number, number>();
    const nodes = entries.map((e, i) => {
      if (e.kind === 'hardlink' && e.linkTarget !== undefined) links.set(i, trie.intern(e.linkTarget));
      return trie.intern(e.path);
    });
    return { entries, nodes, links };
  });
  return replayLayers(trie, inputs, largestFilesLimit);
}

export function replayLayers(trie: PathTrie, layers: LayerInput[], largestFilesLimit = 100): ReplayResult {
  const fs = new Filesystem(trie.size);
  const { records: recs, layers: layerOf, contents: contentOf } = fs;
  const { parents } = trie;
  const contents = new Contents();
  const replays: LayerReplay[] = [];

  /** Calls `visit` for each present child of `node`. */
  const eachChild = (node: number, visit: (child: number) => void): void => {
    const ids = trie.childIds(node);
    if (ids) for (const child of ids) if (recs[child] !== undefined) visit(child);
  };

  /** `node` and everything under it leave the filesystem. Pre-order: the dir first, then what was under it. */
  const detach = (node: number, changes: LayerChanges): void => {
    const old = recs[node]!;
    changes.removed(node, old, layerOf[node]);
    if (contentOf[node] >= 0) contents.ref(contentOf[node], -1);
    contentOf[node] = -1;
    if (old.kind === 'dir') eachChild(node, (child) => detach(child, changes));
    recs[node] = undefined;
  };

  /** Makes `node` a directory, creating (or turning into dirs) missing parents. */
  const ensureDir = (node: number, layer: number, changes: LayerChanges): void => {
    const existing = recs[node];
    if (node === 0 || existing?.kind === 'dir') return;
    ensureDir(parents[node], layer, changes);
    if (existing && contentOf[node] >= 0) contents.ref(contentOf[node], -1);
    const record = dirRecord(trie.pathOf(node));
    changes.written(node, record, existing, layerOf[node]);
    recs[node] = record;
    layerOf[node] = layer;
    contentOf[node] = -1;
  };

  layers.forEach(({ entries, nodes, links }, layer) => {
    const changes = new LayerChanges(layer, trie);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const node = nodes[i];
      if (entry.marker === 'whiteout') {
        if (node !== 0 && recs[node] !== undefined) detach(node, changes);
      } else if (entry.marker === 'opaque') {
        if (!fs.isDir(node)) continue;
        eachChild(node, (child) => detach(child, changes));
        const dir = recs[node]!;
        if (layerOf[node] === layer) {
          dir.opaque = true;
        } else if (node !== 0) {
          // The dir itself stays (its own entry, if any, follows); it is modified: it lost its lower contents.
          const { path, kind, mode, uid, gid } = dir;
          const record: FileChange = { path, change: 'modified', kind, size: 0, mode, uid, gid, opaque: true };
          changes.written(node, record, dir, layerOf[node]);
          recs[node] = record;
          layerOf[node] = layer;
        }
      }
    }

    let sizeBytes = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const node = nodes[i];
      if (entry.marker !== undefined || node === 0) continue;
      ensureDir(parents[node], layer, changes);
      const existing = recs[node];
      const existingLayer = layerOf[node];

      if (entry.kind === 'dir' && existing?.kind === 'dir') {
        if (existingLayer === layer) {
          // Repeated in this layer: the dir keeps its first record, with the latest metadata.
          existing.mode = entry.mode; existing.uid = entry.uid; existing.gid = entry.gid;
          continue;
        }
        if (existing.mode === entry.mode && existing.uid === entry.uid && existing.gid === entry.gid) continue;
        changes.written(node, entry, existing, existingLayer);
        recs[node] = entry;
        layerOf[node] = layer;
        continue;
      }
      // A hard link's target is looked up before the path it replaces goes (as tar resolves it).
      const target = entry.kind === 'hardlink' ? links?.get(i) : undefined;
      const linked = target !== undefined && target !== node ? contentOf[target] : -1;
      if (linked >= 0) contents.ref(linked, 1);
      if (existing) {
        // Replaced: the old record and (for a dir) everything under it disappears; the path itself is
        // reported once, as written below.
        if (contentOf[node] >= 0) contents.ref(contentOf[node], -1);
        contentOf[node] = -1;
        if (existing.kind === 'dir') eachChild(node, (child) => detach(child, changes));
      }
      if (entry.kind === 'file') {
        contentOf[node] = contents.add(entry, layer, node);
        sizeBytes += entry.size;
      } else if (linked >= 0) {
        contentOf[node] = linked;
      }
      recs[node] = entry;
      layerOf[node] = layer;
      changes.written(node, entry, existing, existingLayer);
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
  const perPath = new Map<number, Inefficiency>();
  const { records } = contents;
  const contentLayers = contents.layers.view();
  const contentNodes = contents.nodes.view();
  const refs = contents.refs.view();
  for (let i = 0; i < records.length; i++) {
    const size = records[i].size;
    sizeBytes += size;
    if (refs[i] > 0) continue;
    wastedBytes += size;
    replays[contentLayers[i]].wastedBytes += size;
    const stat = perPath.get(contentNodes[i]);
    if (stat) stat.wastedBytes += size; else perPath.set(contentNodes[i], { path: records[i].path, count: 0, wastedBytes: size });
  }
  // `count` includes the visible copy too: how many layers stored the path.
  for (let i = 0; i < records.length; i++) {
    const stat = perPath.get(contentNodes[i]);
    if (stat) stat.count++;
  }
  const inefficiencies = [...perPath.values()]
    .filter((s) => s.wastedBytes > 0)
    .sort((a, b) => b.wastedBytes - a.wastedBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Largest visible files: each content once (a hard link is another name for its target's bytes,
  // listed only when the original path is gone); a bounded candidate list, trimmed whenever it doubles.
  let candidates: Candidate[] = [];
  let finalEntryCount = 0;
  const listed = new Uint8Array(records.length);
  const walk = (dir: number): void => {
    eachChild(dir, (child) => {
      finalEntryCount++;
      const content = contentOf[child];
      if (content >= 0 && !listed[content]) {
        const original = contentNodes[content];
        if (original === child || contentOf[original] !== content) {
          listed[content] = 1;
          candidates.push({ node: child, size: records[content].size, layer: layerOf[child] });
          if (candidates.length >= 2 * largestFilesLimit + 64) candidates = largest(candidates, largestFilesLimit);
        }
      }
      if (recs[child]!.kind === 'dir') walk(child);
    });
  };
  walk(0);

  return {
    layers: replays,
    sizeBytes,
    finalBytes: sizeBytes - wastedBytes,
    wastedBytes,
    inefficiencies,
    largestFiles: largest(candidates, largestFilesLimit)
      .map((c): LargeFile => ({ path: trie.pathOf(c.node), sizeBytes: c.size, layerIndex: c.layer }))
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    finalEntryCount,
  };
}
