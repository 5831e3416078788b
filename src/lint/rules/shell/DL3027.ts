// DL3027: `apt` is the interactive front end; its output and options are not stable for scripts.
import type { Rule } from '../../rule';
import type { Fix } from '../../types';
import { commandsNamed, invocation, spanRange, subIs } from './common';
import { APT_GET } from './tools';

/**
 * Subcommands apt-get has under the same name and meaning; for these `apt` can simply become `apt-get`.
 * Not `upgrade`: `apt upgrade` also installs new dependencies, which `apt-get upgrade` holds back.
 */
const SAME_IN_APT_GET = ['install', 'update', 'full-upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean'];

const rule: Rule = {
  meta: { code: 'DL3027', level: 'warning', source: 'hadolint', title: 'Use apt-get or apt-cache instead of apt' },
  check(doc, report) {
    for (const { run, cmd } of commandsNamed(doc, 'apt')) {
      const name = cmd.argv[0];
      const inv = invocation(cmd.argv.slice(1), APT_GET);
      // `apt full-upgrade` is `apt-get dist-upgrade`.
      const sub = inv.sub?.value === 'full-upgrade' ? inv.sub : undefined;
      let fixes: Fix[] | undefined;
      if (run.form !== 'exec' && name.value !== null && subIs(inv, ...SAME_IN_APT_GET)) {
        const dir = name.value.slice(0, name.value.lastIndexOf('/') + 1);
        const edits = [{ range: spanRange(doc, name), newText: `${dir}apt-get` }];
        if (sub) edits.push({ range: spanRange(doc, sub), newText: 'dist-upgrade' });
        fixes = [{ title: 'Use apt-get', edits, preferred: true }];
      }
      report(spanRange(doc, name), 'apt is made for people at a terminal and warns that its interface may change; use apt-get or apt-cache in scripts.', { fixes });
    }
  },
};
export default rule;
