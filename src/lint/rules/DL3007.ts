// DL3007: `:latest` moves; builds stop being reproducible and break without a change on your side.
import type { Rule } from '../rule';
import { parseImageRef } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3007', level: 'warning', source: 'hadolint', title: 'Do not use the :latest tag' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (!s.image || !s.imageRange) continue;
      const ref = parseImageRef(s.image);
      if (ref.tag === 'latest' && ref.digest === null) {
        report(s.imageRange, `'${s.image}' follows a moving tag. Pin a specific version so builds are repeatable.`);
      }
    }
  },
};
export default rule;
