// What the parsed Dockerfile is made of, as rules read it: instructions, stages, ARG/ENV declarations
// and the shell-form source handed to the shell parser (built by LintDocument in document.ts).
import type { Argument, Flag, Heredoc, Instruction } from 'dockerfile-ast';
import type { Range } from './types';

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
