// DL1001: inline `# hadolint ignore=` pragmas hide findings from reviewers; off unless a level is set
// for it (teams that want every exception in .hadolint.yaml turn it on).
import type { Rule } from '../rule';

const INLINE = /^hadolint[ \t]+(?:stage[ \t]+)?ignore[ \t]*=/i;

const rule: Rule = {
  meta: { code: 'DL1001', level: 'info', source: 'hadolint', title: 'Avoid inline ignore pragmas', offByDefault: true },
  check(doc, report) {
    for (const c of doc.commentLines()) {
      if (INLINE.test(c.text)) report(c.range, 'Inline ignore pragma: list the exception in .hadolint.yaml instead, where reviewers see every rule that is off.');
    }
  },
};
export default rule;
