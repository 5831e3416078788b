// DL3043: ONBUILD cannot register FROM, MAINTAINER or another ONBUILD; the builder rejects it.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'DL3043', level: 'error', source: 'hadolint', title: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      const t = ins.trigger;
      if (!t || !['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.keyword)) continue;
      report(t.keywordRange, `ONBUILD ${t.keyword} is not allowed: the builder only accepts ordinary build steps as ONBUILD triggers.`);
    }
  },
};
export default rule;
