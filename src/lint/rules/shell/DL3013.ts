// DL3013: pip install of a bare name takes the newest release at build time.
import type { Rule } from '../../rule';
import { nameList, runsOf, spanRange } from './common';
import { pipInstall, pipPinned, unpinned } from './tools';

const rule: Rule = {
  meta: { code: 'DL3013', level: 'warning', source: 'hadolint', title: 'Pin versions in pip install' },
  check(doc, report) {
    for (const { run } of runsOf(doc)) {
      for (const cmd of run.commands) {
        const inv = pipInstall(cmd);
        if (!inv) continue;
        let loose = unpinned(inv.operands, pipPinned);
        // Upgrading pip itself (`pip install -U pip`) updates the installer, not the application: allowed.
        if (inv.args.has('-U', '--upgrade')) loose = loose.filter((w) => w.value !== 'pip');
        if (loose.length === 0) continue;
        report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
          `Pin versions in pip install (package==version, or a requirements/constraints file) for ${nameList(loose)}.`);
      }
    }
  },
};
export default rule;
