// DL3037: zypper install without versions installs whatever the repositories hold at build time.
import type { Rule } from '../../rule';
import { nameList, spanRange, subIs } from './common';
import { unpinned, zypperPinned } from './tools';
import { ZYPPER_INSTALL, zypperCalls } from './zypper';

const rule: Rule = {
  meta: { code: 'DL3037', level: 'warning', source: 'hadolint', title: 'Pin versions in zypper install' },
  check(doc, report) {
    for (const { inv } of zypperCalls(doc)) {
      if (!subIs(inv, ...ZYPPER_INSTALL)) continue;
      const loose = unpinned(inv.operands, zypperPinned);
      if (loose.length === 0) continue;
      report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
        `Pin versions in zypper install (package=version) for ${nameList(loose)}.`);
    }
  },
};
export default rule;
