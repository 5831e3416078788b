// Two ways to count lines in one text. BuildKit splits a Dockerfile on `\n` only: a lone `\r` is
// part of its line (whitespace between words). VS Code, like LSP, also breaks lines at a lone `\r`.
// The linter parses and reports BuildKit's way; PositionMap turns its positions into the editor's
// (and back), by way of the text offset both agree on. Pure.
import type { Finding, Position, Range, TextEdit } from './types';

export type LineModel = 'buildkit' | 'editor';

const LONE_CR = /\r(?!\n)/;

/** True when the two line models differ for this text (it has a `\r` not followed by `\n`). */
export function hasLoneCr(text: string): boolean {
  return LONE_CR.test(text);
}

/** The text as BuildKit's word splitting reads it: a lone `\r` becomes a space (same length, same offsets). */
export function asBuildkitReads(text: string): string {
  return hasLoneCr(text) ? text.replace(/\r(?!\n)/g, ' ') : text;
}

/** Offsets where each line starts. */
export function lineStarts(text: string, model: LineModel): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && model === 'editor' && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Offset of a position (clamped to its line, before the line's break; past the end: the text's end). */
export function offsetIn(text: string, starts: number[], p: Position): number {
  if (p.line < 0) return 0;
  if (p.line >= starts.length) return text.length;
  const start = starts[p.line];
  const next = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
  // A `\r\n` break is two characters: a position on the line stops before both.
  const end = next > start && text.charCodeAt(next - 1) === 13 && text.charCodeAt(next) === 10 ? next - 1 : next;
  return Math.min(start + Math.max(0, p.character), Math.max(start, end));
}

/** Position of an offset. */
export function positionIn(starts: number[], offset: number): Position {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Maps positions between BuildKit's line model and the editor's for one text. */
export class PositionMap {
  /** True when both models count the same lines: every mapping returns its input. */
  readonly identity: boolean;
  private readonly bk: number[];
  private readonly ed: number[];

  constructor(private readonly text: string) {
    this.identity = !hasLoneCr(text);
    this.bk = this.identity ? [] : lineStarts(text, 'buildkit');
    this.ed = this.identity ? [] : lineStarts(text, 'editor');
  }

  toEditor(p: Position): Position {
    return this.identity ? p : positionIn(this.ed, offsetIn(this.text, this.bk, p));
  }

  toBuildkit(p: Position): Position {
    return this.identity ? p : positionIn(this.bk, offsetIn(this.text, this.ed, p));
  }

  rangeToEditor(r: Range): Range {
    return this.identity ? r : { start: this.toEditor(r.start), end: this.toEditor(r.end) };
  }

  editToEditor(e: TextEdit): TextEdit {
    return this.identity ? e : { ...e, range: this.rangeToEditor(e.range) };
  }

  /** A finding with its range and the edits of its fixes to this Dockerfile in the editor's model. */
  findingToEditor(f: Finding): Finding {
    if (this.identity) return f;
    const out: Finding = { ...f, range: this.rangeToEditor(f.range) };
    if (f.fixes) out.fixes = f.fixes.map((fix) => (fix.file ? fix : { ...fix, edits: fix.edits.map((e) => this.editToEditor(e)) }));
    return out;
  }
}
