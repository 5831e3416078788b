// The filesystem after layer n, marked against the filesystem after layer `base` (what
// `filesystemAt` in tree.ts builds as TreeNode objects), kept instead as typed arrays indexed by
// path-trie node and replayed straight from the layers' change tables: no object per file, so a
// million-file layer is a few linear passes over numbers (the Layers panel's file tree asks for it
// on every layer switch). Same rules as tree.ts (the unit tests compare the two on random stacks).
import { IntList } from './intList';
import { PathTrie } from './pathTrie';
import { changeNames, changeTableOf, DIR, FILE, HARDLINK, kindCode, kindNames, RecordTable, REMOVED } from './records';
import type { ChangeKind, EntryKind, FileChange, ImageAnalysis } from './types';

/** Every layer's change table over one trie of paths. */
export interface ChangeSource {
  trie: PathTrie;
  tables: RecordTable[];
}

/** The analysis' own tables; for a result that came through JSON (no tables), tables rebuilt from its change lists. */
export function changeSource(analysis: ImageAnalysis): ChangeSource {
  const found = analysis.layers.map((layer) => changeTableOf(layer));
  const trie = found[0]?.trie;
  if (trie && found.every((f) => f?.trie === trie)) return { trie, tables: found.map((f) => f!.table) };
  return sourceFromChanges(analysis);
}

function sourceFromChanges(analysis: ImageAnalysis): ChangeSource {
  const trie = new PathTrie(Number.MAX_SAFE_INTEGER);
  // The trie takes raw bytes (one char a byte); display paths are text: their UTF-8 bytes ('é' is 2 bytes, not byte 0xe9).
  const intern = (path: string): number => trie.intern(Buffer.from(path, 'utf8').toString('latin1'));
  const tables = analysis.layers.map((layer) => {
    const table = new RecordTable(layer.changes.length);
    for (const c of layer.changes) {
      const row = table.push(intern(c.path), kindCode(c.kind), c.mode, c.uid, c.gid, c.size);
      table.setChange(row, changeNames.indexOf(c.change));
      if (c.kind === 'hardlink' && c.linkTarget !== undefined) table.setLinkNode(row, intern(c.linkTarget));
      else if (c.linkTarget !== undefined) table.setSymlink(row, c.linkTarget);
      if (c.storedSize !== undefined) table.setStoredSize(row, c.storedSize);
      if (c.opaque) table.setOpaque(row);
    }
    return table;
  });
  return { trie, tables };
}

/** Per node: absent, or present and how it changed against the base. */
export const ABSENT = 0;
export const UNCHANGED = 1;
export const ADDED_NODE = 2;
export const MODIFIED_NODE = 3;
export const REMOVED_NODE = 4;
const stateChange: readonly (ChangeKind | undefined)[] = [undefined, undefined, 'added', 'modified', 'removed'];

export type ViewCounts = Record<ChangeKind | 'unchanged', number>;

export class FsView {
  readonly trie: PathTrie;
  /** ABSENT, UNCHANGED, ADDED_NODE, MODIFIED_NODE or REMOVED_NODE (removed paths stay, as in tree.ts). */
  readonly state: Uint8Array;
  /** Entry kind code (records.ts) of what shows at the node. */
  readonly kinds: Uint8Array;
  /** As TreeNode.size: files their bytes, hard links 0 unless they carry their content's bytes, dirs their subtree (removed nodes excluded). */
  readonly sizes: Float64Array;
  /** Present children (removed ones included): a dir with none cannot be opened. */
  readonly childCounts: Int32Array;
  /** Nodes by change over the whole view (the root excluded). */
  readonly counts: ViewCounts = { added: 0, modified: 0, removed: 0, unchanged: 0 };
  /** Parent of each node (the trie's). */
  readonly parents: Int32Array;
  /** Nodes marked by a layer above the base (some may be unmarked or gone by now; repeats possible). */
  readonly marked = new IntList();
  private readonly tables: RecordTable[];
  /** The record showing at the node, as its row numbered across layers (`firstRows`); -1: the root or a dir made up for a missing parent. */
  private readonly recordOf: Int32Array;
  private readonly inBase: Uint8Array;
  /** Where each layer's rows start in that numbering. A file record's content is its record number. */
  private readonly firstRows: number[] = [];
  /** Hard links: the content they show (absent: none). */
  private readonly linkContents = new Map<number, number>();
  /** Nodes a hard-link record was applied at (some may show something else by now). */
  private readonly links: number[] = [];

  /** The filesystem after `layer`, marked against the one after `base` (clamped to [-1, layer]; -1: everything is added). */
  constructor(source: ChangeSource, readonly layer: number, base: number) {
    const { trie, tables } = source;
    if (!Number.isInteger(layer) || layer < 0 || layer >= tables.length) {
      throw new RangeError(`layer index ${layer} out of range (the image has ${tables.length} layers)`);
    }
    const nodes = trie.size;
    this.trie = trie;
    this.tables = tables;
    this.parents = trie.parents;
    this.state = new Uint8Array(nodes);
    this.kinds = new Uint8Array(nodes);
    this.sizes = new Float64Array(nodes);
    this.childCounts = new Int32Array(nodes);
    this.recordOf = new Int32Array(nodes);
    this.inBase = new Uint8Array(nodes);
    this.state[0] = UNCHANGED;
    this.kinds[0] = DIR;
    this.recordOf[0] = -1;
    this.inBase[0] = 1;
    const last = Math.max(-1, Math.min(Math.floor(base), layer));
    let rows = 0;
    for (let l = 0; l <= layer; l++) {
      this.firstRows.push(rows);
      this.applyLayer(tables[l], l, l > last);
      rows += tables[l].length;
    }
    this.total(this.holders());
  }

  change(node: number): ChangeKind | undefined {
    return stateChange[this.state[node]];
  }

  kind(node: number): EntryKind {
    return kindNames[this.kinds[node]];
  }

  /** The change record showing at the node (its path, kind, link target …); undefined for made-up dirs. */
  record(node: number): FileChange | undefined {
    const record = this.recordOf[node];
    if (record < 0) return undefined;
    const { table, row } = this.recordAt(record);
    return table.fileChange(row, this.trie);
  }

  /** Calls `visit` for each present child of `node` (trie order, not sorted). */
  eachChild(node: number, visit: (child: number) => void): void {
    const { trie, state } = this;
    for (let child = trie.firstChild(node); child >= 0; child = trie.nextSibling(child)) if (state[child] !== ABSENT) visit(child);
  }

  /** The present child of `node` shown as `name`, or -1. */
  childNamed(node: number, name: string): number {
    const { trie, state } = this;
    for (let child = trie.firstChild(node); child >= 0; child = trie.nextSibling(child)) {
      if (state[child] !== ABSENT && trie.nameOf(child) === name) return child;
    }
    return -1;
  }

  /** One layer's change rows, in order (the usual row, a new path under a present dir, takes the straight path). */
  private applyLayer(table: RecordTable, layer: number, marking: boolean): void {
    const { state, kinds, sizes, parents, inBase, recordOf, linkContents } = this;
    const firstRow = this.firstRows[layer];
    const fresh = marking ? ADDED_NODE : UNCHANGED;
    for (let row = 0; row < table.length; row++) {
      if (table.dropped(row)) continue;
      const node = table.node(row);
      if (node === 0) continue;
      if (table.change(row) === REMOVED) {
        // A present node's parents are present dirs (removing or retyping a dir clears what is below it).
        if (state[node] === ABSENT || state[node] === REMOVED_NODE) continue;
        if (marking) this.markRemoved(node); else this.clear(node);
        continue;
      }
      const parent = parents[node];
      if (parent > 0 && (state[parent] === ABSENT || kinds[parent] !== DIR)) this.ensureParent(node, marking);
      const kind = table.kind(row);
      const existing = state[node] !== ABSENT;
      if (marking) this.marked.push(node);
      if (kind === HARDLINK) {
        // A hard link's target is looked up before the path it replaces goes (as tar resolves it).
        const target = table.linkNode(row);
        const content = target !== undefined && state[target] !== ABSENT ? this.contentOf(target) : -1;
        if (content >= 0) linkContents.set(node, content); else linkContents.delete(node);
        this.links.push(node);
      } else if (linkContents.size > 0) {
        linkContents.delete(node);
      }
      if (existing) {
        // A dir rewritten over a dir keeps its children; replaced by a non-dir, they go.
        if (kinds[node] === DIR && kind !== DIR) this.clearChildren(node);
        const kept = !marking || inBase[node] === 1;
        state[node] = marking ? (kept ? MODIFIED_NODE : ADDED_NODE) : UNCHANGED;
        inBase[node] = kept ? 1 : 0;
      } else {
        state[node] = fresh;
        inBase[node] = marking ? 0 : 1;
      }
      kinds[node] = kind;
      // Dirs sum their children later; a hard link's bytes depend on where its content is counted.
      sizes[node] = kind === DIR || kind === HARDLINK ? 0 : table.size(row);
      recordOf[node] = firstRow + row;
    }
  }

  /** The stored content a file or hard link shows, -1 for none. */
  private contentOf(node: number): number {
    const kind = this.kinds[node];
    if (kind === FILE) return this.recordOf[node];
    return kind === HARDLINK ? this.linkContents.get(node) ?? -1 : -1;
  }

  /** The table and row of a record number. */
  private recordAt(record: number): { table: RecordTable; row: number } {
    let layer = this.firstRows.length - 1;
    while (this.firstRows[layer] > record) layer--;
    return { table: this.tables[layer], row: record - this.firstRows[layer] };
  }

  /** Parents missing (or not dirs) become dirs: the change lists carry parents first, this guards odd input. */
  private ensureParent(node: number, marking: boolean): void {
    const parent = this.parents[node];
    if (parent <= 0 || (this.state[parent] !== ABSENT && this.kinds[parent] === DIR)) return;
    this.ensureParent(parent, marking);
    this.state[parent] = marking ? ADDED_NODE : UNCHANGED;
    if (marking) this.marked.push(parent);
    this.inBase[parent] = marking ? 0 : 1;
    this.kinds[parent] = DIR;
    this.sizes[parent] = 0;
    this.recordOf[parent] = -1;
    this.linkContents.delete(parent);
  }

  /** Removed relative to the base: what the base had stays, marked; what came later goes. */
  private markRemoved(node: number): void {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (this.inBase[n] === 0) { this.clear(n); continue; }
      this.state[n] = REMOVED_NODE;
      this.marked.push(n);
      if (this.kinds[n] === DIR) this.eachChild(n, (child) => { stack.push(child); });
    }
  }

  /** `node` and everything below it leave the view. */
  private clear(node: number): void {
    this.clearChildren(node);
    this.state[node] = ABSENT;
  }

  private clearChildren(node: number): void {
    const stack: number[] = [];
    this.eachChild(node, (child) => { stack.push(child); });
    while (stack.length) {
      const n = stack.pop()!;
      this.eachChild(n, (child) => { stack.push(child); });
      this.state[n] = ABSENT;
    }
  }

  /**
   * Where each content shown by a hard link has its bytes counted: its original path while that
   * still shows it, else the first surviving hard link to it in path order (tree.ts
   * `assignHolders`). Only the links are visited: a view without any costs nothing here.
   */
  private holders(): Map<number, number> {
    const { state, kinds } = this;
    const holder = new Map<number, number>();
    for (const n of this.links) {
      const c = this.contentOf(n);
      if (c < 0 || state[n] === ABSENT || kinds[n] !== HARDLINK || !this.live(n)) continue;
      let held = holder.get(c);
      if (held === undefined) {
        const record = this.recordAt(c);
        const owner = record.table.node(record.row);
        held = kinds[owner] === FILE && this.recordOf[owner] === c && this.live(owner) ? owner : -1;
      }
      if (held < 0 || (kinds[held] === HARDLINK && this.comparePaths(n, held) < 0)) held = n;
      holder.set(c, held);
    }
    return holder;
  }

  /** Present, not removed, under no removed dir. */
  private live(node: number): boolean {
    for (let n = node; n > 0; n = this.parents[n]) if (this.state[n] === ABSENT || this.state[n] === REMOVED_NODE) return false;
    return true;
  }

  /** Depth-first order with children by name: the order the tree shows paths in. */
  private comparePaths(a: number, b: number): number {
    const chain = (node: number): number[] => {
      const out: number[] = [];
      for (let n = node; n > 0; n = this.parents[n]) out.push(n);
      return out.reverse();
    };
    const ca = chain(a);
    const cb = chain(b);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      if (ca[i] === cb[i]) continue;
      const x = this.trie.nameOf(ca[i]);
      const y = this.trie.nameOf(cb[i]);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return ca.length - cb.length;
  }

  /** Sizes, child counts and change counts in one pass from the leaves up (a child's node number is above its parent's). */
  private total(holder: Map<number, number>): void {
    const { state, kinds, sizes, childCounts, parents } = this;
    const tally = new Float64Array(5);
    for (let n = state.length - 1; n > 0; n--) {
      const s = state[n];
      if (s === ABSENT) continue;
      if (kinds[n] === HARDLINK && holder.size > 0) {
        const c = this.contentOf(n);
        if (c >= 0 && holder.get(c) === n) {
          const { table, row } = this.recordAt(c);
          sizes[n] = table.size(row);
        }
      }
      const parent = parents[n];
      childCounts[parent]++;
      if (s !== REMOVED_NODE) sizes[parent] += sizes[n];
      tally[s]++;
    }
    this.counts.unchanged = tally[UNCHANGED];
    this.counts.added = tally[ADDED_NODE];
    this.counts.modified = tally[MODIFIED_NODE];
    this.counts.removed = tally[REMOVED_NODE];
  }
}
