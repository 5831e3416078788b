// NoEmptyContinuation: an empty line inside a `\` continuation is silently skipped today and will
// become an error; it usually hides a missing line or a stray backslash.
import type { Rule } from '../rule';

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
      for (let l = start.line + 1; l < end.line; l++) {
        if (heredocLines.has(l) || doc.lineText(l).trim() !== '') continue;
        const lineRange = { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } };
        report({ start: { line: l, character: 0 }, end: { line: l, character: doc.lineText(l).length } },
          'Empty line inside a continued instruction: remove it (it will become an error in a future builder).',
          { fixes: [{ title: 'Remove the empty line', preferred: true, edits: [{ range: lineRange, newText: '' }] }] });
      }
    }
  },
};
export default rule;
