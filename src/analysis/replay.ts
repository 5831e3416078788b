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
//   per node, so no step of the replay parses or compares path strings. Entries and changes are
//   RecordTables (a typed array per field): no object per entry (see records.ts).
// Split by responsibility: this file applies each layer's entries; layerChanges.ts keeps a layer's
// change list; replayState.ts the filesystem and stored contents; replayTotals.ts adds them up.
import type { FileChange, Inefficiency, LargeFile } from './types';
import { PathTrie } from './pathTrie';
import { DIR, FILE, HARDLINK, OPAQUE, RecordTable, WHITEOUT, kindCode, lazyChanges } from './records';
import { Contents, Filesystem } from './replayState';
import { LayerChanges } from './layerChanges';
import { finalFiles, wasteTotals } from './replayTotals';

/** One tar entry with a string path (tests and small callers, see `replayEntries`); `marker` entries are instructions, never listed. */
export interface LayerEntry extends FileChange {
  marker?: 'whiteout' | 'opaque';
}

export interface LayerReplay {
  /** Built on first read from `table` (see records.ts `lazyChanges`). */
  changes: FileChange[];
  /** The same changes as rows (dropped rows skipped by `fileChanges`). */
  table: RecordTable;
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

/** Entries with string paths (tests, small callers): interns them into a fresh trie and replays. */
export function replayEntries(layers: LayerEntry[][], largestFilesLimit = 100): ReplayResult {
  const trie = new PathTrie(Number.MAX_SAFE_INTEGER);
  const tables = layers.map((entries) => {
    const table = new RecordTable();
    for (const e of entries) {
      const kind = e.marker === 'whiteout' ? WHITEOUT : e.marker === 'opaque' ? OPAQUE : kindCode(e.kind);
      const target = e.kind === 'hardlink' && e.linkTarget !== undefined ? trie.intern(e.linkTarget) : -1;
      const row = table.push(trie.intern(e.path), kind, e.mode, e.uid, e.gid, e.size);
      if (e.storedSize !== undefined) table.setStoredSize(row, e.storedSize);
      if (target >= 0) table.setLinkNode(row, target);
      else if (e.linkTarget !== undefined) table.setSymlink(row, e.linkTarget);
    }
    return table;
  });
  return replayLayers(trie, tables, largestFilesLimit);
}

/** Replays `layers` (each layer's entries, bottom first) over one filesystem. The tables are only read: a layer shared by two images is replayed twice from the same table. */
export function replayLayers(trie: PathTrie, layers: RecordTable[], largestFilesLimit = 100): ReplayResult {
  const fs = new Filesystem(trie.size);
  // At most one content per entry: sized once (up to 8M), not grown (growing copies every column, and fresh pages cost CPU).
  const contents = new Contents(Math.min(1 << 23, layers.reduce((sum, entries) => sum + entries.length, 0)));
  const replays = layers.map((entries, layer) => {
    const applied = new LayerReplayer(trie, fs, contents, layer, entries.length);
    applied.markers(entries);
    const sizeBytes = applied.entries(entries);
    const counts = applied.changes.counts();
    const table = applied.changes.table;
    return lazyChanges({ table, ...counts, sizeBytes, wastedBytes: 0 }, table, trie);
  });
  const totals = wasteTotals(contents, layers.length, trie);
  totals.wastedByLayer.forEach((bytes, layer) => { replays[layer].wastedBytes = bytes; });
  return {
    layers: replays,
    sizeBytes: totals.sizeBytes,
    finalBytes: totals.sizeBytes - totals.wastedBytes,
    wastedBytes: totals.wastedBytes,
    inefficiencies: totals.inefficiencies,
    ...finalFiles(fs, contents, trie, largestFilesLimit),
  };
}

/** Applies one layer's entries to the filesystem, recording its changes. */
class LayerReplayer {
  readonly changes: LayerChanges;

  constructor(private readonly trie: PathTrie, private readonly fs: Filesystem, private readonly contents: Contents, private readonly layer: number, entryCount: number) {
    this.changes = new LayerChanges(layer, fs, entryCount);
  }

  /** Calls `visit` for each present child of `node`. */
  private eachChild(node: number, visit: (child: number) => void): void {
    const { trie, fs } = this;
    for (let child = trie.firstChild(node); child >= 0; child = trie.nextSibling(child)) if (fs.present(child)) visit(child);
  }

  private unref(node: number): void {
    const content = this.fs.contents[node];
    if (content >= 0) this.contents.ref(content, -1);
    this.fs.contents[node] = -1;
  }

  /** `node` and everything under it leave the filesystem. Pre-order: the dir first, then what was under it. */
  private detach(node: number): void {
    const wasDir = this.fs.isDir(node);
    this.changes.removed(node);
    this.unref(node);
    if (wasDir) this.eachChild(node, (child) => this.detach(child));
    this.fs.clear(node);
  }

  /** Makes `node` a directory, creating (or turning into dirs) missing parents. */
  private ensureDir(node: number): void {
    if (node === 0 || this.fs.isDir(node)) return;
    this.ensureDir(this.trie.parents[node]);
    this.unref(node);
    this.changes.written(node, this.changes.table.push(node, DIR, 0o755, 0, 0, 0));
  }

  /** Whiteouts and opaque markers first: they apply to the layers below, never to this layer's own entries. */
  markers(entries: RecordTable): void {
    const { fs, changes } = this;
    for (let i = 0; i < entries.length; i++) {
      const node = entries.node(i);
      const kind = entries.kind(i);
      if (kind === WHITEOUT) {
        if (node !== 0 && fs.present(node)) this.detach(node);
      } else if (kind === OPAQUE) {
        if (!fs.isDir(node)) continue;
        this.eachChild(node, (child) => this.detach(child));
        if (fs.layers[node] === this.layer) {
          changes.table.setOpaque(fs.rows[node]);
        } else if (node !== 0) {
          // The dir itself stays (its own entry, if any, follows); it is modified: it lost its lower contents.
          const row = changes.table.copy(fs.tableOf(node), fs.rows[node], false);
          changes.table.setSize(row, 0);
          changes.table.setOpaque(row);
          changes.written(node, row);
        }
      }
    }
  }

  /** The layer's entries in tar order; returns the content bytes the layer stores. */
  entries(entries: RecordTable): number {
    const { fs, changes, contents, layer } = this;
    const table = changes.table;
    let sizeBytes = 0;
    for (let i = 0; i < entries.length; i++) {
      const node = entries.node(i);
      const kind = entries.kind(i);
      if (kind >= WHITEOUT || node === 0) continue;
      this.ensureDir(this.trie.parents[node]);
      const existing = fs.present(node);
      const existingDir = existing && fs.isDir(node);

      if (kind === DIR && existingDir) {
        const from = fs.tableOf(node);
        const row = fs.rows[node];
        if (fs.layers[node] === layer) {
          // Repeated in this layer: the dir keeps its first record, with the latest metadata.
          table.setOwner(row, entries.mode(i), entries.uid(i), entries.gid(i));
          continue;
        }
        if (from.mode(row) === entries.mode(i) && from.uid(row) === entries.uid(i) && from.gid(row) === entries.gid(i)) continue;
        changes.written(node, table.copy(entries, i));
        continue;
      }
      // A hard link's target is looked up before the path it replaces goes (as tar resolves it).
      const target = kind === HARDLINK ? entries.linkNode(i) : undefined;
      const linked = target !== undefined && target !== node ? fs.contents[target] : -1;
      if (linked >= 0) contents.ref(linked, 1);
      if (existing) {
        // Replaced: the old record and (for a dir) everything under it disappears; the path itself is
        // reported once, as written below.
        this.unref(node);
        if (existingDir) this.eachChild(node, (child) => this.detach(child));
      }
      if (kind === FILE) {
        fs.contents[node] = contents.add(entries.size(i), layer, node);
        sizeBytes += entries.size(i);
      } else if (linked >= 0) {
        fs.contents[node] = linked;
      }
      changes.written(node, table.copy(entries, i));
    }
    return sizeBytes;
  }
}
