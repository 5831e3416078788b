// DL3014: apt-get install stops at a yes/no question in a build, which has nobody to answer it.
import type { Rule } from '../../rule';
import { addAfterWord, commandsNamed, spanRange } from './common';
import { aptGetInstall } from './tools';

/** apt-get's own ways of saying yes: -y/--yes/--assume-yes, -qq or -q -q or --quiet --quiet (quiet level 2 implies -y), or the config option. */
function assumesYes(inv: NonNullable<ReturnType<typeof aptGetInstall>>): boolean {
  const a = inv.args;
  if (a.has('-y', '--yes', '--assume-yes')) return true;
  if (a.options.filter((o) => (o.name === '-q' || o.name === '--quiet') && o.value == null).length >= 2) return true;
  if (a.values('-q', '--quiet').some((v) => v !== null && Number(v) >= 2)) return true;
  if (a.options.some((o) => /^(-q|--quiet)=?([2-9]|\d\d+)$/.test(o.word.shape))) return true;
  return a.values('-o', '--option').some((v) => v !== null && v.toLowerCase().startsWith('apt::get::assume-yes=') && !v.toLowerCase().endsWith('=false') && !v.endsWith('=0'));
}

const rule: Rule = {
  meta: { code: 'DL3014', level: 'warning', source: 'hadolint', title: 'Use -y with apt-get install' },
  check(doc, report) {
    for (const { run, cmd } of commandsNamed(doc, 'apt-get')) {
      const inv = aptGetInstall(cmd);
      if (!inv || assumesYes(inv)) continue;
      report(spanRange(doc, cmd), 'Add -y to apt-get install: a build cannot answer its confirmation prompt.', { fixes: addAfterWord(doc, run, inv.sub, '-y') });
    }
  },
};
export default rule;
