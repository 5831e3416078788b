// "Fix all": every preferred fix of a document in one result. Fixes are computed for one text, so
// two that touch the same place cannot both apply; the later one waits for the next pass, which
// lints the fixed text again. Pure: the lint function is passed in.
import { applyEdits } from './edits';
import { lineStarts, positionIn } from './lineModel';
import type { Finding, Fix, Position, TextEdit } from './types';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Closed ranges: edits that merely touch (an insert where another ends) wait for the next pass too. */
function clash(a: TextEdit, b: TextEdit): boolean {
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** Told about each fix fix-all applies, with the text it was computed for. */
export type OnApply = (finding: Finding, fix: Fix, text: string) => void;

export function fixAll(text: string, lint: (text: string) => Finding[], maxPasses = 10, onApply?: OnApply): FixAllResult {
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const taken: TextEdit[] = [];
    for (const finding of lint(text)) {
      const fix = finding.fixes?.find((f) => f.preferred);
      if (!fix || fix.edits.length === 0) continue;
      if (fix.edits.some((e) => taken.some((t) => clash(e, t)))) continue;
      taken.push(...fix.edits);
      onApply?.(finding, fix, text);
      applied++;
    }
    if (taken.length === 0) break;
    const next = applyEdits(text, taken);
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}

/** The smallest single edit turning `from` into `to` (common prefix and suffix left alone). */
export function minimalEdit(from: string, to: string): TextEdit | undefined {
  if (from === to) return undefined;
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) { endFrom--; endTo--; }
  return { range: { start: positionAt(from, start), end: positionAt(from, endFrom) }, newText: to.slice(start, endTo) };
}

/** In the editor's line model, like every edit handed to the editor. */
function positionAt(text: string, offset: number): Position {
  return positionIn(lineStarts(text, 'editor'), offset);
}
