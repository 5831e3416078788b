// Applies TextEdits to text (pure). Used by tests of quick fixes and reusable by the editor glue.
// Positions are the editor's (a lone `\r` breaks a line), as lintDockerfile reports them.
import { lineStarts } from './lineModel';
import type { Position, TextEdit } from './types';

function offsetIn(text: string, lineStarts: number[], p: Position): number {
  if (p.line >= lineStarts.length) return text.length;
  const start = lineStarts[Math.max(0, p.line)];
  const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
  return Math.min(start + p.character, next);
}

/**
 * Applies non-overlapping edits (positions refer to the original text), as an editor would.
 * Throws on overlapping edits, which a correct fix never produces.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text, 'editor');
  const spans = edits
    .map((e) => ({ s: offsetIn(text, starts, e.range.start), e: offsetIn(text, starts, e.range.end), t: e.newText }))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.s < at) throw new Error('overlapping edits');
    out += text.slice(at, sp.s) + sp.t;
    at = sp.e;
  }
  return out + text.slice(at);
}
