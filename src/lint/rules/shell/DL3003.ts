// DL3003: `cd` in RUN hides the working directory from later instructions; WORKDIR states it once.
import type { Rule } from '../../rule';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL3003', level: 'warning', source: 'hadolint', title: 'Use WORKDIR instead of cd' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'cd')) {
      // Inside ( … ) or $( … ) the change is deliberately local to that part of the script.
      if (cmd.subshell || cmd.nested) continue;
      report(spanRange(doc, cmd), 'Use WORKDIR to change directory: a cd lasts only until the end of this RUN and hides the directory from readers and later instructions.');
    }
  },
};
export default rule;
