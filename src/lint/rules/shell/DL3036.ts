// DL3036: zypper keeps downloaded packages and metadata under /var/cache/zypp.
import type { Rule } from '../../rule';
import type { LintInstruction } from '../../document';
import { hasCacheMount, layerMatters, removes, spanRange, subIs } from './common';
import { ZYPPER_INSTALL, zypperCalls } from './zypper';

const CACHE = '/var/cache/zypp';

const rule: Rule = {
  meta: { code: 'DL3036', level: 'warning', source: 'hadolint', title: 'Run zypper clean after zypper install' },
  check(doc, report) {
    const calls = zypperCalls(doc);
    const seen = new Set<LintInstruction>();
    for (const { ins, run, cmd, inv } of calls) {
      if (!subIs(inv, ...ZYPPER_INSTALL) || seen.has(ins) || !layerMatters(ins)) continue;
      seen.add(ins);
      const cleaned = calls.some((c) => c.ins === ins && subIs(c.inv, 'clean', 'cc'));
      if (cleaned || removes(run, CACHE) || hasCacheMount(ins, CACHE)) continue;
      report(spanRange(doc, cmd), 'Run zypper clean in the same RUN as zypper install, or its package cache stays in the layer.');
    }
  },
};
export default rule;
