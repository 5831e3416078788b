// NoEmptyContinuation: an empty line inside a `\` continuation is silently skipped today and will
// become an error; it usually hides a missing line or a stray backslash. Reported once per
// instruction, on its first line, where BuildKit reports it; the fix removes every such empty line.
import type { Rule } from '../rule';
import { headRange } from '../rule';
import type { TextEdit } from '../types';

const rule: Rule = {
  meta: { code: 'NoEmptyContinuation', level: 'warning', source: 'buildkit', title: 'No empty lines inside a continued instruction' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      const { start, end } = ins.range;
      if (end.line === start.line) continue;
      const heredocLines = new Set<number>();
      for (const h of ins.heredocs) {
        const r = h.getContentRange();
        const last = h.getDelimiterRange()?.end.line ?? r?.end.line ?? -1;
        for (let l = h.getStartRange().start.line + 1; l <= last; l++) heredocLines.add(l);
      }
      const edits: TextEdit[] = [];
      for (let l = start.line + 1; l < end.line; l++) {
        if (heredocLines.has(l) || doc.lineText(l).trim() !== '') continue;
        edits.push({ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' });
      }
      if (edits.length === 0) continue;
      const where = edits.map((e) => e.range.start.line + 1).join(', ');
      report(headRange(doc, ins), `Empty continuation line${edits.length > 1 ? 's' : ''} (line ${where}) inside this ${ins.keyword}: remove ${edits.length > 1 ? 'them' : 'it'} (it will become an error in a future builder).`,
        { fixes: [{ title: edits.length > 1 ? 'Remove the empty lines' : 'Remove the empty line', preferred: true, edits }] });
    }
  },
};
export default rule;
