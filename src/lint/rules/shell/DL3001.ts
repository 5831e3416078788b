// DL3001: tools meant for an interactive session or a running host do nothing useful in a build step.
import type { Rule } from '../../rule';
import { commandsNamed, spanRange } from './common';

const HOST_TOOLS = ['ssh', 'vim', 'vi', 'nano', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig'];

const rule: Rule = {
  meta: { code: 'DL3001', level: 'info', source: 'hadolint', title: 'Interactive or host-management command in RUN' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, ...HOST_TOOLS)) {
      report(spanRange(doc, cmd.argv[0]), `'${cmd.name}' is meant for an interactive session or a running machine; in a build step it does nothing useful.`);
    }
  },
};
export default rule;
