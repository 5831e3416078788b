// DL3009: the package lists fetched by apt-get update stay in the layer unless the same RUN removes them.
import type { Rule } from '../../rule';
import { commandsNamed, hasCacheMount, insertAt, invocation, layerMatters, removes, spanRange, subIs } from './common';
import { APT_GET, aptGetInstall } from './tools';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = ' && rm -rf /var/lib/apt/lists/*';

const rule: Rule = {
  meta: { code: 'DL3009', level: 'info', source: 'hadolint', title: 'Delete the apt lists after installing' },
  check(doc, report) {
    const seen = new Set<unknown>();
    for (const { ins, run, cmd } of commandsNamed(doc, 'apt-get')) {
      if (seen.has(ins) || !aptGetInstall(cmd) || !layerMatters(ins)) continue;
      seen.add(ins);
      if (removes(run, LISTS) || hasCacheMount(ins, LISTS)) continue;
      const distClean = run.commands.some((c) => c.name === 'apt-get' && subIs(invocation(c.argv.slice(1), APT_GET), 'dist-clean'));
      if (distClean) continue;
      // The fix goes after the last install's command list, so it runs once everything is installed.
      const last = run.commands.filter((c) => aptGetInstall(c)).pop()!;
      const fixes = run.form === 'exec' ? undefined
        : [{ title: 'Append rm -rf /var/lib/apt/lists/*', edits: [insertAt(doc, last.listEnd, CLEANUP)], preferred: true }];
      report(spanRange(doc, cmd), 'Remove /var/lib/apt/lists/* in the same RUN as apt-get install; otherwise the package lists stay in the layer and grow the image.', { fixes });
    }
  },
};
export default rule;
