// Pure: the link was computed on the text that was built; these rows place it on the current text.
import type { DockerfileLink } from '../insight';
import { LintDocument } from '../lint/document';

/** One instruction of the current text with what it made in the linked image. */
export interface InstructionRow {
  line: number;
  endLine: number;
  keyword: string;
  step: number | undefined;
  layer: number | null | undefined;
  size: number | undefined;
  /** The file changed at or before this instruction since the build: its numbers may not hold. */
  stale: boolean;
}

/**
 * The link was computed on the text that was built; maps it onto the current text. Instructions are
 * compared in order (trailing blanks aside): up to the first that differs, each keeps its numbers at
 * its current line; from there on every instruction is stale — the builder would run it again.
 */
export function mapRows(link: DockerfileLink, builtText: string, currentText: string): { rows: InstructionRow[]; currentLine: Map<number, number> } {
  const built = new LintDocument(builtText).instructions;
  const current = builtText === currentText ? built : new LintDocument(currentText).instructions;
  let firstChange = 0;
  const builtLines = builtText.split(/\r?\n/);
  const currentLines = currentText.split(/\r?\n/);
  const textOf = (lines: string[], r: { start: { line: number }; end: { line: number } }) => lines.slice(r.start.line, r.end.line + 1).join('\n').replace(/[ \t]+$/gm, '');
  while (firstChange < built.length && firstChange < current.length
    && textOf(builtLines, built[firstChange].range) === textOf(currentLines, current[firstChange].range)) firstChange++;
  const byBuiltLine = new Map(link.instructions.map((i) => [i.line, i]));
  const rows: InstructionRow[] = [];
  const currentLine = new Map<number, number>();
  for (let i = 0; i < firstChange; i++) currentLine.set(built[i].range.start.line, current[i].range.start.line);
  current.forEach((ins, index) => {
    const stale = index >= firstChange && builtText !== currentText;
    const linked = index < built.length ? byBuiltLine.get(built[index].range.start.line) : undefined;
    rows.push({
      line: ins.range.start.line, endLine: ins.range.end.line, keyword: ins.keyword,
      step: linked?.step, layer: linked?.layer, size: linked?.size, stale,
    });
  });
  return { rows, currentLine };
}
