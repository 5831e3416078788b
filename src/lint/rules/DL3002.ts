// DL3002: the image's last USER is root, so containers run as root unless overridden.
import type { Rule } from '../rule';
import { stageChain } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3002', level: 'warning', source: 'hadolint', title: 'Last USER should not be root' },
  check(doc, report) {
    const final = doc.stages[doc.stages.length - 1];
    if (!final) return;
    // The effective USER of the final image: the last one in the final stage or the stages it builds on.
    for (const s of stageChain(final.from).reverse()) {
      const users = s!.instructions.filter((i) => i.keyword === 'USER' && i.args.length > 0);
      if (users.length === 0) continue;
      const last = users[users.length - 1];
      const user = last.args[0].getValue().split(':')[0].replace(/^["']|["']$/g, '');
      if (user === 'root' || user === '0') {
        report(last.args[0].getRange(), 'The final image runs as root: switch to an unprivileged USER after the steps that need root.');
      }
      return;
    }
  },
};
export default rule;
