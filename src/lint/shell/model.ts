// The small model of a RUN instruction that the shell rules read. All offsets are document offsets
// (0-based, in the Dockerfile text), whatever continuations, heredocs or quoting stood in between.
import { MappedText } from './mapped';
import type { Dialect } from './shells';

export interface Span {
  start: number;
  end: number;
}

/** Stands for each expansion ($VAR, $(cmd), ...) inside ShellWord.shape. */
export const EXPANSION = '\u0000';

export interface ShellWord extends Span {
  /** The word after quote removal when it is fully literal; null when it expands anything. */
  value: string | null;
  /** The word with quotes removed and every expansion replaced by EXPANSION (`curl=$V` → "curl=\0"). */
  shape: string;
}

export interface Assignment {
  name: string;
  value: string | null;
}

export interface ShellCommand extends Span {
  /** Base name of argv[0] when it is literal (`/usr/bin/apt-get` → `apt-get`); null otherwise. */
  name: string | null;
  /** Every word of the command, argv[0] included. */
  argv: ShellWord[];
  /** `VAR=value` prefixes (`PIP_NO_CACHE_DIR=1 pip install …`). */
  assigns: Assignment[];
  /** End of the top-level command list holding this command: where `&& more` may be appended. */
  listEnd: number;
  /** Inside a command or process substitution. */
  nested: boolean;
  /** Inside a `( … )` subshell, whose `cd`/`export` do not outlive it. */
  subshell: boolean;
  /** Set when this command was found inside a wrapper's arguments (`sudo`, `env`, `xargs`…): its name. */
  wrapper?: string;
}

export interface Pipe extends Span {
  /** Inside `bash -o pipefail -c '…'`: the shell running it already has pipefail on. */
  pipefail: boolean;
}

export type RunForm = 'shell' | 'exec' | 'heredoc';

export interface ShellProblem {
  message: string;
  /** Document offset the shell parser pointed at. */
  offset: number;
}

export interface RunShell {
  form: RunForm;
  /** Simple commands in source order; empty when the script could not be read. */
  commands: ShellCommand[];
  /** Each pipeline `a | b` (or `a |& b`), spanning both sides. */
  pipes: Pipe[];
  /** The POSIX script as the shell receives it (absent for exec form); ShellCheck reads it. */
  script?: MappedText;
  /** The shell that runs `script`. */
  dialect?: Dialect;
  /** Set when the script did not parse: the rules then say nothing about this RUN. */
  problem?: ShellProblem;
  /** Set when the body is not POSIX shell (PowerShell/cmd SHELL, a heredoc with another #! line). */
  skipped?: string;
}
