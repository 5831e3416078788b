// DL3060: yarn keeps every downloaded package in its global cache, which then stays in the layer.
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import { Invocation, commandsNamed, invocation, layerMatters, mountsOf, spanRange, subIs } from './common';

/** Bare `yarn` is `yarn install`. */
const installs = (inv: Invocation): boolean => subIs(inv, 'install') || (inv.sub === undefined && inv.args.options.length === 0);

const rule: Rule = {
  meta: { code: 'DL3060', level: 'info', source: 'hadolint', title: 'Run yarn cache clean after yarn install' },
  check(doc, report) {
    const calls = commandsNamed(doc, 'yarn').map((rc) => ({ ...rc, inv: invocation(rc.cmd.argv.slice(1)) }));
    const seen = new Set<LintInstruction>();
    for (const { ins, cmd, inv } of calls) {
      if (!installs(inv) || seen.has(ins) || !layerMatters(ins)) continue;
      seen.add(ins);
      // Only a clean after the (last) install empties what it downloaded.
      const lastInstall = calls.filter((c) => c.ins === ins && installs(c.inv)).pop()!.cmd;
      const cleaned = calls.some((c) => c.ins === ins && c.cmd.start >= lastInstall.end && subIs(c.inv, 'cache') && c.inv.operands[0]?.value === 'clean');
      const cacheMount = mountsOf(ins).some((m) => ['cache', 'tmpfs'].includes(m.get('type') ?? '') && (m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '').includes('yarn'));
      if (cleaned || cacheMount) continue;
      report(spanRange(doc, cmd), 'Run yarn cache clean in the same RUN as yarn install, or the package cache stays in the layer.');
    }
  },
};
export default rule;
