// DL3018: apk add without versions installs whatever the repository holds at build time.
import type { Rule } from '../../rule';
import { commandsNamed, invocation, nameList, spanRange, subIs } from './common';
import { APK, apkPinned, unpinned } from './tools';

const rule: Rule = {
  meta: { code: 'DL3018', level: 'warning', source: 'hadolint', title: 'Pin versions in apk add' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'apk')) {
      const inv = invocation(cmd.argv.slice(1), APK);
      if (!subIs(inv, 'add')) continue;
      const loose = unpinned(inv.operands, apkPinned);
      if (loose.length === 0) continue;
      report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
        `Pin versions in apk add (package=version) for ${nameList(loose)}.`);
    }
  },
};
export default rule;
