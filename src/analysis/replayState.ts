// The state the replay keeps while it walks the layers: per path node, which record shows there
// (a row of the change table of the layer that wrote it), and the stored contents with how many
// paths still show each. Numbers in typed arrays: no object per path or per file.
import { DIR, RecordTable } from './records';
import { grow } from './intList';

/** The filesystem being replayed: per path node, the layer and row of the record showing there (row -1: absent). */
export class Filesystem {
  readonly layers: Int32Array;
  readonly rows: Int32Array;
  /** Per node, the stored content it shows (-1: none). */
  readonly contents: Int32Array;
  /** Change table of each layer replayed so far; `root` holds the root dir's record. */
  readonly tables: RecordTable[] = [];
  private readonly root = new RecordTable();

  constructor(size: number) {
    this.layers = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.contents = new Int32Array(size).fill(-1);
    this.rows[0] = this.root.push(0, DIR, 0o755, 0, 0, 0);
    this.layers[0] = -1;
  }

  present(node: number): boolean {
    return this.rows[node] >= 0;
  }

  /** The table holding the record at `node` (present nodes only). */
  tableOf(node: number): RecordTable {
    const layer = this.layers[node];
    return layer < 0 ? this.root : this.tables[layer];
  }

  isDir(node: number): boolean {
    return this.present(node) && this.tableOf(node).kind(this.rows[node]) === DIR;
  }

  set(node: number, layer: number, row: number): void {
    this.layers[node] = layer;
    this.rows[node] = row;
  }

  clear(node: number): void {
    this.rows[node] = -1;
    this.contents[node] = -1;
  }
}

/** Stored regular-file contents, as parallel columns (one slot per file entry of any layer). */
export class Contents {
  sizes: Float64Array;
  layers: Int32Array;
  /** Path node that stored the content. */
  nodes: Int32Array;
  /** How many paths of the current filesystem show the content. */
  refs: Int32Array;
  length = 0;

  /** `capacity`: contents expected (the replay passes its entry count), grown as needed. */
  constructor(capacity = 16) {
    const n = Math.max(16, capacity);
    this.sizes = new Float64Array(n);
    this.layers = new Int32Array(n);
    this.nodes = new Int32Array(n);
    this.refs = new Int32Array(n);
  }

  add(size: number, layer: number, node: number): number {
    const i = this.length;
    if (i === this.sizes.length) {
      const capacity = i * 2;
      this.sizes = grow(this.sizes, capacity);
      this.layers = grow(this.layers, capacity);
      this.nodes = grow(this.nodes, capacity);
      this.refs = grow(this.refs, capacity);
    }
    this.sizes[i] = size;
    this.layers[i] = layer;
    this.nodes[i] = node;
    this.refs[i] = 1;
    return this.length++;
  }

  ref(content: number, delta: number): void {
    this.refs[content] += delta;
  }
}
