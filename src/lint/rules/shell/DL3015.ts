// DL3015: recommended packages are rarely needed in an image and can double what apt-get installs.
import type { Rule } from '../../rule';
import { addAfterWord, commandsNamed, spanRange } from './common';
import { aptGetInstall } from './tools';

const SETTING = 'apt::install-recommends';

function isOff(v: string): boolean {
  const val = v.slice(v.indexOf('=') + 1).split('"').join('').trim().toLowerCase();
  return val === '0' || val === 'false' || val === 'no' || val === 'off';
}

const rule: Rule = {
  meta: { code: 'DL3015', level: 'info', source: 'hadolint', title: 'Use --no-install-recommends with apt-get install' },
  check(doc, report) {
    for (const { run, cmd } of commandsNamed(doc, 'apt-get')) {
      const inv = aptGetInstall(cmd);
      if (!inv || inv.args.has('--no-install-recommends')) continue;
      if (inv.args.values('-o', '--option').some((v) => v !== null && v.toLowerCase().startsWith(SETTING + '=') && isOff(v))) continue;
      // An APT configuration line written by the same RUN (echo 'APT::Install-Recommends "0";' > …) counts too.
      const configured = run.commands.some((c) => c !== cmd && c.start < cmd.start && c.argv.some((w) => w.value !== null && w.value.toLowerCase().includes(SETTING)));
      if (configured) continue;
      report(spanRange(doc, cmd), 'Add --no-install-recommends to apt-get install to leave out packages that are only recommended.', {
        fixes: addAfterWord(doc, run, inv.sub, '--no-install-recommends'),
      });
    }
  },
};
export default rule;
