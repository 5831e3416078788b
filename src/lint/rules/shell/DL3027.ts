// DL3027: `apt` is the interactive front end; its output and options are not stable for scripts.
import type { Rule } from '../../rule';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL3027', level: 'warning', source: 'hadolint', title: 'Use apt-get or apt-cache instead of apt' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'apt')) {
      report(spanRange(doc, cmd.argv[0]), 'apt is made for people at a terminal and warns that its interface may change; use apt-get or apt-cache in scripts.');
    }
  },
};
export default rule;
