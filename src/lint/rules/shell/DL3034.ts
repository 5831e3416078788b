// DL3034: zypper asks before changing packages unless run non-interactively.
import type { Rule } from '../../rule';
import { spanRange, subIs } from './common';
import { zypperCalls } from './zypper';

const CHANGING = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup'];

const rule: Rule = {
  meta: { code: 'DL3034', level: 'warning', source: 'hadolint', title: 'Run zypper non-interactively' },
  check(doc, report) {
    for (const { cmd, inv } of zypperCalls(doc)) {
      if (!subIs(inv, ...CHANGING) || inv.args.has('-n', '--non-interactive', '-y', '--no-confirm')) continue;
      report(spanRange(doc, cmd), `Add -n (zypper --non-interactive ${inv.sub?.value ?? ''}) or -y: a build cannot answer zypper's questions.`);
    }
  },
};
export default rule;
