// Tar entries and change records stored column by column (one typed array per field, paths as
// PathTrie node numbers) instead of one object per entry: a million entries cost ~30 MB, not ~300.
// The public `FileChange` objects are built from a table only when someone reads them.
import type { ChangeKind, EntryKind, FileChange } from './types';
import type { PathTrie } from './pathTrie';
import { ByteList, Float64List, IntList, Uint16List, Uint32List } from './intList';

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

export class RecordTable {
  private readonly nodes = new IntList();
  private readonly kinds = new ByteList();
  private readonly modes = new Uint16List();
  private readonly uids = new Uint32List();
  private readonly gids = new Uint32List();
  private readonly sizes = new Float64List();
  private readonly changes = new ByteList();
  private readonly flags = new ByteList();
  /** Rare fields, by row: hard-link target nodes, symlink targets (display text), stored bytes of sparse files, ids past 32 bits. */
  private readonly linkNodes = new Map<number, number>();
  private readonly symlinks = new Map<number, string>();
  private readonly storedSizes = new Map<number, number>();
  private readonly wideIds = new Map<number, { uid: number; gid: number }>();

  get length(): number {
    return this.nodes.length;
  }

  push(node: number, kind: number, mode: number, uid: number, gid: number, size: number): number {
    const row = this.nodes.push(node);
    this.kinds.push(kind);
    this.modes.push(mode & 0o7777);
    this.pushIds(row, uid, gid);
    this.sizes.push(size);
    this.changes.push(ADDED);
    this.flags.push(0);
    return row;
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

  private pushIds(row: number, uid: number, gid: number): void {
    const fits = (id: number): boolean => Number.isInteger(id) && id >= 0 && id <= 0xffffffff;
    this.uids.push(fits(uid) ? uid : 0);
    this.gids.push(fits(gid) ? gid : 0);
    if (!fits(uid) || !fits(gid)) this.wideIds.set(row, { uid, gid });
  }

  node(row: number): number { return this.nodes.get(row); }
  kind(row: number): number { return this.kinds.get(row); }
  mode(row: number): number { return this.modes.get(row); }
  uid(row: number): number { return this.wideIds.get(row)?.uid ?? this.uids.get(row); }
  gid(row: number): number { return this.wideIds.get(row)?.gid ?? this.gids.get(row); }
  size(row: number): number { return this.sizes.get(row); }
  change(row: number): number { return this.changes.get(row); }
  linkNode(row: number): number | undefined { return this.linkNodes.get(row); }

  setOwner(row: number, mode: number, uid: number, gid: number): void {
    this.modes.set(row, mode & 0o7777);
    this.wideIds.delete(row);
    const fits = (id: number): boolean => Number.isInteger(id) && id >= 0 && id <= 0xffffffff;
    this.uids.set(row, fits(uid) ? uid : 0);
    this.gids.set(row, fits(gid) ? gid : 0);
    if (!fits(uid) || !fits(gid)) this.wideIds.set(row, { uid, gid });
  }

  setSize(row: number, size: number): void { this.sizes.set(row, size); }
  setChange(row: number, change: number): void { this.changes.set(row, change); }
  setLinkNode(row: number, node: number): void { this.linkNodes.set(row, node); }
  setSymlink(row: number, target: string): void { this.symlinks.set(row, target); }
  setStoredSize(row: number, bytes: number): void { this.storedSizes.set(row, bytes); }

  opaque(row: number): boolean { return (this.flags.get(row) & opaqueFlag) !== 0; }
  setOpaque(row: number): void { this.flags.set(row, this.flags.get(row) | opaqueFlag); }
  /** A record a later entry of the same layer cancelled: kept in place (rows are referenced by number), never listed. */
  dropped(row: number): boolean { return (this.flags.get(row) & droppedFlag) !== 0; }
  drop(row: number): void { this.flags.set(row, this.flags.get(row) | droppedFlag); }

  /** Drops spare capacity once the table stops growing. */
  trim(): void {
    for (const list of [this.nodes, this.kinds, this.modes, this.uids, this.gids, this.sizes, this.changes, this.flags]) list.trim();
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

/**
 * Defines `target.changes` as a list built on first read from `table` (then kept): enumerable, so
 * JSON and postMessage still carry it; code that never reads it (the CLI) never pays for a million objects.
 */
export function lazyChanges<T extends object>(target: T, table: RecordTable, trie: PathTrie): T & { changes: FileChange[] } {
  let list: FileChange[] | undefined;
  Object.defineProperty(target, 'changes', {
    enumerable: true,
    configurable: true,
    get: () => (list ??= table.fileChanges(trie)),
    set: (value: FileChange[]) => { list = value; },
  });
  return target as T & { changes: FileChange[] };
}
