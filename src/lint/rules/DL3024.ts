// DL3024 / DuplicateStageName: two stages with the same name make references ambiguous.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'DL3024', aliases: ['DuplicateStageName'], level: 'error', source: 'hadolint', title: 'Stage names must be unique' },
  check(doc, report) {
    const seen = new Map<string, number>();
    for (const s of doc.stages) {
      if (!s.name || !s.nameRange) continue;
      const key = s.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) report(s.nameRange, `Stage name '${s.name}' is already used by the stage on line ${first + 1}.`);
      else seen.set(key, s.from.range.start.line);
    }
  },
};
export default rule;
