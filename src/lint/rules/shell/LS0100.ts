// LS0100: a RUN script the shell parser could not read. The RUN rules and ShellCheck then say nothing
// about it, so say that once, at the place the parser stopped (info: the shell may still accept it).
import type { Rule } from '../../rule';
import { runsOf } from './common';

const rule: Rule = {
  meta: { code: 'LS0100', aliases: ['ShellSyntax'], level: 'info', source: 'syntax', title: 'RUN script could not be parsed as shell' },
  check(doc, report) {
    for (const { run } of runsOf(doc)) {
      if (!run.problem) continue;
      const at = run.problem.offset;
      report(doc.rangeAt(at, at + 1), `This RUN script could not be parsed as shell (${run.problem.message}); the RUN checks and ShellCheck skip it.`);
    }
  },
};
export default rule;
