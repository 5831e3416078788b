// Reads a POSIX/bash script with mvdan-sh and keeps only what the rules need.
//
// Why mvdan-sh rather than sh-syntax: both are builds of the same Go parser (mvdan.cc/sh), so they
// accept and reject the same scripts (the same 6 of the 554 corpus RUN bodies fail in both). mvdan-sh
// is a GopherJS build with a synchronous API, which lets the rule set stay synchronous; sh-syntax is
// a WebAssembly build behind an async API and measured about 20x slower on the corpus (92 ms against
// 1.9 s for all RUN bodies, see MEASURED.md). The extra 0.6 MB on disk is worth that.
import { syntax, ShNode, ShPos } from 'mvdan-sh';
import { MappedText, byteToIndex, docEnd, docStart, slice } from './mapped';
import { Assignment, EXPANSION, Pipe, ShellCommand, ShellProblem, ShellWord } from './model';
import { setsPipefail, shellScriptArg } from './shells';

// mvdan.cc/sh BinCmdOperator values.
const OP_PIPE = 12;
const OP_PIPE_ALL = 13;
// mvdan.cc/sh RedirOperator values for `<<` and `<<-`.
const OP_HEREDOC = 61;
const OP_DASH_HEREDOC = 62;

/** Nested `sh -c '…'` scripts are read this deep, no deeper. */
const MAX_DEPTH = 3;

export interface ParsedScript {
  commands: ShellCommand[];
  pipes: Pipe[];
  problem?: ShellProblem;
  /** The whole script is a bare here-document (`<<EOF … EOF`): the builder runs its body instead. */
  soleHeredoc?: boolean;
}

let parser: ReturnType<typeof syntax.NewParser> | undefined;

export function parseScript(m: MappedText, depth = 0): ParsedScript {
  parser ??= syntax.NewParser();
  const toIndex = byteToIndex(m.text);
  let file;
  try {
    file = parser.Parse(m.text, '');
  } catch (err) {
    return { commands: [], pipes: [], problem: problemOf(err, m) };
  }
  const at = (p: ShPos) => toIndex(p.Offset());
  const out: ParsedScript = { commands: [], pipes: [] };
  if (isSoleHeredoc(file.Stmts)) {
    out.soleHeredoc = true;
    return out;
  }
  for (const stmt of file.Stmts) {
    const listEnd = docEnd(m, stmtEnd(stmt, at));
    const kinds: string[] = [];
    let nesting = 0;
    let subshells = 0;
    syntax.Walk(stmt, (n) => {
      if (!n) {
        const kind = kinds.pop();
        if (kind === 'CmdSubst' || kind === 'ProcSubst') nesting--;
        else if (kind === 'Subshell') subshells--;
        return true;
      }
      const kind = syntax.NodeType(n);
      kinds.push(kind);
      if (kind === 'CmdSubst' || kind === 'ProcSubst') nesting++;
      else if (kind === 'Subshell') subshells++;
      else if (kind === 'CallExpr') addCommand(out, n, m, at, listEnd, nesting > 0, subshells > 0, depth);
      else if (kind === 'DeclClause') out.commands.push(declCommand(n, m, at, listEnd, nesting > 0, subshells > 0));
      else if (kind === 'BinaryCmd' && (n.Op === OP_PIPE || n.Op === OP_PIPE_ALL)) {
        out.pipes.push({ start: docStart(m, at(n.Pos())), end: docEnd(m, at(n.End())), pipefail: false });
      }
      return true;
    });
  }
  return out;
}

function addCommand(out: ParsedScript, call: ShNode, m: MappedText, at: (p: ShPos) => number,
  listEnd: number, nested: boolean, subshell: boolean, depth: number): void {
  const argv: ShellWord[] = (call.Args as ShNode[]).map((w) => wordOf(w, m, at));
  const assigns: Assignment[] = (call.Assigns as ShNode[]).map((a) => ({
    name: String(a.Name?.Value ?? ''),
    value: a.Array ? null : a.Value ? wordOf(a.Value, m, at).value : '',
  }));
  const first = argv[0]?.value;
  const name = first == null ? null : first.slice(first.lastIndexOf('/') + 1);
  out.commands.push({
    name, argv, assigns, listEnd, nested, subshell,
    start: docStart(m, at(call.Pos())),
    end: docEnd(m, at(call.End())),
  });
  if (depth >= MAX_DEPTH || name === null) return;
  const inner = shellScriptArg(name, argv);
  if (inner === undefined) return;
  const innerText = innerScript(call.Args[inner] as ShNode, m, at);
  if (!innerText) return;
  const sub = parseScript(innerText, depth + 1);
  out.commands.push(...sub.commands);
  out.pipes.push(...withShellOptions(sub.pipes, argv.slice(1, inner)));
}

/** Pipes of a `-c` script, marked when the shell's own options (`bash -o pipefail -c`) set pipefail. */
export function withShellOptions(pipes: Pipe[], options: readonly ShellWord[]): Pipe[] {
  if (!setsPipefail(options.map((w) => w.value ?? ''))) return pipes;
  return pipes.map((p) => ({ ...p, pipefail: true }));
}

/** `export A=1 B` (also declare/local/readonly/typeset) as a command whose words are `A=1`, `B`. */
function declCommand(decl: ShNode, m: MappedText, at: (p: ShPos) => number, listEnd: number, nested: boolean, subshell: boolean): ShellCommand {
  const variant = decl.Variant as ShNode;
  const name = String(variant.Value);
  const argv: ShellWord[] = [{ value: name, shape: name, start: docStart(m, at(variant.Pos())), end: docEnd(m, at(variant.End())) }];
  for (const a of decl.Args as ShNode[]) {
    const span = { start: docStart(m, at(a.Pos())), end: docEnd(m, at(a.End())) };
    if (a.Naked && !a.Name) {
      if (a.Value) argv.push(wordOf(a.Value, m, at));
      continue;
    }
    const key = String(a.Name?.Value ?? '');
    if (a.Naked) {
      argv.push({ value: key, shape: key, ...span });
      continue;
    }
    const v = a.Array ? { value: null, shape: EXPANSION } : a.Value ? wordOf(a.Value, m, at) : { value: '', shape: '' };
    argv.push({ value: v.value === null ? null : `${key}=${v.value}`, shape: `${key}=${v.shape}`, ...span });
  }
  return { name, argv, assigns: [], listEnd, nested, subshell, start: docStart(m, at(decl.Pos())), end: docEnd(m, at(decl.End())) };
}

/** The text of a `-c` script argument, when its characters map one to one onto the source. */
function innerScript(word: ShNode, m: MappedText, at: (p: ShPos) => number): MappedText | undefined {
  const parts = word.Parts as ShNode[];
  if (parts.length !== 1) return undefined;
  const part = parts[0];
  const kind = syntax.NodeType(part);
  if (kind === 'SglQuoted' && !part.Dollar) return slice(m, at(part.Pos()) + 1, at(part.End()) - 1);
  if (kind === 'DblQuoted') {
    const inner = part.Parts as ShNode[];
    if (inner.length === 0) return undefined;
    if (inner.length !== 1 || syntax.NodeType(inner[0]) !== 'Lit' || String(inner[0].Value).includes('\\')) return undefined;
    return slice(m, at(inner[0].Pos()), at(inner[0].End()));
  }
  if (kind === 'Lit' && !String(part.Value).includes('\\')) return slice(m, at(part.Pos()), at(part.End()));
  return undefined;
}

function wordOf(w: ShNode, m: MappedText, at: (p: ShPos) => number): ShellWord {
  let value = '';
  let literal = true;
  for (const part of w.Parts as ShNode[]) {
    const kind = syntax.NodeType(part);
    if (kind === 'Lit') value += unescapeBare(String(part.Value));
    else if (kind === 'SglQuoted' && !part.Dollar) value += String(part.Value);
    else if (kind === 'DblQuoted') {
      for (const q of part.Parts as ShNode[]) {
        if (syntax.NodeType(q) === 'Lit') value += unescapeDouble(String(q.Value));
        else {
          value += EXPANSION;
          literal = false;
        }
      }
    } else {
      value += EXPANSION;
      literal = false;
    }
  }
  return { value: literal ? value : null, shape: value, start: docStart(m, at(w.Pos())), end: docEnd(m, at(w.End())) };
}

/** Outside quotes a backslash keeps the next character literally; backslash-newline vanishes. */
function unescapeBare(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let s = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length) {
      i++;
      if (raw[i] !== '\n') s += raw[i];
    } else s += raw[i];
  }
  return s;
}

/** Inside double quotes a backslash escapes only $ ` " \ and newline. */
function unescapeDouble(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let s = '';
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    if (raw[i] === '\\' && (next === '$' || next === '`' || next === '"' || next === '\\' || next === '\n')) {
      i++;
      if (next !== '\n') s += next;
    } else s += raw[i];
  }
  return s;
}

/** End of a statement without its `;`/`&`, counting trailing redirections (not heredoc bodies). */
function stmtEnd(stmt: ShNode, at: (p: ShPos) => number): number {
  let end = stmt.Cmd ? at(stmt.Cmd.End()) : at(stmt.Pos());
  for (const r of stmt.Redirs as ShNode[]) if (r.Word) end = Math.max(end, at(r.Word.End()));
  return end;
}

function isSoleHeredoc(stmts: ShNode[]): boolean {
  if (stmts.length !== 1) return false;
  const s = stmts[0];
  const redirs = s.Redirs as ShNode[];
  return !s.Cmd && redirs.length > 0 && redirs.every((r) => r.Op === OP_HEREDOC || r.Op === OP_DASH_HEREDOC);
}

/** mvdan-sh throws Go errors whose text is "line:col: message". */
function problemOf(err: unknown, m: MappedText): ShellProblem {
  const e = err as { Error?: () => string; message?: string };
  const text = typeof e?.Error === 'function' ? e.Error() : String(e?.message ?? err);
  const [line, col, ...rest] = text.split(':');
  const l = Number(line);
  const c = Number(col);
  if (!Number.isInteger(l) || !Number.isInteger(c) || rest.length === 0) return { message: text, offset: docStart(m, 0) };
  // Walk to the reported line, then the column (1-based).
  let idx = 0;
  for (let k = 1; k < l && idx >= 0; k++) idx = m.text.indexOf('\n', idx) + 1 || -1;
  if (idx < 0) idx = m.text.length;
  const offset = docStart(m, Math.min(m.text.length, idx + c - 1));
  return { message: rest.join(':').trim(), offset };
}
