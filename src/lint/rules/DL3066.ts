// DL3066: a user name in USER is resolved from the image's /etc/passwd, which the host and policies
// such as Kubernetes' runAsNonRoot cannot read; a numeric UID (and GID) means the same everywhere.
import type { Rule } from '../rule';
import { hasVariable, unquote } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3066', level: 'info', source: 'hadolint', title: 'Use a numeric user ID in USER' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'USER' || ins.args.length === 0) continue;
      const value = unquote(ins.args[0].getValue());
      if (hasVariable(value)) continue;
      const user = value.split(':')[0];
      if (/^\d+$/.test(user)) continue;
      report(ins.args[0].getRange(), `USER '${user}' is a name, which only the image's /etc/passwd resolves: use the numeric UID (e.g. USER 10001:10001) so the host and policies such as runAsNonRoot can check it.`);
    }
  },
};
export default rule;
