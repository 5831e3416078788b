// A Dockerfile's text with positions: lines as BuildKit counts them (`\n` only; see lineModel.ts),
// offsets, ranges and the map to the editor's lines. The base of LintDocument.
import { lineStarts, PositionMap } from './lineModel';
import type { Position, Range } from './types';

export class DocumentText {
  private readonly lineStarts: number[];
  private map: PositionMap | undefined;

  constructor(readonly text: string) {
    this.lineStarts = lineStarts(text, 'buildkit');
  }

  /** Text of a range. */
  textOf(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[p.line];
    const next = p.line + 1 < this.lineStarts.length ? this.lineStarts[p.line + 1] : this.text.length + 1;
    return Math.min(start + Math.max(0, p.character), next - 1, this.text.length);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** Range from two document offsets. */
  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  get lineCount(): number { return this.lineStarts.length; }

  /** Between this document's lines (BuildKit's: `\n` only) and the editor's (a lone `\r` breaks too). */
  get lineMap(): PositionMap {
    return (this.map ??= new PositionMap(this.text));
  }

  /** Text of line `n` without its line break. */
  lineText(n: number): string {
    if (n < 0 || n >= this.lineStarts.length) return '';
    const end = n + 1 < this.lineStarts.length ? this.lineStarts[n + 1] : this.text.length;
    return this.text.slice(this.lineStarts[n], end).replace(/\r?\n$/, '');
  }
}
