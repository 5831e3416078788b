// DL3060: yarn keeps every downloaded package in its global cache, which then stays in the layer.
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import { commandsNamed, invocation, layerMatters, mountsOf, spanRange, subIs } from './common';

const rule: Rule = {
  meta: { code: 'DL3060', level: 'info', source: 'hadolint', title: 'Run yarn cache clean after yarn install' },
  check(doc, report) {
    const calls = commandsNamed(doc, 'yarn').map((rc) => ({ ...rc, inv: invocation(rc.cmd.argv.slice(1)) }));
    const seen = new Set<LintInstruction>();
    for (const { ins, cmd, inv } of calls) {
      // Bare `yarn` is `yarn install`.
      const installs = subIs(inv, 'install') || (inv.sub === undefined && inv.args.options.length === 0);
      if (!installs || seen.has(ins) || !layerMatters(ins)) continue;
      seen.add(ins);
      const cleaned = calls.some((c) => c.ins === ins && subIs(c.inv, 'cache') && c.inv.operands[0]?.value === 'clean');
      const cacheMount = mountsOf(ins).some((m) => m.get('type') === 'cache' && (m.get('target') ?? '').includes('yarn'));
      if (cleaned || cacheMount) continue;
      report(spanRange(doc, cmd), 'Run yarn cache clean in the same RUN as yarn install, or the package cache stays in the layer.');
    }
  },
};
export default rule;
