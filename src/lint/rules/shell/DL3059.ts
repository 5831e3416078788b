// DL3059: each RUN makes a layer; several one-command RUNs in a row are usually one step.
//
// Our reading (like hadolint's): only RUNs that directly follow another RUN are considered (comments
// between them do not matter), their --flags must be identical (different mounts or network modes
// cannot be merged), and neither may already chain commands — a RUN that chains several commands
// shows the split was deliberate (e.g. to keep a slow step cached on its own).
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import { headRange } from '../../rule';
import { runShell } from '../../shell';
import type { LintDocument } from '../../document';

function flagsText(doc: LintDocument, ins: LintInstruction): string {
  return ins.flags.map((f) => doc.textOf(f.getRange())).sort().join(' ');
}

function isSingleCommand(doc: LintDocument, ins: LintInstruction): boolean {
  const run = runShell(doc, ins);
  if (run.form === 'heredoc' || run.problem || run.skipped) return false;
  return run.commands.filter((c) => !c.nested && !c.wrapper).length <= 1;
}

const rule: Rule = {
  meta: { code: 'DL3059', level: 'info', source: 'hadolint', title: 'Consecutive RUN instructions could be one' },
  check(doc, report) {
    const list = doc.instructions;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      if (prev.keyword !== 'RUN' || cur.keyword !== 'RUN') continue;
      if (flagsText(doc, prev) !== flagsText(doc, cur)) continue;
      if (!isSingleCommand(doc, prev) || !isSingleCommand(doc, cur)) continue;
      report(headRange(doc, cur), 'This RUN follows another single-command RUN with the same flags; consider joining them with && to save a layer.');
    }
  },
};
export default rule;
