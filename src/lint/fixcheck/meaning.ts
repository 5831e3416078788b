// What each instruction means to the builder, as plain JSON-able data: the yardstick the fix check
// (fixcheck/index.ts) compares before and after a quick fix. Layout (continuations, spacing, keyword
// casing, comments) is left out; arguments are kept as the builder reads them (declarations split
// the way BuildKit splits them, RUN scripts as their commands and the operators between them).
import type { LintDocument, LintInstruction } from '../document';
import { joinContinuations } from '../document';
import { runShell, ShellCommand } from '../shell';

export interface ShellBody {
  /** ops[i] is the text before commands[i] (operators, `(`, `!`…); the last entry is what follows the last command. */
  ops: string[];
  /** Outermost simple commands: assignments then the words (expansions kept as `\0`). */
  commands: string[][];
  /** Commands nested inside others (`$(…)`, `sudo x`), as words. */
  nested: string[][];
}

export interface InsMeaning {
  keyword: string;
  /** `name=value` (name lower-cased) in written order. */
  flags: string[];
  /** Keyword-specific content: decls, exec argv, shell body, words, paths. */
  body: Record<string, unknown>;
  /** ONBUILD: the trigger's meaning. */
  trigger?: InsMeaning;
}

/** Meanings of every top-level instruction, in order. */
export function meaningOf(doc: LintDocument): InsMeaning[] {
  const workdirs = resolveWorkdirs(doc);
  return doc.instructions.map((ins) => meaningOfIns(doc, ins, workdirs));
}

function meaningOfIns(doc: LintDocument, ins: LintInstruction, workdirs: Map<LintInstruction, string>): InsMeaning {
  const flags = ins.flags.map((f) => `${f.getName().toLowerCase()}=${f.getValue() ?? ''}`);
  const m: InsMeaning = { keyword: ins.keyword, flags, body: bodyOf(doc, ins, workdirs) };
  if (ins.trigger) m.trigger = meaningOfIns(doc, ins.trigger, workdirs);
  return m;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function argsText(doc: LintDocument, ins: LintInstruction): string {
  if (ins.args.length === 0) return '';
  const raw = doc.text.slice(doc.offsetAt(ins.args[0].getRange().start), doc.offsetAt(ins.args[ins.args.length - 1].getRange().end));
  return collapse(joinContinuations(raw, doc.escape));
}

function bodyOf(doc: LintDocument, ins: LintInstruction, workdirs: Map<LintInstruction, string>): Record<string, unknown> {
  const words = ins.args.map((a) => a.getValue());
  switch (ins.keyword) {
    case 'FROM':
      return { words };
    case 'ENV': case 'LABEL':
      return { decls: properties(ins) };
    case 'ARG':
      // BuildKit: every word is one `name[=default]`; there is no whitespace "name value" form.
      return { decls: words.map(splitAssignment) };
    case 'WORKDIR':
      return { path: words.join(' '), resolved: workdirs.get(ins) ?? null };
    case 'RUN':
      return runBody(doc, ins);
    case 'CMD': case 'ENTRYPOINT': case 'SHELL':
      return ins.execForm ? { exec: ins.execForm } : { shell: argsText(doc, ins) };
    case 'HEALTHCHECK':
      return ins.execForm ? { exec: ins.execForm } : { shell: argsText(doc, ins) };
    case 'MAINTAINER':
      return { text: argsText(doc, ins) };
    case 'ONBUILD':
      return {};
    default:
      return { words, heredocs: heredocsOf(doc, ins) };
  }
}

function heredocsOf(doc: LintDocument, ins: LintInstruction): (string | null)[] {
  return ins.heredocs.map((h) => { const r = h.getContentRange(); return r ? doc.textOf(r) : null; });
}

function properties(ins: LintInstruction): [string, string | null][] {
  const node = ins.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
  try {
    return (node.getProperties?.() ?? []).map((p) => [p.getName(), p.getValue()]);
  } catch {
    return [];
  }
}

function splitAssignment(word: string): [string, string | null] {
  const eq = word.indexOf('=');
  if (eq < 0) return [word, null];
  const v = word.slice(eq + 1);
  const unquoted = v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
  return [word.slice(0, eq), unquoted];
}

function runBody(doc: LintDocument, ins: LintInstruction): Record<string, unknown> {
  if (ins.execForm) return { exec: ins.execForm };
  const heredocs = heredocsOf(doc, ins);
  const run = runShell(doc, ins);
  if (run.form !== 'shell' || run.problem || run.skipped || !run.script) return { text: argsText(doc, ins), heredocs };
  return { shell: shellBody(doc, run.commands, doc.offsetAt(ins.args[0].getRange().start), doc.offsetAt(ins.args[ins.args.length - 1].getRange().end)), heredocs };
}

const wordsOf = (c: ShellCommand) => [...c.assigns.map((a) => `${a.name}=${a.value ?? '\0'}`), ...c.argv.map((w) => w.shape)];

/** Splits a script into its outermost commands and the text between them (continuations joined). */
export function shellBody(doc: LintDocument, commands: ShellCommand[], start: number, end: number): ShellBody {
  const sorted = [...commands].sort((a, b) => a.start - b.start || b.end - a.end);
  const body: ShellBody = { ops: [], commands: [], nested: [] };
  let at = start;
  let outerEnd = -1;
  for (const c of sorted) {
    if (c.start < outerEnd) { body.nested.push(wordsOf(c)); continue; }
    body.ops.push(collapse(joinContinuations(doc.text.slice(at, Math.max(at, c.start)), doc.escape)));
    body.commands.push(wordsOf(c));
    at = outerEnd = c.end;
  }
  body.ops.push(collapse(joinContinuations(doc.text.slice(at, Math.max(at, end)), doc.escape)));
  return body;
}

/**
 * The directory each WORKDIR leaves, resolved the way the builder does: a relative path joins the
 * previous one in the stage (or the parent stage's); a stage on an image starts at `/`, the image's
 * own directory being unknown here (the intent of an absolute-WORKDIR fix assumes it is `/`).
 */
function resolveWorkdirs(doc: LintDocument): Map<LintInstruction, string> {
  const out = new Map<LintInstruction, string>();
  const endOf = new Map<number, string>();
  for (const s of doc.stages) {
    let cwd = (s.parent && endOf.get(s.parent.index)) ?? '/';
    for (const ins of s.instructions) {
      if (ins.keyword !== 'WORKDIR' || ins.args.length === 0) continue;
      const raw = ins.args.map((a) => a.getValue()).join(' ').replace(/^(["'])(.*)\1$/, '$2');
      cwd = normalisePath(raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw) || raw.startsWith('$') ? raw : `${cwd}/${raw}`);
      out.set(ins, cwd);
    }
    endOf.set(s.index, cwd);
  }
  return out;
}

function normalisePath(p: string): string {
  if (!p.startsWith('/')) return p;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return '/' + parts.join('/');
}
