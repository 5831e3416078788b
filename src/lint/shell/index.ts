// Entry point of the shell adapter: turns one RUN (ONBUILD RUN included) into a RunShell, once per
// instruction. Shell-form text comes from LintDocument.shellSource (continuations and the comment
// lines inside them already neutralised, one character per document character).
import type { LintDocument, LintInstruction } from '../document';
import { MappedText, verbatim } from './mapped';
import { RunShell, ShellCommand, ShellWord } from './model';
import { addWrapped, parseScript, withShellOptions } from './parse';
import { ShellInfo, shellInfo, shellScriptArg } from './shells';

export * from './model';
export { parseArgs, ParsedArgs } from './args';
export type { OptionSpec, ParsedOption } from './args';
export { DEFAULT_SHELL, shellInfo } from './shells';
export type { ShellInfo, Dialect } from './shells';
export type { MappedText } from './mapped';

const cache = new WeakMap<LintInstruction, RunShell>();

/** The shell model of a RUN, computed once per instruction; never throws. */
export function runShell(doc: LintDocument, ins: LintInstruction): RunShell {
  let r = cache.get(ins);
  if (!r) {
    try {
      r = readRun(doc, ins);
    } catch (e) {
      r = { form: 'shell', commands: [], pipes: [], problem: { message: `could not read the script: ${String(e)}`, offset: doc.offsetAt(ins.range.start) } };
    }
    cache.set(ins, r);
  }
  return r;
}

/** The shell in effect for an instruction, as far as the rules care. */
export function shellOf(ins: LintInstruction): ShellInfo {
  const info = shellInfo(ins.shell);
  return ins.posixShell ? info : { ...info, posix: false };
}

function readRun(doc: LintDocument, ins: LintInstruction): RunShell {
  if (ins.execForm) return execForm(doc, ins, ins.execForm);
  const shell = shellOf(ins);
  if (!shell.posix) return { form: 'shell', commands: [], pipes: [], skipped: 'the SHELL in effect is not a POSIX shell' };
  const src = doc.shellSource(ins);
  if (!src) return { form: 'shell', commands: [], pipes: [] };
  const script = verbatim(src.text, src.start);
  const parsed = parseScript(script);
  if (!parsed.soleHeredoc) {
    return { form: 'shell', commands: parsed.commands, pipes: parsed.pipes, script, dialect: shell.dialect, problem: parsed.problem };
  }
  // `RUN <<EOF` alone: the builder runs the document's body as the script, with its own #! if any.
  const content = ins.heredocs[0]?.getContentRange();
  const body = content ? verbatim(doc.textOf(content), doc.offsetAt(content.start)) : verbatim('', src.start);
  const runner = shebangShell(body.text) ?? shell;
  if (!runner.posix) return { form: 'heredoc', commands: [], pipes: [], skipped: 'the here-document names a non-shell interpreter' };
  const inner = parseScript(body);
  return { form: 'heredoc', commands: inner.commands, pipes: inner.pipes, script: body, dialect: runner.dialect, problem: inner.problem };
}

function shebangShell(body: string): ShellInfo | undefined {
  if (!body.startsWith('#!')) return undefined;
  const nl = body.indexOf('\n');
  const words = body.slice(2, nl < 0 ? undefined : nl).split(' ').filter((w) => w !== '');
  return shellInfo(words);
}

/**
 * Exec form runs argv directly, no shell. Each word is located in the instruction's text when it
 * appears there verbatim as a JSON string (the usual case); otherwise it points at the whole array.
 */
function execForm(doc: LintDocument, ins: LintInstruction, values: string[]): RunShell {
  if (values.length === 0 || ins.args.length === 0) return { form: 'exec', commands: [], pipes: [] };
  const from = doc.offsetAt(ins.args[0].getRange().start);
  const to = doc.offsetAt(ins.args[ins.args.length - 1].getRange().end);
  const raw = doc.text.slice(from, to);
  let cursor = 0;
  const located: (number | undefined)[] = [];
  const argv: ShellWord[] = values.map((value) => {
    const at = raw.indexOf(JSON.stringify(value), cursor);
    if (at < 0) {
      located.push(undefined);
      return { value, shape: value, start: from, end: to };
    }
    cursor = at + JSON.stringify(value).length;
    located.push(from + at + 1);
    return { value, shape: value, start: from + at, end: from + cursor };
  });
  const first = values[0];
  const name = first.slice(first.lastIndexOf('/') + 1);
  const cmd: ShellCommand = { name, argv, assigns: [], nested: false, subshell: false, start: from, end: to, listEnd: to };
  const out: RunShell = { form: 'exec', commands: [cmd], pipes: [] };
  addWrapped(cmd, name, out);
  const k = shellScriptArg(name, argv);
  if (k === undefined) return out;
  const start = located[k];
  const script: MappedText = start !== undefined && JSON.stringify(values[k]) === `"${values[k]}"`
    ? verbatim(values[k], start)
    : { text: values[k], offsets: new Array<number>(values[k].length).fill(from) };
  const inner = parseScript(script);
  out.commands.push(...inner.commands);
  out.pipes.push(...withShellOptions(inner.pipes, argv.slice(1, k)));
  out.problem = inner.problem;
  return out;
}


