// The parsed Dockerfile every rule reads: dockerfile-ast's tree plus what rules keep asking for
// (upper-cased keywords, stages, the shell in effect, ARG/ENV declarations, comments, positions).
// Built once per lint; the expensive bits are lazy. Pure: no I/O.
import {
  Argument, Comment, DockerfileParser, Dockerfile, Flag, From, Heredoc, Instruction, Onbuild, Property,
} from 'dockerfile-ast';
import { installArgumentMemo } from './astMemo';
import type { BaseImageLookup } from './baseImage';
import { DEFAULT_CONFIG, LintConfig } from './config';
import { Position, Range } from './types';

/** One instruction (top-level, or the trigger inside an ONBUILD). */
export interface LintInstruction {
  /** Keyword upper-cased (`RUN` for `run`; for `ONBUILD RUN x` the ONBUILD itself is `ONBUILD`). */
  keyword: string;
  /** The keyword as written, and where. */
  keywordText: string;
  keywordRange: Range;
  /** Whole instruction, continuation lines included (heredoc bodies included). */
  range: Range;
  /** Arguments after the flags (dockerfile-ast's split on whitespace/quotes, with ranges). */
  args: Argument[];
  /** Leading `--name=value` flags (FROM, RUN, COPY, ADD, HEALTHCHECK, CMD, ENTRYPOINT, SHELL). */
  flags: Flag[];
  /** The dockerfile-ast object (instanceof From/Copy/Run/Env/Arg/... for typed access). */
  node: Instruction;
  /** Index in `doc.instructions` (for a trigger: its ONBUILD's index). */
  index: number;
  /** The stage this instruction belongs to; undefined for ARGs before the first FROM. */
  stage: Stage | undefined;
  /** For ONBUILD: the instruction it registers (ONBUILD RUN → a RUN with `onbuild` set). */
  trigger?: LintInstruction;
  /** For a trigger: the ONBUILD that holds it. */
  onbuild?: LintInstruction;
  /** Shell in effect (SHELL instruction, `# hadolint shell=`, Windows base image), e.g. ['/bin/sh','-c']. */
  shell: string[];
  /** False when the shell in effect is not POSIX (powershell, pwsh, cmd): do not parse as sh. */
  posixShell: boolean;
  /** For RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK CMD: the exec-form array when the arguments are JSON, else null. */
  execForm: string[] | null;
  /** Here-documents of RUN/COPY (`RUN <<EOF ... EOF`). */
  heredocs: Heredoc[];
}

/** A build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: LintInstruction;
  /** Image reference as written (`alpine:3.19`, `$BASE`, `builder`), or null if missing. */
  image: string | null;
  imageRange: Range | null;
  /** The `AS name` as written (original casing), and where. */
  name: string | null;
  nameRange: Range | null;
  /** The `--platform` flag, if any. */
  platform: Flag | null;
  /** The earlier stage this one is built FROM (FROM <stage name>), if any. */
  parent: Stage | undefined;
  /** Instructions of the stage after its FROM (top-level only; triggers hang off ONBUILD). */
  instructions: LintInstruction[];
  isFinal: boolean;
  /** Referenced by a later FROM, COPY --from or RUN --mount from=. */
  reused: boolean;
  /**
   * A file with no FROM yet (someone starts typing a Dockerfile): its instructions form one implicit
   * stage so the stage rules still read them, as hadolint does. `from` is then its first instruction.
   */
  implicit?: boolean;
}

/** An ARG or ENV variable declaration. */
export interface Declaration {
  kind: 'ARG' | 'ENV';
  name: string;
  /** Value as written (unescaped), or null for `ARG NAME` without default. */
  value: string | null;
  nameRange: Range;
  /** Where the value is written (quotes included), null without a value. */
  valueRange: Range | null;
  /** True for the legacy `ENV key value` form (no `=`). */
  legacy: boolean;
  instruction: LintInstruction;
}

/** A shell-form script with Dockerfile-level syntax neutralised, same length as the source slice. */
export interface ShellSource {
  /** Text to give a shell parser; offset i corresponds to document offset `start + i`. */
  text: string;
  /** Document offset of text[0]. */
  start: number;
}

installArgumentMemo();

const POSIX_DEFAULT = ['/bin/sh', '-c'];
const WINDOWS_DEFAULT = ['cmd', '/S', '/C'];
const NON_POSIX = /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i;
/** Windows base images, also by a tag or name part: `golang:1.8-windowsservercore`, `node:…-nanoserver-1809`, `x/node-windows`. */
const WINDOWS_IMAGE = /(^|[/:@._-])(windows|nanoserver|servercore|windowsservercore)([/:@._-]|$)/i;

/** True when `shell[0]` names a non-POSIX shell. */
export function isPosixShell(shell: string[]): boolean {
  return shell.length === 0 || !NON_POSIX.test(shell[0]);
}

export class LintDocument {
  /** The dockerfile-ast tree. */
  readonly ast: Dockerfile;
  /** Top-level instructions in order. */
  readonly instructions: LintInstruction[] = [];
  readonly stages: Stage[] = [];
  /** ARG instructions before the first FROM (visible in FROM lines only). */
  readonly globalArgs: LintInstruction[] = [];
  readonly comments: Comment[];
  /** Escape character from the `# escape=` directive (`\` by default). */
  readonly escape: string;
  private readonly lineStarts: number[];
  private readonly memo = new Map<unknown, unknown>();
  /** What the local engine knows about a FROM image (set by lintDockerfile from its options). */
  baseImage: BaseImageLookup = () => undefined;
  /** The build's default target platform when known (`linux/amd64`). */
  buildPlatform: string | undefined;

  /** Parses `text`. `config`, `fileName` and `readFile` are passed through for rules that need them. */
  constructor(
    readonly text: string,
    readonly config: LintConfig = DEFAULT_CONFIG,
    readonly fileName = 'Dockerfile',
    readonly readFile?: (relPath: string) => string | undefined,
    ast?: Dockerfile,
  ) {
    this.ast = ast ?? DockerfileParser.parse(text);
    this.lineStarts = computeLineStarts(text);
    this.comments = this.ast.getComments();
    this.escape = this.ast.getEscapeCharacter() || '\\';
    this.build();
  }

  /**
   * Every comment with its text after `#`. dockerfile-ast reads a first-line comment such as
   * `# hadolint ignore=X` as a parser directive, not a comment: those lines are included too.
   */
  commentLines(): { line: number; text: string; range: Range }[] {
    return [
      ...this.ast.getDirectives().map((d) => ({ line: d.getRange().start.line, text: this.lineText(d.getRange().start.line).replace(/^\s*#\s*/, ''), range: d.getRange() })),
      ...this.comments.map((c) => ({ line: c.getRange().start.line, text: c.getContent(), range: c.getRange() })),
    ];
  }

  /** Text of a range. */
  textOf(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[p.line];
    const next = p.line + 1 < this.lineStarts.length ? this.lineStarts[p.line + 1] : this.text.length + 1;
    return Math.min(start + Math.max(0, p.character), next - 1, this.text.length);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** Range from two document offsets. */
  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  get lineCount(): number { return this.lineStarts.length; }

  /** Text of line `n` without its line break. */
  lineText(n: number): string {
    if (n < 0 || n >= this.lineStarts.length) return '';
    const end = n + 1 < this.lineStarts.length ? this.lineStarts[n + 1] : this.text.length;
    return this.text.slice(this.lineStarts[n], end).replace(/\r?\n$/, '');
  }

  /** Every instruction including ONBUILD triggers (each trigger right after its ONBUILD). */
  withTriggers(): LintInstruction[] {
    return this.cache('withTriggers', () => this.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i])));
  }

  /** Every RUN, ONBUILD RUN included. */
  runs(): LintInstruction[] {
    return this.cache('runs', () => this.withTriggers().filter((i) => i.keyword === 'RUN'));
  }

  /** Finds a stage by name (case-insensitive, as BuildKit does) or numeric index, before `beforeIndex`. */
  stageByRef(ref: string, beforeIndex = Infinity): Stage | undefined {
    const lower = ref.toLowerCase();
    if (/^\d+$/.test(ref)) {
      const n = Number(ref);
      return n < beforeIndex ? this.stages[n] : undefined;
    }
    return this.stages.find((s) => s.index < beforeIndex && s.name?.toLowerCase() === lower);
  }

  /** ARG/ENV declarations made by one instruction, in order. */
  declarations(ins: LintInstruction): Declaration[] {
    return this.cache(ins, () => declarationsOf(ins));
  }

  /**
   * Variables in scope just before `ins` runs: for FROM, the global ARGs; inside a stage, the stage's
   * ARGs and ENVs so far plus the ARGs and ENVs inherited from a parent stage. Predefined variables not included.
   */
  scopeAt(ins: LintInstruction): Set<string> {
    const names = new Set<string>();
    if (ins.keyword === 'FROM' || !ins.stage) {
      for (const a of this.globalArgs) if (a.index < ins.index) for (const d of this.declarations(a)) names.add(d.name);
      return names;
    }
    const chain: Stage[] = [];
    for (let s: Stage | undefined = ins.stage; s && chain.length < 64; s = s.parent) chain.unshift(s);
    for (const s of chain) {
      const own = s === ins.stage;
      for (const i of s.instructions) {
        if (own && i.index >= ins.index) break;
        // A stage built FROM an earlier one inherits its ENV and, in BuildKit, its ARGs too.
        for (const d of this.declarations(i)) names.add(d.name);
      }
    }
    return names;
  }

  /**
   * The shell-form script of a RUN (or CMD/ENTRYPOINT/HEALTHCHECK CMD), after its flags, with
   * Dockerfile-only syntax blanked so a POSIX parser sees what the shell will run: comment lines
   * and empty lines inside continuations become spaces, and a non-`\` escape character before a
   * newline becomes `\`. Same length as the slice, so offsets map 1:1. Null for exec form, heredoc
   * bodies aside, or a non-POSIX shell.
   */
  shellSource(ins: LintInstruction): ShellSource | null {
    if (!SHELL_KEYWORDS.has(ins.keyword) || ins.execForm || !ins.posixShell || ins.args.length === 0) return null;
    return this.cache(`sh:${ins.keyword}:${ins.range.start.line}:${ins.onbuild ? 1 : 0}`, () => {
      let first = ins.args[0];
      if (ins.keyword === 'HEALTHCHECK') {
        const i = ins.args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
        if (i < 0 || i + 1 >= ins.args.length) return null;
        first = ins.args[i + 1];
      }
      const start = this.offsetAt(first.getRange().start);
      const end = this.offsetAt(ins.args[ins.args.length - 1].getRange().end);
      return { text: neutraliseContinuations(this.text.slice(start, end), this.escape), start };
    });
  }

  /** Memoises a computation for this document (shared by rules: e.g. a parsed shell AST per RUN). */
  cache<T>(key: unknown, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
  }

  private build(): void {
    let stage: Stage | undefined;
    let shell = this.pragmaShell() ?? POSIX_DEFAULT;
    const shellOfStage = new Map<Stage, string[]>();
    for (const node of this.ast.getInstructions()) {
      const ins = this.wrap(node, this.instructions.length, undefined, shell);
      this.instructions.push(ins);
      if (ins.keyword === 'FROM') {
        stage = this.addStage(ins);
        shell = stage.parent ? (shellOfStage.get(stage.parent) ?? shell) : (WINDOWS_IMAGE.test(stage.image ?? '') ? WINDOWS_DEFAULT : (this.pragmaShell() ?? POSIX_DEFAULT));
        shellOfStage.set(stage, shell);
        ins.stage = stage;
        continue;
      }
      ins.stage = stage;
      ins.shell = shell;
      ins.posixShell = isPosixShell(shell);
      if (stage) stage.instructions.push(ins); else if (ins.keyword === 'ARG') this.globalArgs.push(ins);
      if (ins.keyword === 'SHELL' && ins.execForm && ins.execForm.length > 0) {
        shell = ins.execForm;
        if (stage) shellOfStage.set(stage, shell);
      }
      if (node instanceof Onbuild) {
        const t = safe(() => node.getTriggerInstruction(), null);
        if (t) ins.trigger = this.wrap(t, ins.index, ins, shell);
      }
    }
    if (this.stages.length === 0 && this.instructions.length > 0) this.addImplicitStage();
    this.markReuse();
  }

  private addImplicitStage(): void {
    const stage: Stage = {
      index: 0, from: this.instructions[0], image: null, imageRange: null, name: null, nameRange: null, platform: null,
      parent: undefined, instructions: [...this.instructions], isFinal: false, reused: false, implicit: true,
    };
    for (const i of this.instructions) { i.stage = stage; if (i.trigger) i.trigger.stage = stage; }
    this.globalArgs.length = 0;
    this.stages.push(stage);
  }

  private wrap(node: Instruction, index: number, onbuild: LintInstruction | undefined, shell: string[]): LintInstruction {
    const keywordText = node.getInstruction();
    const keyword = keywordText.toUpperCase();
    const flags: Flag[] = typeof (node as unknown as { getFlags?: () => Flag[] }).getFlags === 'function' ? safe(() => (node as unknown as { getFlags(): Flag[] }).getFlags(), []) : [];
    const args = safe(() => node.getArguments(), []);
    const ins: LintInstruction = {
      keyword, keywordText, keywordRange: node.getInstructionRange(), range: node.getRange(), args, flags, node, index,
      stage: onbuild?.stage, onbuild, shell, posixShell: isPosixShell(shell), execForm: null, heredocs: [],
    };
    // Heredocs are costly to extract and rare: computed on first access, and only when `<<` appears.
    let heredocs: Heredoc[] | undefined;
    Object.defineProperty(ins, 'heredocs', {
      enumerable: true,
      get: () => heredocs ??= (typeof (node as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs === 'function'
        && args.some((a) => a.getValue().includes('<<'))
        ? safe(() => (node as unknown as { getHeredocs(): Heredoc[] }).getHeredocs(), []) : []),
    });
    if (EXEC_KEYWORDS.has(keyword)) ins.execForm = this.parseExecForm(ins);
    return ins;
  }

  private parseExecForm(ins: LintInstruction): string[] | null {
    let args = ins.args;
    if (ins.keyword === 'HEALTHCHECK') {
      const i = args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
      if (i < 0) return null;
      args = args.slice(i + 1);
    }
    if (args.length === 0 || !args[0].getValue().startsWith('[')) return null;
    const raw = this.text.slice(this.offsetAt(args[0].getRange().start), this.offsetAt(args[args.length - 1].getRange().end));
    return parseJsonArray(joinContinuations(raw, this.escape));
  }

  private addStage(ins: LintInstruction): Stage {
    const node = ins.node as From;
    const image = safe(() => node.getImage(), null);
    const name = safe(() => node.getBuildStage(), null);
    const parent = image ? this.stageByRef(image, this.stages.length) : undefined;
    const stage: Stage = {
      index: this.stages.length, from: ins, image, imageRange: safe(() => node.getImageRange(), null),
      name, nameRange: safe(() => node.getBuildStageRange(), null), platform: safe(() => node.getPlatformFlag(), null),
      parent: parent && !/^\d+$/.test(image ?? '') ? parent : undefined, instructions: [], isFinal: false, reused: false,
    };
    this.stages.push(stage);
    return stage;
  }

  private markReuse(): void {
    if (this.stages.length) this.stages[this.stages.length - 1].isFinal = true;
    for (const s of this.stages) {
      if (s.parent) s.parent.reused = true;
      for (const i of s.instructions) {
        for (const ref of stageRefs(i)) {
          const used = this.stageByRef(ref, s.index);
          if (used) used.reused = true;
        }
      }
    }
  }

  private pragmaShell(): string[] | undefined {
    return this.cache('pragmaShell', () => {
      for (const c of this.comments) {
        const m = /^hadolint\s+shell\s*=\s*(\S+)/i.exec(c.getContent());
        if (m) return [m[1]];
      }
      return undefined;
    });
  }
}

const SHELL_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const EXEC_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'ADD', 'COPY', 'VOLUME']);

/** Stage names/indexes an instruction reads from: COPY/ADD --from=, RUN --mount=...,from=. */
export function stageRefs(ins: LintInstruction): string[] {
  const refs: string[] = [];
  for (const f of ins.flags) {
    const name = f.getName().toLowerCase();
    if (name === 'from' && (ins.keyword === 'COPY' || ins.keyword === 'ADD')) {
      const v = f.getValue();
      if (v) refs.push(v);
    } else if (name === 'mount' && ins.keyword === 'RUN') {
      const v = f.getValue() ?? '';
      for (const part of v.split(',')) {
        const [k, val] = part.split('=');
        if (k?.trim().toLowerCase() === 'from' && val) refs.push(val.trim());
      }
    }
  }
  return refs;
}

function declarationsOf(ins: LintInstruction): Declaration[] {
  if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') return [];
  const props: Property[] = safe(() => (ins.node as unknown as { getProperties(): Property[] }).getProperties?.() ?? [], []);
  // `ARG A B` declares two names (ARG has no `key value` form); dockerfile-ast reads it as A="B".
  if (ins.keyword === 'ARG' && props.some((p) => p.getValue() !== null && p.getAssignmentOperator() === null)) return argNames(ins);
  return props.map((p) => ({
    kind: ins.keyword as 'ARG' | 'ENV', name: p.getName(), value: safe(() => p.getValue(), null),
    nameRange: p.getNameRange(), valueRange: safe(() => p.getValueRange(), null),
    legacy: safe(() => p.getValue() !== null && p.getAssignmentOperator() === null, false), instruction: ins,
  }));
}

/** Each word of an ARG as its own declaration (`ARG A B=1`): name, then the default after `=`. */
function argNames(ins: LintInstruction): Declaration[] {
  return ins.args.map((arg) => {
    const text = arg.getValue();
    const eq = text.indexOf('=');
    const r = arg.getRange();
    const name = eq < 0 ? text : text.slice(0, eq);
    const nameRange = { start: r.start, end: { line: r.start.line, character: r.start.character + name.length } };
    const value = eq < 0 ? null : text.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
    const valueRange = eq < 0 ? null : { start: { line: r.start.line, character: r.start.character + eq + 1 }, end: r.end };
    return { kind: 'ARG' as const, name, value, nameRange, valueRange, legacy: false, instruction: ins };
  });
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Removes escape+newline continuations and the comment/empty lines Docker skips inside them. */
export function joinContinuations(raw: string, escape: string): string {
  return neutraliseContinuations(raw, escape).replace(/\\\r?\n/g, '');
}

/** See LintDocument.shellSource: blank Dockerfile-only syntax without changing length. */
export function neutraliseContinuations(raw: string, escape: string): string {
  // Most instructions fit on one line: nothing to neutralise without a line break.
  if (raw.indexOf('\n') < 0) return raw;
  const out = raw.split('');
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === escape) {
      let j = i + 1;
      while (j < raw.length && (raw[j] === ' ' || raw[j] === '\t')) j++;
      if (raw[j] === '\r') j++;
      if (j < raw.length && raw[j] === '\n') {
        // escape [spaces] newline: a continuation; sh wants `\` right before the newline.
        for (let k = i; k < j; k++) out[k] = ' ';
        out[j - 1] = '\\';
        let k = j + 1;
        // skip following comment lines and empty lines that Docker drops inside continuations
        for (;;) {
          let e = k;
          while (e < raw.length && (raw[e] === ' ' || raw[e] === '\t')) e++;
          if (e < raw.length && (raw[e] === '#' || raw[e] === '\n' || raw[e] === '\r')) {
            let nl = raw.indexOf('\n', e);
            if (nl < 0) nl = raw.length - 1;
            for (let m = k; m <= nl; m++) out[m] = ' ';
            k = nl + 1;
            if (k >= raw.length) break;
          } else break;
        }
        i = k;
        continue;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return out.join('');
}

function parseJsonArray(s: string): string[] | null {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** Calls dockerfile-ast accessors that may throw on malformed input; falls back to `dflt`. */
export function safe<T>(f: () => T, dflt: T): T {
  try { return f(); } catch { return dflt; }
}
