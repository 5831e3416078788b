// FromAsCasing: `FROM x as y` / `from x AS y` mixes casings; match AS to FROM. Quick fix included.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'FromAsCasing', level: 'warning', source: 'buildkit', title: "The 'AS' keyword should match the casing of 'FROM'" },
  check(doc, report) {
    for (const s of doc.stages) {
      const as = s.from.args[1];
      if (s.implicit || !as || as.getValue().toLowerCase() !== 'as') continue;
      const from = s.from.keywordText;
      const asText = as.getValue();
      const fromUpper = from === from.toUpperCase();
      const fromLower = from === from.toLowerCase();
      const want = fromUpper ? 'AS' : fromLower ? 'as' : null;
      if (!want || asText === want) continue;
      report(as.getRange(), `'${asText}' does not match the casing of '${from}': write '${want}'.`, {
        fixes: [{ title: `Change '${asText}' to '${want}'`, preferred: true, edits: [{ range: as.getRange(), newText: want }] }],
      });
    }
  },
};
export default rule;
