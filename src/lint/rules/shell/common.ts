// Helpers shared by the RUN rules: walking the commands of every RUN (ONBUILD RUN included),
// reading subcommands with the shared option reader, BuildKit mounts, stage relevance, text edits.
import type { LintDocument, LintInstruction } from '../../document';
import {
  OptionSpec, ParsedArgs, RunShell, ShellCommand, ShellWord, Span, EXPANSION, parseArgs, runShell,
} from '../../shell';
import type { Fix, Range, TextEdit } from '../../types';

export interface RunCommand {
  ins: LintInstruction;
  run: RunShell;
  cmd: ShellCommand;
}

/** Every RUN (ONBUILD RUN included) with its shell model. */
export function runsOf(doc: LintDocument): { ins: LintInstruction; run: RunShell }[] {
  return doc.runs().map((ins) => ({ ins, run: runShell(doc, ins) }));
}

/** Every simple command named one of `names` (base name of argv[0]), in every RUN. */
export function commandsNamed(doc: LintDocument, ...names: string[]): RunCommand[] {
  const out: RunCommand[] = [];
  for (const { ins, run } of runsOf(doc)) {
    for (const cmd of run.commands) if (cmd.name !== null && names.includes(cmd.name)) out.push({ ins, run, cmd });
  }
  return out;
}

export function spanRange(doc: LintDocument, s: Span): Range {
  return doc.rangeAt(s.start, s.end);
}

/** A tool invoked as `tool [options] sub [options] operands…` (apt-get, apk, pip, yum…). */
export interface Invocation {
  /** The subcommand word (`install`), or undefined when there is none. */
  sub: ShellWord | undefined;
  /** Options anywhere on the line, and the operands after the subcommand. */
  args: ParsedArgs;
  operands: ShellWord[];
}

/** Reads `words` (argv without the tool's name) as options + subcommand + operands. */
export function invocation(words: readonly ShellWord[], spec: OptionSpec = {}): Invocation {
  const args = parseArgs(words, spec);
  const [sub, ...operands] = args.operands;
  return { sub, args, operands };
}

export function subIs(inv: Invocation, ...names: string[]): boolean {
  return inv.sub?.value != null && names.includes(inv.sub.value);
}

/** True when a word expands something we cannot see (`$PKGS`), so nothing can be said about it. */
export function isUnknown(w: ShellWord): boolean {
  return w.shape.includes(EXPANSION);
}

export function isUrl(s: string): boolean {
  return s.includes('://');
}

/** A path or file rather than a package name. */
export function isPathLike(s: string): boolean {
  return s.includes('/') || s.startsWith('.') || s.startsWith('~');
}

/** BuildKit `--mount` flags of a RUN, as key → value maps (`type` defaults to bind). */
export function mountsOf(ins: LintInstruction): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const f of ins.flags) {
    if (f.getName().toLowerCase() !== 'mount') continue;
    const m = new Map<string, string>();
    for (const o of f.getOptions()) m.set(o.getName().toLowerCase(), o.getValue() ?? '');
    if (!m.has('type')) m.set('type', 'bind');
    out.push(m);
  }
  return out;
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** A cache or tmpfs mount at `dir` or above it keeps what is written there out of the layer. */
export function hasCacheMount(ins: LintInstruction, ...dirs: string[]): boolean {
  return mountsOf(ins).some((m) => {
    const type = m.get('type');
    if (type !== 'cache' && type !== 'tmpfs') return false;
    const target = trimSlash(m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '');
    return target !== '' && dirs.some((d) => d === target || d.startsWith(target + '/'));
  });
}

/** An `rm` in this RUN deleting `dir` or something under it (`rm -rf /var/lib/apt/lists/*`). */
export function removes(run: RunShell, dir: string): boolean {
  return removesAfter(run, dir, -1);
}

/** The same, counting only an `rm` that starts at or after document offset `after`. */
export function removesAfter(run: RunShell, dir: string, after: number): boolean {
  return run.commands.some((c) => c.start >= after && c.name === 'rm' && parseArgs(c.argv.slice(1)).literalOperands()
    .some((p) => trimSlash(p) === dir || p.startsWith(dir + '/')));
}

/**
 * Whether leftovers in this RUN end up in an image someone uses: the final stage, a stage reused by
 * a later FROM / COPY --from / RUN --mount from=, or an ONBUILD trigger (it runs in a child image).
 */
export function layerMatters(ins: LintInstruction): boolean {
  if (ins.onbuild) return true;
  return !ins.stage || ins.stage.isFinal || ins.stage.reused;
}

/**
 * Value of a variable in effect before `ins` in its stage (and parent stages), if any: ENV only by
 * default, ARG defaults too when asked. A value that is just another variable (`${X}`) is followed.
 */
export function envBefore(doc: LintDocument, ins: LintInstruction, name: string, kinds: readonly string[] = ['ENV'], depth = 0): string | null | undefined {
  const chain = [];
  for (let s = ins.stage; s && chain.length < 64; s = s.parent) chain.unshift(s);
  let value: string | null | undefined;
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === ins.stage && i.index >= ins.index) break;
      for (const d of doc.declarations(i)) if (kinds.includes(d.kind) && d.name === name) value = d.value;
    }
  }
  const ref = value ? /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value.trim()) : null;
  return ref && depth < 8 ? envBefore(doc, ins, ref[1], ['ENV', 'ARG'], depth + 1) : value;
}

/** Insertion of `text` at a document offset. */
export function insertAt(doc: LintDocument, offset: number, text: string): TextEdit {
  const p = doc.positionAt(offset);
  return { range: { start: p, end: p }, newText: text };
}

/** A fix that adds ` option` right after a word (the subcommand); none for exec form. */
export function addAfterWord(doc: LintDocument, run: RunShell, word: ShellWord | undefined, option: string): Fix[] | undefined {
  if (!word || run.form === 'exec') return undefined;
  return [{ title: `Add ${option}`, edits: [insertAt(doc, word.end, ` ${option}`)], preferred: true }];
}

/** Lists up to three words for a message: `curl`, `git` and 2 more. */
export function nameList(words: readonly ShellWord[]): string {
  const names = words.map((w) => `'${w.value ?? w.shape}'`);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
