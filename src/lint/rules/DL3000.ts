// DL3000 / WorkdirRelativePath: a relative WORKDIR depends on whatever directory the base image left.
import type { LintDocument, LintInstruction } from '../document';
import type { Rule } from '../rule';
import { isAbsolutePath, stageChain, unquote } from '../ruleKit';
import { absoluteWorkdirFix } from '../fixes/absoluteWorkdir';

const rule: Rule = {
  meta: { code: 'DL3000', aliases: ['WorkdirRelativePath'], level: 'error', source: 'hadolint', title: 'Use an absolute WORKDIR' },
  check(doc, report) {
    for (const s of doc.stages) {
      // An absolute WORKDIR earlier in this stage (or a stage it builds on) anchors later relative ones.
      let anchored = stageChain(s.from).slice(0, -1).some((p) => p?.instructions.some((i) => i.keyword === 'WORKDIR' && absolute(doc, i)));
      for (const ins of s.instructions) {
        if (ins.keyword !== 'WORKDIR' || ins.args.length === 0) continue;
        const path = unquote(ins.args[0].getValue());
        if (absolute(doc, ins)) { anchored = true; continue; }
        if (!anchored) {
          report(ins.args[0].getRange(), `WORKDIR '${path}' is relative and no absolute WORKDIR comes before it: it resolves against the base image's directory. Use an absolute path.`,
            { fixes: absoluteWorkdirFix(doc, ins) });
        }
      }
    }
  },
};

/**
 * The WORKDIR's path is absolute as written or once escapes are processed. The raw text matters for
 * Windows paths: `'C:\'` reads as `'C:'` when the backslash is taken as the escape character.
 */
function absolute(doc: LintDocument, ins: LintInstruction): boolean {
  const arg = ins.args[0];
  return arg !== undefined && (isAbsolutePath(unquote(arg.getValue())) || isAbsolutePath(doc.textOf(arg.getRange())));
}
export default rule;
