// DL4006: without pipefail, `a | b` succeeds when `a` fails, so a broken download can build fine.
import type { Rule } from '../../rule';
import { parseArgs, RunShell, shellOf, ShellCommand } from '../../shell';
import { runsOf, spanRange } from './common';

/** `set -o pipefail` (also `set -eo pipefail`) run before `offset` in the same script. */
function setsPipefailBefore(run: RunShell, offset: number): boolean {
  return run.commands.some((c: ShellCommand) => c.name === 'set' && c.start < offset
    && parseArgs(c.argv.slice(1), { withValue: ['-o'] }).values('-o').includes('pipefail'));
}

const rule: Rule = {
  meta: { code: 'DL4006', level: 'warning', source: 'hadolint', title: 'Set -o pipefail before RUN with a pipe' },
  check(doc, report) {
    for (const { ins, run } of runsOf(doc)) {
      const shell = shellOf(ins);
      if (run.pipes.length === 0 || (run.form !== 'exec' && (!shell.posix || shell.pipefail))) continue;
      const pipe = run.pipes.find((p) => !p.pipefail && !setsPipefailBefore(run, p.start));
      if (!pipe) continue;
      report(spanRange(doc, pipe), 'A pipe hides the failure of every command but the last. Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] (or ash/sh -o pipefail) before this RUN, or start the script with set -o pipefail.');
    }
  },
};
export default rule;
