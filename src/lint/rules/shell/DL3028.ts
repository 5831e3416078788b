// DL3028: gem install without a version takes the newest release at build time.
import type { Rule } from '../../rule';
import type { ShellWord } from '../../shell';
import { commandsNamed, invocation, nameList, spanRange, subIs } from './common';
import { GEM, gemPinned, unpinned } from './tools';

const rule: Rule = {
  meta: { code: 'DL3028', level: 'warning', source: 'hadolint', title: 'Pin versions in gem install' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'gem')) {
      // Words after `--` are build options for the gem's native extension, not gem names.
      const dashes = cmd.argv.findIndex((w, i) => i > 0 && w.value === '--');
      const inv = invocation(cmd.argv.slice(1, dashes < 0 ? undefined : dashes), GEM);
      if (!subIs(inv, 'install', 'i') || inv.args.has('-v', '--version')) continue;
      const loose = unpinned(inv.operands.filter((w) => !flagValueWord(cmd.argv, w)), gemPinned);
      if (loose.length === 0) continue;
      report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
        `Pin versions in gem install (name:version or -v version) for ${nameList(loose)}.`);
    }
  },
};
/**
 * `--use-system-libraries true`: a yes/no word right after a long option gem does not know is that
 * option's value (meant for the gem's build), not a gem called `true`.
 */
function flagValueWord(argv: readonly ShellWord[], w: ShellWord): boolean {
  const prev = argv[argv.indexOf(w) - 1]?.value;
  return !!prev && /^--[^=]+$/.test(prev) && !(GEM.withValue ?? []).includes(prev) && /^(true|false|yes|no|on|off)$/i.test(w.value ?? '');
}
export default rule;
