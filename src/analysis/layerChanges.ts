// The change list of the layer being replayed: what it added, modified and removed relative to the
// layers below, with the same-layer corrections (a path written twice is listed once, as its first
// write was relative to the layers below; added then removed is not listed at all).
import { ADDED, DIR, MODIFIED, REMOVED, RecordTable } from './records';
import type { Filesystem } from './replayState';

export class LayerChanges {
  readonly table: RecordTable;
  /** Path nodes this layer removed → their `removed` row, to turn a re-write of the same path into `modified`. */
  private readonly removedNodes = new Map<number, number>();

  constructor(private readonly layer: number, private readonly fs: Filesystem, expectedRows: number) {
    this.table = new RecordTable(expectedRows);
    fs.tables[layer] = this.table;
  }

  /** What shows at `node` disappears (the caller then clears it from the filesystem). */
  removed(node: number): void {
    const { fs, table } = this;
    const from = fs.tableOf(node);
    const row = fs.rows[node];
    if (fs.layers[node] === this.layer && table.change(row) !== REMOVED) {
      // Written by this very layer: an addition simply did not happen; a modification became a removal.
      table.drop(row);
      if (table.change(row) === ADDED) return;
    }
    if (this.removedNodes.has(node)) return;
    const out = table.copy(from, row, false);
    table.setChange(out, REMOVED);
    this.removedNodes.set(node, out);
  }

  /** `row` of this layer's table is written at `node`, over what shows there now (if anything). */
  written(node: number, row: number): void {
    const { fs, table } = this;
    const removedHere = this.removedNodes.get(node);
    if (removedHere !== undefined) {
      table.drop(removedHere);
      this.removedNodes.delete(node);
      table.setChange(row, MODIFIED);
    } else if (fs.present(node) && fs.layers[node] === this.layer) {
      // Written twice by this layer: keep what the first write was relative to the layers below.
      const previous = fs.rows[node];
      table.setChange(row, table.change(previous));
      if (table.opaque(previous) && table.kind(row) === DIR) table.setOpaque(row);
      table.drop(previous);
    } else {
      table.setChange(row, fs.present(node) ? MODIFIED : ADDED);
    }
    fs.set(node, this.layer, row);
  }

  /** Counts of the rows listed (not dropped). */
  counts(): { added: number; modified: number; removed: number } {
    const counts = [0, 0, 0];
    const { table } = this;
    for (let row = 0; row < table.length; row++) if (!table.dropped(row)) counts[table.change(row)]++;
    table.trim();
    return { added: counts[ADDED], modified: counts[MODIFIED], removed: counts[REMOVED] };
  }
}
