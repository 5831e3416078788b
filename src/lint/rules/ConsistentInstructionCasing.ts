// ConsistentInstructionCasing: keywords written in one casing (the file's majority) read better.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'ConsistentInstructionCasing', level: 'warning', source: 'buildkit', title: 'Write all instructions in the same casing' },
  check(doc, report) {
    const all = doc.withTriggers();
    let upper = 0, lower = 0;
    for (const i of all) {
      if (i.keywordText === i.keywordText.toUpperCase()) upper++;
      else if (i.keywordText === i.keywordText.toLowerCase()) lower++;
    }
    const wantUpper = upper >= lower;
    for (const i of all) {
      const want = wantUpper ? i.keywordText.toUpperCase() : i.keywordText.toLowerCase();
      if (i.keywordText === want) continue;
      report(i.keywordRange, `'${i.keywordText}' does not match the ${wantUpper ? 'uppercase' : 'lowercase'} used by most instructions in this file.`, {
        fixes: [{ title: `Change to '${want}'`, preferred: true, edits: [{ range: i.keywordRange, newText: want }] }],
      });
    }
  },
};
export default rule;
