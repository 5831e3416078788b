// DL4001: carrying both wget and curl in one image doubles the download tooling for no gain.
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import { commandsNamed, spanRange } from './common';

const rule: Rule = {
  meta: { code: 'DL4001', level: 'warning', source: 'hadolint', title: 'Use either wget or curl, not both' },
  check(doc, report) {
    const byStage = new Map<unknown, { tools: Set<string>; reported: boolean }>();
    for (const { ins, cmd } of commandsNamed(doc, 'wget', 'curl')) {
      const key = ins.onbuild ? `onbuild` : (ins.stage ?? 'none');
      const entry = byStage.get(key) ?? { tools: new Set<string>(), reported: false };
      byStage.set(key, entry);
      entry.tools.add(cmd.name!);
      if (entry.tools.size < 2 || entry.reported) continue;
      entry.reported = true;
      const other = cmd.name === 'curl' ? 'wget' : 'curl';
      report(spanRange(doc, cmd.argv[0]), `Both wget and curl are used in this ${stageWord(ins)}; pick one (here ${other} is already used).`);
    }
  },
};

function stageWord(ins: LintInstruction): string {
  return ins.onbuild ? 'image\'s ONBUILD triggers' : 'stage';
}
export default rule;
