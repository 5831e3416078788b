// The parsed Dockerfile every rule reads: dockerfile-ast's tree plus what rules keep asking for
// (upper-cased keywords, stages, the shell in effect, ARG/ENV declarations, comments, positions).
// Built once per lint; the expensive bits are lazy. Pure: no I/O.
import {
  Comment, DockerfileParser, Dockerfile, Flag, From, Heredoc, Instruction, Onbuild,
} from 'dockerfile-ast';
import { installArgumentMemo } from './astMemo';
import { joinContinuations, neutraliseContinuations, parseJsonArray } from './continuations';
import { declarationsOf, stageRefs } from './declarations';
import type { Declaration, LintInstruction, ShellSource, Stage } from './instruction';
import { safe } from './safe';
import { isPosixShell, POSIX_DEFAULT, WINDOWS_DEFAULT, WINDOWS_IMAGE } from './shells';
import { DocumentText } from './documentText';
import { asBuildkitReads } from './lineModel';
import type { BaseImageLookup } from './baseImage';
import { DEFAULT_CONFIG, LintConfig } from './config';
import type { Range } from './types';

// The model's parts live in their own files; importers keep reading them from here.
export type { Declaration, LintInstruction, ShellSource, Stage } from './instruction';
export { joinContinuations, neutraliseContinuations } from './continuations';
export { stageRefs } from './declarations';
export { safe } from './safe';
export { isPosixShell } from './shells';

installArgumentMemo();

export class LintDocument extends DocumentText {
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
  private readonly memo = new Map<unknown, unknown>();
  /** What the local engine knows about a FROM image (set by lintDockerfile from its options). */
  baseImage: BaseImageLookup = () => undefined;
  /** The build's default target platform when known (`linux/amd64`). */
  buildPlatform: string | undefined;

  /** Parses `text`. `config`, `fileName` and `readFile` are passed through for rules that need them. */
  constructor(
    text: string,
    readonly config: LintConfig = DEFAULT_CONFIG,
    readonly fileName = 'Dockerfile',
    readonly readFile?: (relPath: string) => string | undefined,
    ast?: Dockerfile,
  ) {
    // Lines as BuildKit counts them (see lineModel.ts): lintDockerfile maps positions to the editor's.
    super(text);
    this.ast = ast ?? DockerfileParser.parse(asBuildkitReads(text));
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

