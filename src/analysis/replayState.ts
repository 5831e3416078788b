// The state the replay keeps while it walks the layers: per path node, which record shows there
// (a row of the change table of the layer that wrote it), and the stored contents with how many
// paths still show each. Numbers in typed arrays: no object per path or per file.
import { DIR, RecordTable } from './records';
import { Float64List, IntList } from './intList';

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
  readonly sizes = new Float64List();
  readonly layers = new IntList();
  /** Path node that stored the content. */
  readonly nodes = new IntList();
  /** How many paths of the current filesystem show the content. */
  readonly refs = new IntList();

  add(size: number, layer: number, node: number): number {
    this.sizes.push(size);
    this.layers.push(layer);
    this.nodes.push(node);
    return this.refs.push(1);
  }

  ref(content: number, delta: number): void {
    this.refs.set(content, this.refs.get(content) + delta);
  }
}
