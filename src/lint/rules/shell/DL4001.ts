// DL4001: carrying both wget and curl in one image doubles the download tooling for no gain.
// As hadolint does: once a stage has used both, every RUN that uses either gets one finding.
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import type { ShellCommand } from '../../shell';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL4001', level: 'warning', source: 'hadolint', title: 'Use either wget or curl, not both' },
  check(doc, report) {
    const byRun = new Map<LintInstruction, ShellCommand[]>();
    for (const { ins, cmd } of commandsNamed(doc, 'wget', 'curl')) byRun.set(ins, [...(byRun.get(ins) ?? []), cmd]);
    const seen = new Map<unknown, Set<string>>();
    for (const [ins, cmds] of byRun) {
      const key = ins.onbuild ? 'onbuild' : (ins.stage ?? 'none');
      const tools = seen.get(key) ?? new Set<string>();
      seen.set(key, tools);
      for (const c of cmds) tools.add(c.name!);
      if (tools.size < 2) continue;
      const first = cmds[0];
      const other = first.name === 'curl' ? 'wget' : 'curl';
      report(spanRange(doc, first.argv[0]), `Both wget and curl are used in this ${ins.onbuild ? "image's ONBUILD triggers" : 'stage'}; pick one (${other} is used too).`);
    }
  },
};
export default rule;
