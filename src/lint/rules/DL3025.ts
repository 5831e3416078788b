// DL3025 / JSONArgsRecommended: shell-form CMD/ENTRYPOINT runs under `sh -c`, which does not pass
// signals on, so the process is killed instead of stopping cleanly. Quick fix: write the JSON form.
import type { LintDocument, LintInstruction } from '../document';
import { joinContinuations } from '../document';
import type { Rule } from '../rule';
import { stageChain } from '../ruleKit';
import type { Fix, Range } from '../types';

const rule: Rule = {
  meta: { code: 'DL3025', aliases: ['JSONArgsRecommended'], level: 'warning', source: 'hadolint', title: 'Use JSON (exec) form for CMD, ENTRYPOINT and HEALTHCHECK CMD' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(ins.keyword) || ins.execForm || !ins.posixShell) continue;
      // With a SHELL chosen (in this stage or one it builds on), shell form is deliberate: BuildKit is silent.
      if (shellChosenBefore(ins)) continue;
      const body = commandArgs(ins);
      if (!body) continue;
      const range: Range = { start: body[0].getRange().start, end: body[body.length - 1].getRange().end };
      const what = ins.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : ins.keyword;
      report(range, `${what} in shell form runs under a shell that does not forward signals to your process. Use the JSON form, e.g. ${what} ["executable", "arg"].`,
        { fixes: execFormFixes(doc, ins, range) });
    }
  },
};

function shellChosenBefore(ins: LintInstruction): boolean {
  return stageChain(ins).some((s) => s?.instructions.some((i) => i.keyword === 'SHELL' && i.index < ins.index));
}

function commandArgs(ins: LintInstruction) {
  if (ins.keyword !== 'HEALTHCHECK') return ins.args.length ? ins.args : null;
  const i = ins.args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
  return i >= 0 && i + 1 < ins.args.length ? ins.args.slice(i + 1) : null;
}

/** Splits a command into words when no shell feature is involved; null when a shell is really needed. */
export function plainWords(cmd: string): string[] | null {
  const words: string[] = [];
  let cur = '';
  let started = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (started) { words.push(cur); cur = ''; started = false; }
    } else if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      if (end < 0) return null;
      cur += cmd.slice(i + 1, end); started = true; i = end;
    } else if (c === '"') {
      const end = cmd.indexOf('"', i + 1);
      if (end < 0) return null;
      const inner = cmd.slice(i + 1, end);
      if (/[$`\\]/.test(inner)) return null;
      cur += inner; started = true; i = end;
    } else if (/[$`\\|&;<>()*?[\]{}~#=!]/.test(c)) {
      return null;
    } else {
      cur += c; started = true;
    }
  }
  if (started) words.push(cur);
  return words.length ? words : null;
}

const toJson = (words: string[]) => `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;

function execFormFixes(doc: LintDocument, ins: LintInstruction, range: Range): Fix[] {
  const cmd = joinContinuations(doc.textOf(range), doc.escape).trim();
  const words = plainWords(cmd);
  if (words) return [{ title: 'Convert to JSON (exec) form', preferred: true, edits: [{ range, newText: toJson(words) }] }];
  return [{ title: `Convert to JSON form, keeping the shell (${ins.shell.join(' ')})`, edits: [{ range, newText: toJson([...ins.shell, cmd]) }] }];
}

export default rule;
