// DL3004: build steps already run as the image's USER; sudo is either useless or a privilege leak.
import type { Rule } from '../../rule';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL3004', level: 'error', source: 'hadolint', title: 'Do not use sudo' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'sudo')) {
      report(spanRange(doc, cmd.argv[0]), 'Do not use sudo: it needs a TTY and a sudoers setup, and hides which user a step runs as. Switch with USER instead (a tool like gosu if you must at run time).');
    }
  },
};
export default rule;
