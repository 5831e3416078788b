// NoEmptyContinuation: an empty line inside a `\` continuation is silently skipped today and will
// become an error; it usually hides a missing line or a stray backslash. Reported once per
// instruction, on the line where its continuation ends (heredoc bodies excluded), where BuildKit
// reports it; the fix removes every such empty line.
import type { Rule } from '../rule';
import type { TextEdit } from '../types';

const rule: Rule = {
  meta: { code: 'NoEmptyContinuation', level: 'warning', source: 'buildkit', title: 'No empty lines inside a continued instruction' },
  check(doc, report) {
    const continues = (line: string): boolean => line.trimEnd().endsWith(doc.escape);
    for (const ins of doc.instructions) {
      const { start, end } = ins.range;
      if (end.line === start.line || !continues(doc.lineText(start.line))) continue;
      // Walk the continuation the way BuildKit does: comment lines are skipped, empty lines noted,
      // and it ends on the first other line without a trailing escape (heredoc bodies come after).
      const edits: TextEdit[] = [];
      let last = start.line;
      for (let l = start.line + 1; l <= end.line; l++) {
        const text = doc.lineText(l).trim();
        if (text.startsWith('#')) continue;
        if (text === '') {
          // The empty string after the final line break is no line to BuildKit's scanner.
          if (l + 1 >= doc.lineCount) break;
          edits.push({ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' });
          continue;
        }
        last = l;
        if (!continues(text)) break;
      }
      if (edits.length === 0) continue;
      const where = edits.map((e) => e.range.start.line + 1).join(', ');
      const lastText = doc.lineText(last);
      const indent = lastText.length - lastText.trimStart().length;
      report({ start: { line: last, character: indent }, end: { line: last, character: lastText.trimEnd().length } }, `Empty continuation line${edits.length > 1 ? 's' : ''} (line ${where}) inside this ${ins.keyword}: remove ${edits.length > 1 ? 'them' : 'it'} (it will become an error in a future builder).`,
        { fixes: [{ title: edits.length > 1 ? 'Remove the empty lines' : 'Remove the empty line', preferred: true, edits }] });
    }
  },
};
export default rule;
