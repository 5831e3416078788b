// DL3008: apt-get install without versions installs whatever the mirror has that day.
import type { Rule } from '../../rule';
import { commandsNamed, nameList, spanRange } from './common';
import { aptGetInstall, aptPinned, unpinned } from './tools';

const rule: Rule = {
  meta: { code: 'DL3008', level: 'warning', source: 'hadolint', title: 'Pin versions in apt-get install' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'apt-get')) {
      const inv = aptGetInstall(cmd);
      if (!inv) continue;
      const loose = unpinned(inv.operands, aptPinned);
      if (loose.length === 0) continue;
      report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
        `Pin versions in apt-get install (package=version) for ${nameList(loose)}, so rebuilding gives the same image.`);
    }
  },
};
export default rule;
