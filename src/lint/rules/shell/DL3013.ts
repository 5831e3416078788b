// DL3013: pip install (or pipx install) of a bare name takes the newest release at build time.
// A constraints file (-c) pins what it lists, so installs under one are not reported.
import type { Rule } from '../../rule';
import type { ShellCommand } from '../../shell';
import { Invocation, invocation, nameList, runsOf, spanRange, subIs } from './common';
import { PIP, pipInstall, pipPinned, unpinned } from './tools';

/** `pip install …` or `pipx install …`. */
function installOf(cmd: ShellCommand): Invocation | undefined {
  if (cmd.name !== 'pipx') return pipInstall(cmd);
  const inv = invocation(cmd.argv.slice(1), PIP);
  return subIs(inv, 'install') ? inv : undefined;
}

const rule: Rule = {
  meta: { code: 'DL3013', level: 'warning', source: 'hadolint', title: 'Pin versions in pip install' },
  check(doc, report) {
    for (const { run } of runsOf(doc)) {
      for (const cmd of run.commands) {
        const inv = installOf(cmd);
        if (!inv || inv.args.has('-c', '--constraint')) continue;
        let loose = unpinned(inv.operands, pipPinned);
        // Upgrading pip itself (`pip install -U pip`) updates the installer, not the application: allowed.
        if (inv.args.has('-U', '--upgrade')) loose = loose.filter((w) => w.value !== 'pip');
        if (loose.length === 0) continue;
        report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
          `Pin versions in ${cmd.name === 'pipx' ? 'pipx' : 'pip'} install (package==version, a VCS URL with @ref, or a constraints file) for ${nameList(loose)}.`);
      }
    }
  },
};
export default rule;
