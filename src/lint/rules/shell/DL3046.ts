// DL3046: useradd records every UID up to the new one in /var/log/lastlog and faillog, a sparse file
// that image layers store in full: a six-digit UID can add gigabytes unless -l skips those logs.
import type { Rule } from '../../rule';
import { parseArgs } from '../../shell';
import { commandsNamed, spanRange } from './common';

const USERADD: { withValue: string[] } = {
  withValue: ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '-s', '--shell', '-c', '--comment',
    '-e', '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key', '-p', '--password', '-b', '--base-dir',
    '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user'],
};

/** More than five digits: past the ranges login.defs usually covers. */
function isHigh(uid: string | null): boolean {
  return uid !== null && uid.length > 5 && [...uid].every((c) => c >= '0' && c <= '9');
}

const rule: Rule = {
  meta: { code: 'DL3046', level: 'warning', source: 'hadolint', title: 'Use useradd -l with a high UID' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'useradd')) {
      const args = parseArgs(cmd.argv.slice(1), USERADD);
      if (args.has('-l', '--no-log-init') || !args.values('-u', '--uid').some(isHigh)) continue;
      report(spanRange(doc, cmd), 'Add -l (--no-log-init) to useradd with a high UID: otherwise the lastlog/faillog files grow to match the UID and bloat the layer.');
    }
  },
};
export default rule;
