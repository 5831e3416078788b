// Reads a POSIX/bash script with mvdan-sh and keeps only what the rules need.
//
// Why mvdan-sh rather than sh-syntax: both are builds of the same Go parser (mvdan.cc/sh), so they
// accept and reject the same scripts (the same 6 of the 554 corpus RUN bodies fail in both: the
// PowerShell bodies of Windows images, which we do not read as POSIX anyway). mvdan-sh is a GopherJS
// build with a synchronous API, which lets the rule set stay synchronous; sh-syntax is a WebAssembly
// build behind an async API and measured about 20x slower on the corpus (92 ms against 1.9 s for
// all RUN bodies, see MEASURED.md). The extra 0.6 MB on disk is worth that.
import { syntax } from 'mvdan-sh';
import { MappedText, byteToIndex, docEnd, docStart, slice } from './mapped';
import { Assignment, EXPANSION, Pipe, ShellCommand, ShellProblem, ShellWord } from './model';
import { setsPipefail, shellScriptArg, wrappedCommand } from './shells';

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

// Reading the tree: mvdan-sh hands JavaScript a wrapper per node, built afresh on every field access,
// which made walking a tree cost ~25x the parse itself. We read the GopherJS objects underneath
// (`__internal_object__`) instead: struct fields are plain properties, slices are {$array,$offset,
// $length}, a node's Go type is `constructor.string`, and Pos()/End() still work as methods.
type Go = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const typeOf = (v: Go): string | undefined => v?.constructor?.string;
const isNode = (v: Go): boolean => {
  const t = typeOf(v);
  return t !== undefined && t.startsWith('*syntax.') && v !== v.constructor.nil;
};
function items(slice: Go): Go[] {
  const out: Go[] = [];
  if (!slice || slice.$array === undefined) return out;
  for (let i = 0; i < slice.$length; i++) out.push(slice.$array[slice.$offset + i]);
  return out;
}
/** GopherJS keeps Go strings as UTF-8 bytes, one per char. */
function goString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  }
  return s;
}

interface Ctx {
  m: MappedText;
  at: (p: Go) => number;
  out: ParsedScript;
  listEnd: number;
  nested: number;
  subshell: number;
  depth: number;
}

/** `((` that does not start `$((` written `( (`, the added space mapped where the first `(` is. */
function splitDoubleParens(m: MappedText): MappedText | undefined {
  if (!/(^|[^$])\(\(/.test(m.text)) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < m.text.length; i++) {
    text += m.text[i];
    offsets.push(m.offsets[i]);
    if (m.text[i] === '(' && m.text[i + 1] === '(' && m.text[i - 1] !== '$') {
      text += ' ';
      offsets.push(m.offsets[i]);
    }
  }
  return { text, offsets };
}

export function parseScript(m: MappedText, depth = 0): ParsedScript {
  parser ??= syntax.NewParser();
  const toIndex = byteToIndex(m.text);
  let file: Go;
  try {
    file = (parser.Parse(m.text, '') as Go).__internal_object__;
  } catch (err) {
    // `((cd x && make) && y)` is two nested subshells, which bash tells from arithmetic by trying
    // both; the parser only tries arithmetic. Read such a script again with the parentheses apart.
    const spaced = depth === 0 ? splitDoubleParens(m) : undefined;
    if (spaced) return parseScript(spaced, depth + 1);
    return { commands: [], pipes: [], problem: problemOf(err, m) };
  }
  const at = (p: Go) => toIndex(p.Offset());
  const out: ParsedScript = { commands: [], pipes: [] };
  const stmts = items(file.Stmts);
  if (isSoleHeredoc(stmts)) {
    out.soleHeredoc = true;
    return out;
  }
  for (const stmt of stmts) {
    const ctx: Ctx = { m, at, out, listEnd: docEnd(m, stmtEnd(stmt, at)), nested: 0, subshell: 0, depth };
    visit(stmt, ctx);
  }
  return out;
}

/** Per node type, the fields that can hold nodes (struct fields keep their kind across instances). */
const CHILD_KEYS = new Map<string, string[]>();
function childKeys(kind: string, n: Go): string[] {
  let keys = CHILD_KEYS.get(kind);
  if (!keys) {
    keys = Object.keys(n).filter((k) => k !== '$val' && n[k] !== null && typeof n[k] === 'object' && typeOf(n[k]) !== 'syntax.Pos');
    CHILD_KEYS.set(kind, keys);
  }
  return keys;
}

function visit(n: Go, ctx: Ctx): void {
  const kind = typeOf(n);
  const { m, at, out } = ctx;
  if (kind === '*syntax.CallExpr') addCommand(n, ctx);
  else if (kind === '*syntax.DeclClause') out.commands.push(declCommand(n, ctx));
  else if (kind === '*syntax.BinaryCmd' && (n.Op === OP_PIPE || n.Op === OP_PIPE_ALL)) {
    out.pipes.push({ start: docStart(m, at(n.Pos())), end: docEnd(m, at(n.End())), pipefail: false });
  }
  const scoped = kind === '*syntax.CmdSubst' || kind === '*syntax.ProcSubst';
  const sub = kind === '*syntax.Subshell';
  if (scoped) ctx.nested++;
  if (sub) ctx.subshell++;
  for (const key of childKeys(kind!, n)) {
    const v = n[key];
    if (v === null || typeof v !== 'object') continue;
    if (v.$array !== undefined) {
      for (const e of items(v)) if (isNode(e)) visit(e, ctx);
    } else if (isNode(v)) visit(v, ctx);
  }
  if (scoped) ctx.nested--;
  if (sub) ctx.subshell--;
}

function addCommand(call: Go, ctx: Ctx): void {
  const { m, at, out } = ctx;
  const argWords = items(call.Args);
  const argv: ShellWord[] = argWords.map((w) => wordOf(w, m, at));
  const assigns: Assignment[] = items(call.Assigns).map((a) => ({
    name: isNode(a.Name) ? goString(a.Name.Value) : '',
    value: isNode(a.Array) ? null : isNode(a.Value) ? wordOf(a.Value, m, at).value : '',
  }));
  const first = argv[0]?.value;
  const name = first == null ? null : first.slice(first.lastIndexOf('/') + 1);
  const cmd: ShellCommand = {
    name, argv, assigns, listEnd: ctx.listEnd, nested: ctx.nested > 0, subshell: ctx.subshell > 0,
    start: docStart(m, at(call.Pos())),
    end: docEnd(m, at(call.End())),
  };
  out.commands.push(cmd);
  if (name !== null) addWrapped(cmd, name, out);
  if (ctx.depth >= MAX_DEPTH || name === null) return;
  const inner = shellScriptArg(name, argv);
  if (inner === undefined) return;
  const innerText = innerScript(argWords[inner], m, at);
  if (!innerText) return;
  const sub = parseScript(innerText, ctx.depth + 1);
  out.commands.push(...sub.commands);
  out.pipes.push(...withShellOptions(sub.pipes, argv.slice(1, inner)));
}

/** `sudo apt-get install x`, `env A=1 pip install y`: the inner command, as a command of its own. */
export function addWrapped(cmd: ShellCommand, name: string, out: { commands: ShellCommand[] }): void {
  let current = cmd;
  let wrapper = name;
  for (let hops = 0; hops < 4; hops++) {
    const inner = wrappedCommand(wrapper, current.argv);
    if (!inner) return;
    const argv = current.argv.slice(inner.start);
    const first = argv[0].value;
    const innerName = first == null ? null : first.slice(first.lastIndexOf('/') + 1);
    const assigns = inner.assigns.map((w) => {
      const v = w.value!;
      return { name: v.slice(0, v.indexOf('=')), value: v.slice(v.indexOf('=') + 1) };
    });
    current = { ...current, name: innerName, argv, assigns: [...current.assigns, ...assigns], start: argv[0].start, wrapper: name };
    out.commands.push(current);
    if (innerName === null) return;
    wrapper = innerName;
  }
}

/** Pipes of a `-c` script, marked when the shell's own options (`bash -o pipefail -c`) set pipefail. */
export function withShellOptions(pipes: Pipe[], options: readonly ShellWord[]): Pipe[] {
  if (!setsPipefail(options.map((w) => w.value ?? ''))) return pipes;
  return pipes.map((p) => ({ ...p, pipefail: true }));
}

/** `export A=1 B` (also declare/local/readonly/typeset) as a command whose words are `A=1`, `B`. */
function declCommand(decl: Go, ctx: Ctx): ShellCommand {
  const { m, at } = ctx;
  const variant = decl.Variant;
  const name = goString(variant.Value);
  const argv: ShellWord[] = [{ value: name, shape: name, start: docStart(m, at(variant.Pos())), end: docEnd(m, at(variant.End())) }];
  for (const a of items(decl.Args)) {
    const span = { start: docStart(m, at(a.Pos())), end: docEnd(m, at(a.End())) };
    const hasName = isNode(a.Name);
    if (a.Naked && !hasName) {
      if (isNode(a.Value)) argv.push(wordOf(a.Value, m, at));
      continue;
    }
    const key = hasName ? goString(a.Name.Value) : '';
    if (a.Naked) {
      argv.push({ value: key, shape: key, ...span });
      continue;
    }
    const v = isNode(a.Array) ? { value: null, shape: EXPANSION } : isNode(a.Value) ? wordOf(a.Value, m, at) : { value: '', shape: '' };
    argv.push({ value: v.value === null ? null : `${key}=${v.value}`, shape: `${key}=${v.shape}`, ...span });
  }
  return {
    name, argv, assigns: [], listEnd: ctx.listEnd, nested: ctx.nested > 0, subshell: ctx.subshell > 0,
    start: docStart(m, at(decl.Pos())), end: docEnd(m, at(decl.End())),
  };
}

/** The text of a `-c` script argument, when its characters map one to one onto the source. */
function innerScript(word: Go, m: MappedText, at: (p: Go) => number): MappedText | undefined {
  const parts = items(word.Parts);
  if (parts.length !== 1) return undefined;
  const part = parts[0];
  const kind = typeOf(part);
  if (kind === '*syntax.SglQuoted' && !part.Dollar) return slice(m, at(part.Pos()) + 1, at(part.End()) - 1);
  if (kind === '*syntax.DblQuoted') {
    const inner = items(part.Parts);
    if (inner.length !== 1 || typeOf(inner[0]) !== '*syntax.Lit' || String(inner[0].Value).includes('\\')) return undefined;
    return slice(m, at(inner[0].Pos()), at(inner[0].End()));
  }
  if (kind === '*syntax.Lit' && !String(part.Value).includes('\\')) return slice(m, at(part.Pos()), at(part.End()));
  return undefined;
}

function wordOf(w: Go, m: MappedText, at: (p: Go) => number): ShellWord {
  let value = '';
  let literal = true;
  for (const part of items(w.Parts)) {
    const kind = typeOf(part);
    if (kind === '*syntax.Lit') value += unescapeBare(goString(part.Value));
    else if (kind === '*syntax.SglQuoted' && !part.Dollar) value += goString(part.Value);
    else if (kind === '*syntax.DblQuoted') {
      for (const q of items(part.Parts)) {
        if (typeOf(q) === '*syntax.Lit') value += unescapeDouble(goString(q.Value));
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
function stmtEnd(stmt: Go, at: (p: Go) => number): number {
  let end = isNode(stmt.Cmd) ? at(stmt.Cmd.End()) : at(stmt.Pos());
  for (const r of items(stmt.Redirs)) if (isNode(r.Word)) end = Math.max(end, at(r.Word.End()));
  return end;
}

function isSoleHeredoc(stmts: Go[]): boolean {
  if (stmts.length !== 1) return false;
  const s = stmts[0];
  const redirs = items(s.Redirs);
  return !isNode(s.Cmd) && redirs.length > 0 && redirs.every((r) => r.Op === OP_HEREDOC || r.Op === OP_DASH_HEREDOC);
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
