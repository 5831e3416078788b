// Tar entries and change records stored column by column (one typed array per field, paths as
// PathTrie node numbers) instead of one object per entry: a million entries cost ~30 MB, not ~300.
// The public `FileChange` objects are built from a table only when someone reads them.
import type { ChangeKind, EntryKind, FileChange } from './types';
import type { PathTrie } from './pathTrie';
import { grow } from './intList';

/** Entry kinds by code; codes past them are the replay's instructions (never listed as changes). */
export const kindNames: readonly EntryKind[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];
export const FILE = 0;
export const DIR = 1;
export const SYMLINK = 2;
export const HARDLINK = 3;
export const OTHER = 4;
/** A whiteout: the row's node is what it deletes. */
export const WHITEOUT = 5;
/** An opaque marker: the row's node is the dir whose lower contents it hides. */
export const OPAQUE = 6;

export const changeNames: readonly ChangeKind[] = ['added', 'modified', 'removed'];
export const ADDED = 0;
export const MODIFIED = 1;
export const REMOVED = 2;

const opaqueFlag = 1;
const droppedFlag = 2;

export const kindCode = (kind: EntryKind): number => kindNames.indexOf(kind);

/** Fits a uid/gid in a 32-bit column; larger or odd ids go to a side map. */
const fitsId = (id: number): boolean => Number.isInteger(id) && id >= 0 && id <= 0xffffffff;

/**
 * Rows of (path node, kind, mode, uid, gid, size, change, flags), one typed array per field, all
 * of one capacity (each column's own array type keeps the hot loops monomorphic).
 */
export class RecordTable {
  private nodes: Int32Array;
  private kinds: Uint8Array;
  private modes: Uint16Array;
  private uids: Uint32Array;
  private gids: Uint32Array;
  private sizes: Float64Array;
  private changes: Uint8Array;
  private flags: Uint8Array;
  private rows = 0;
  /** Rare fields, by row: hard-link target nodes, symlink targets (display text), stored bytes of sparse files, ids past 32 bits. */
  private readonly linkNodes = new Map<number, number>();
  private readonly symlinks = new Map<number, string>();
  private readonly storedSizes = new Map<number, number>();
  private readonly wideIds = new Map<number, { uid: number; gid: number }>();

  /** `capacity`: rows expected (a layer's change list is about as long as its entries), grown as needed. */
  constructor(capacity = 16) {
    const n = Math.max(16, capacity);
    this.nodes = new Int32Array(n);
    this.kinds = new Uint8Array(n);
    this.modes = new Uint16Array(n);
    this.uids = new Uint32Array(n);
    this.gids = new Uint32Array(n);
    this.sizes = new Float64Array(n);
    this.changes = new Uint8Array(n);
    this.flags = new Uint8Array(n);
  }

  get length(): number {
    return this.rows;
  }

  private resize(capacity: number): void {
    this.nodes = grow(this.nodes, capacity);
    this.kinds = grow(this.kinds, capacity);
    this.modes = grow(this.modes, capacity);
    this.uids = grow(this.uids, capacity);
    this.gids = grow(this.gids, capacity);
    this.sizes = grow(this.sizes, capacity);
    this.changes = grow(this.changes, capacity);
    this.flags = grow(this.flags, capacity);
  }

  push(node: number, kind: number, mode: number, uid: number, gid: number, size: number): number {
    const row = this.rows;
    if (row === this.nodes.length) this.resize(Math.max(16, row * 2));
    this.nodes[row] = node;
    this.kinds[row] = kind;
    this.modes[row] = mode & 0o7777;
    this.sizes[row] = size;
    this.rows++;
    this.setIds(row, uid, gid);
    return row;
  }

  private setIds(row: number, uid: number, gid: number): void {
    const wide = !fitsId(uid) || !fitsId(gid);
    this.uids[row] = wide ? 0 : uid;
    this.gids[row] = wide ? 0 : gid;
    if (wide) this.wideIds.set(row, { uid, gid }); else if (this.wideIds.size) this.wideIds.delete(row);
  }

  /** Appends a copy of `from`'s row `row` (its rare fields too; not its change or flags). */
  copy(from: RecordTable, row: number, withStoredSize = true): number {
    const out = this.push(from.node(row), from.kind(row), from.mode(row), from.uid(row), from.gid(row), from.size(row));
    const link = from.linkNodes.get(row);
    if (link !== undefined) this.linkNodes.set(out, link);
    const symlink = from.symlinks.get(row);
    if (symlink !== undefined) this.symlinks.set(out, symlink);
    const stored = from.storedSizes.get(row);
    if (stored !== undefined && withStoredSize) this.storedSizes.set(out, stored);
    return out;
  }

  node(row: number): number { return this.nodes[row]; }
  kind(row: number): number { return this.kinds[row]; }
  mode(row: number): number { return this.modes[row]; }
  uid(row: number): number { return this.wideIds.size ? this.wideIds.get(row)?.uid ?? this.uids[row] : this.uids[row]; }
  gid(row: number): number { return this.wideIds.size ? this.wideIds.get(row)?.gid ?? this.gids[row] : this.gids[row]; }
  size(row: number): number { return this.sizes[row]; }
  change(row: number): number { return this.changes[row]; }
  linkNode(row: number): number | undefined { return this.linkNodes.size ? this.linkNodes.get(row) : undefined; }

  setOwner(row: number, mode: number, uid: number, gid: number): void {
    this.modes[row] = mode & 0o7777;
    this.setIds(row, uid, gid);
  }

  setSize(row: number, size: number): void { this.sizes[row] = size; }
  setChange(row: number, change: number): void { this.changes[row] = change; }
  setLinkNode(row: number, node: number): void { this.linkNodes.set(row, node); }
  setSymlink(row: number, target: string): void { this.symlinks.set(row, target); }
  setStoredSize(row: number, bytes: number): void { this.storedSizes.set(row, bytes); }

  opaque(row: number): boolean { return (this.flags[row] & opaqueFlag) !== 0; }
  setOpaque(row: number): void { this.flags[row] |= opaqueFlag; }
  /** A record a later entry of the same layer cancelled: kept in place (rows are referenced by number), never listed. */
  dropped(row: number): boolean { return (this.flags[row] & droppedFlag) !== 0; }
  drop(row: number): void { this.flags[row] |= droppedFlag; }

  /** Drops spare capacity once the table stops growing. */
  trim(): void {
    if (this.nodes.length > this.rows) this.resize(this.rows);
  }

  /** The public record of a row. */
  fileChange(row: number, trie: PathTrie): FileChange {
    const record: FileChange = {
      path: trie.pathOf(this.node(row)), change: changeNames[this.change(row)], kind: kindNames[this.kind(row)],
      size: this.size(row), mode: this.mode(row), uid: this.uid(row), gid: this.gid(row),
    };
    const stored = this.storedSizes.get(row);
    if (stored !== undefined) record.storedSize = stored;
    const link = this.linkNodes.get(row);
    const target = link !== undefined ? trie.pathOf(link) : this.symlinks.get(row);
    if (target !== undefined) record.linkTarget = target;
    if (this.opaque(row)) record.opaque = true;
    return record;
  }

  /** The rows not dropped, as public records, in order. */
  fileChanges(trie: PathTrie): FileChange[] {
    const out: FileChange[] = [];
    for (let row = 0; row < this.length; row++) if (!this.dropped(row)) out.push(this.fileChange(row, trie));
    return out;
  }
}

const changeTableKey = Symbol('changeTable');

/**
 * Defines `target.changes` as a list built on first read from `table` (then kept): enumerable, so
 * JSON and postMessage still carry it; code that never reads it (the CLI) never pays for a million objects.
 */
export function lazyChanges<T extends object>(target: T, table: RecordTable, trie: PathTrie): T & { changes: FileChange[] } {
  let list: FileChange[] | undefined;
  // Not enumerable, a symbol: JSON, spreads and structured clones never see it (see `changeTableOf`).
  Object.defineProperty(target, changeTableKey, { value: { table, trie }, writable: true });
  Object.defineProperty(target, 'changes', {
    enumerable: true,
    configurable: true,
    get: () => (list ??= table.fileChanges(trie)),
    set: (value: FileChange[]) => {
      list = value;
      // The list no longer comes from the table: readers of the table must read the list.
      (target as Record<symbol, unknown>)[changeTableKey] = undefined;
    },
  });
  return target as T & { changes: FileChange[] };
}

/**
 * The change table (and the trie of its paths) behind a layer's lazy `changes`, for readers that
 * walk a million changes without building an object per change (`fsView.ts`); undefined for a
 * layer that came through JSON or a structured clone.
 */
export function changeTableOf(layer: object): { table: RecordTable; trie: PathTrie } | undefined {
  return (layer as { [changeTableKey]?: { table: RecordTable; trie: PathTrie } })[changeTableKey];
}
