// DL3061: a Dockerfile starts with FROM (only ARG may come before it).
import type { Rule } from '../rule';
import { headRange } from '../rule';

const rule: Rule = {
  meta: { code: 'DL3061', level: 'error', source: 'hadolint', title: 'The Dockerfile must begin with FROM or ARG' },
  check(doc, report) {
    const first = doc.instructions.find((i) => i.keyword !== 'ARG');
    if (first && first.keyword !== 'FROM') {
      report(headRange(doc, first), `${first.keyword} comes before any FROM: only ARG may precede the first FROM.`);
    }
  },
};
export default rule;
