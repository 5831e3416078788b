// DL3042: pip keeps every downloaded wheel in its cache, which then stays in the layer.
import type { LintDocument, LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import type { RunShell, ShellCommand } from '../../shell';
import { addAfterWord, envBefore, hasCacheMount, layerMatters, runsOf, spanRange } from './common';
import { pipInstall } from './tools';

const VAR = 'PIP_NO_CACHE_DIR';

/**
 * pip turns the cache off for any value it reads as a boolean, false ones included (its
 * --no-cache-dir option ignores the truth of the value): 1/true/yes/on and 0/false/no/off.
 */
function truthy(v: string | null | undefined): boolean {
  return v != null && ['1', 'true', 'yes', 'on', 'y', 't', '0', 'false', 'no', 'off', 'n', 'f'].includes(v.trim().toLowerCase());
}

/** PIP_NO_CACHE_DIR set by ENV, on the command itself, or exported earlier in the same RUN. */
function cacheOffByEnv(doc: LintDocument, ins: LintInstruction, run: RunShell, cmd: ShellCommand): boolean {
  if (truthy(envBefore(doc, ins, VAR))) return true;
  if (cmd.assigns.some((a) => a.name === VAR && truthy(a.value))) return true;
  return run.commands.some((c) => c.start < cmd.start && (c.name === 'export' || c.name === 'env')
    && c.argv.some((w) => w.value !== null && w.value.startsWith(VAR + '=') && truthy(w.value.slice(VAR.length + 1))));
}

const rule: Rule = {
  meta: { code: 'DL3042', level: 'warning', source: 'hadolint', title: 'Use --no-cache-dir with pip install' },
  check(doc, report) {
    for (const { ins, run } of runsOf(doc)) {
      if (!layerMatters(ins) || hasCacheMount(ins, '/root/.cache/pip')) continue;
      for (const cmd of run.commands) {
        const inv = pipInstall(cmd);
        if (!inv || inv.args.has('--no-cache-dir') || cacheOffByEnv(doc, ins, run, cmd)) continue;
        report(spanRange(doc, cmd), `Add --no-cache-dir to pip install (or set ${VAR}=1): pip's download cache would otherwise stay in the layer.`, {
          fixes: addAfterWord(doc, run, inv.sub, '--no-cache-dir'),
        });
      }
    }
  },
};
export default rule;
