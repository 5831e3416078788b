// DL4005: replacing /bin/sh with a link changes the shell behind the builder's back; SHELL says it openly.
import type { Rule } from '../../rule';
import { parseArgs } from '../../shell';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL4005', level: 'warning', source: 'hadolint', title: 'Use SHELL to change the default shell' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'ln')) {
      const args = parseArgs(cmd.argv.slice(1), { withValue: ['-t', '--target-directory', '-S', '--suffix'] });
      const ops = args.operands;
      const target = ops.length >= 2 ? ops[ops.length - 1] : undefined;
      if (target?.value !== '/bin/sh' || args.has('-t', '--target-directory')) continue;
      report(spanRange(doc, cmd), 'Use the SHELL instruction to change the default shell rather than linking /bin/sh.');
    }
  },
};
export default rule;
