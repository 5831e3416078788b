// DL3019: apk add keeps its index and packages under /var/cache/apk unless told not to.
import type { Rule } from '../../rule';
import { addAfterWord, commandsNamed, hasCacheMount, invocation, layerMatters, removes, spanRange, subIs } from './common';
import { APK } from './tools';

const CACHE = '/var/cache/apk';

const rule: Rule = {
  meta: { code: 'DL3019', level: 'info', source: 'hadolint', title: 'Use --no-cache with apk add' },
  check(doc, report) {
    for (const { ins, run, cmd } of commandsNamed(doc, 'apk')) {
      const inv = invocation(cmd.argv.slice(1), APK);
      // --no-network cannot download an index to keep.
      if (!subIs(inv, 'add') || inv.args.has('--no-cache', '--no-network') || !layerMatters(ins)) continue;
      // A cache mount keeps the cache out of the layer; so does deleting it in the same RUN.
      if (hasCacheMount(ins, CACHE) || removes(run, CACHE)) continue;
      report(spanRange(doc, cmd), 'Add --no-cache to apk add so the package index is not stored in the layer (no separate apk update needed).', {
        fixes: addAfterWord(doc, run, inv.sub, '--no-cache'),
      });
    }
  },
};
export default rule;
