// DL3002: a stage whose last USER is root runs its commands (and, for the final image, its containers) as root.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'DL3002', level: 'warning', source: 'hadolint', title: 'Last USER should not be root' },
  check(doc, report) {
    // Per stage, as hadolint does: a stage built FROM a root stage inherits that stage's finding.
    for (const s of doc.stages) {
      const users = s.instructions.filter((i) => i.keyword === 'USER' && i.args.length > 0);
      const last = users[users.length - 1];
      if (!last) continue;
      const user = last.args[0].getValue().split(':')[0].replace(/^["']|["']$/g, '');
      if (user === 'root' || user === '0') {
        report(last.args[0].getRange(), s.isFinal
          ? 'The final image runs as root: switch to an unprivileged USER after the steps that need root.'
          : 'This stage ends as root, and so does every stage built FROM it: switch to an unprivileged USER after the steps that need root.');
      }
    }
  },
};
export default rule;
