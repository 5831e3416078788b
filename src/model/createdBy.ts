// What a history entry's `created_by` says, for both builders and any SHELL. The raw text stays
// available (HistoryItem.createdByRaw). Forms seen on engine 20.10 (MEASURED.md):
//   legacy metadata      `<shell…> -c #(nop)  ENV A=b`, `<shell…> -c #(nop) COPY file:… in /dst `
//   legacy RUN           `[|N a=1 …] <shell…> -c cmd`, exec form `/bin/busybox --install -s /bin`
//   BuildKit RUN/COPY    `RUN [|N a=1 …] <shell…> -c cmd # buildkit`, `RUN /bin/x arg # buildkit`, `COPY a /b # buildkit`
//   BuildKit metadata    `ENV A=b`, `WORKDIR /app` (no suffix; WORKDIR still makes a layer)
// Display: `ENV A=b`, `COPY file:… in /dst`, `RUN cmd` (shell and build-arg prefix dropped).

export type Builder = 'legacy' | 'buildkit' | 'unknown';

export interface ParsedCreatedBy {
  /** Which builder wrote it, as far as the text tells. */
  builder: Builder;
  /** Upper-case Dockerfile keyword (`RUN`, `COPY`, `WORKDIR`, …), '' when the text names none. */
  instruction: string;
  /** The instruction's text after the keyword: for RUN the command without shell and build-arg prefix. */
  body: string;
  /** Build args the engine recorded in front of a RUN (`|2 A=1 B=2`), in order. */
  buildArgs: [string, string][];
  /** The shell prefix of a shell-form RUN (`['/bin/sh','-c']`), [] for exec form or unknown. */
  shell: string[];
  /** The clean display text: `RUN cmd`, `ENV A=b`, `COPY file:… in /dst`. */
  display: string;
}

const BUILDKIT_SUFFIX = /\s+# buildkit$/;
const KEYWORD = /^(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)(?:\s+|$)/;
/** `|2 A=1 B=` — the count, then that many name=value tokens (values without spaces). */
const ARGS_PREFIX = /^\|(\d+)\s+/;
/** Tokens a shell prefix is made of: a program path or name and its options, nothing a command would quote. */
const SHELL_TOKEN = /^[\w./+:-]+$/;
const SHELL_FLAG = /^(?:-c|\/c|\/C|-Command|-command)$/;

/** `|N a=1 b=2 rest` → the pairs and the rest; undefined when the text does not start that way. */
function splitBuildArgs(text: string): { args: [string, string][]; rest: string } | undefined {
  const head = ARGS_PREFIX.exec(text);
  if (!head) return undefined;
  const count = Number(head[1]);
  let rest = text.slice(head[0].length);
  const args: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const m = /^([^\s=]+)=(\S*)(?:\s+|$)/.exec(rest);
    if (!m) return undefined;
    args.push([m[1], m[2]]);
    rest = rest.slice(m[0].length);
  }
  return { args, rest };
}

/**
 * `<shell…> -c rest` → the shell tokens and the rest, when the text starts with up to five simple
 * tokens ending in a `-c`-like flag (`/bin/sh -c`, `/bin/busybox sh -c`, `/bin/bash -o pipefail -c`,
 * `cmd /S /C`, `powershell -Command`). Undefined otherwise (exec form, or not a command).
 */
export function splitShell(text: string): { shell: string[]; rest: string } | undefined {
  const shell: string[] = [];
  let rest = text;
  for (let i = 0; i < 6; i++) {
    const m = /^(\S+)(?:\s+|$)/.exec(rest);
    if (!m || !SHELL_TOKEN.test(m[1])) return undefined;
    shell.push(m[1]);
    rest = rest.slice(m[0].length);
    if (i > 0 && SHELL_FLAG.test(m[1])) return { shell, rest };
  }
  return undefined;
}

function legacyNop(text: string): { shell: string[]; rest: string } | undefined {
  const at = text.indexOf('#(nop)');
  if (at <= 0) return undefined;
  const split = splitShell(text.slice(0, at).trimEnd());
  if (!split || split.rest !== '') return undefined;
  return { shell: split.shell, rest: text.slice(at + '#(nop)'.length).trim() };
}

function keywordOf(text: string): { instruction: string; body: string } | undefined {
  const m = KEYWORD.exec(text);
  return m ? { instruction: m[1], body: text.slice(m[0].length) } : undefined;
}

/** A RUN's text after the keyword (or a legacy entry's whole text): build args, shell, command. */
function runParts(text: string): { buildArgs: [string, string][]; shell: string[]; body: string } | undefined {
  const withArgs = splitBuildArgs(text);
  const afterArgs = withArgs?.rest ?? text;
  const shell = splitShell(afterArgs);
  if (shell) return { buildArgs: withArgs?.args ?? [], shell: shell.shell, body: shell.rest };
  if (withArgs) return { buildArgs: withArgs.args, shell: [], body: afterArgs };
  return undefined;
}

export function parseCreatedBy(raw: string): ParsedCreatedBy {
  const trimmed = String(raw ?? '').trim();
  const buildkit = BUILDKIT_SUFFIX.test(trimmed);
  const text = trimmed.replace(BUILDKIT_SUFFIX, '');
  const make = (builder: Builder, instruction: string, body: string, buildArgs: [string, string][] = [], shell: string[] = []): ParsedCreatedBy => ({
    builder, instruction, body, buildArgs, shell,
    display: instruction ? `${instruction} ${body}`.trim() : body,
  });

  const nop = buildkit ? undefined : legacyNop(text);
  if (nop) {
    const kw = keywordOf(nop.rest);
    return kw ? make('legacy', kw.instruction, kw.body.trim(), [], nop.shell) : make('legacy', '', nop.rest, [], nop.shell);
  }
  const kw = keywordOf(text);
  if (kw) {
    const builder: Builder = buildkit || kw.instruction !== 'RUN' && kw.instruction !== 'COPY' && kw.instruction !== 'ADD' ? 'buildkit' : 'unknown';
    if (kw.instruction === 'RUN') {
      const run = runParts(kw.body);
      if (run) return make(builder, 'RUN', run.body, run.buildArgs, run.shell);
    }
    return make(builder, kw.instruction, kw.body);
  }
  if (buildkit) return make('buildkit', '', text);
  // No keyword, no #(nop): a legacy RUN, shell form (with or without build args) or exec form.
  const run = runParts(text);
  if (run) return make('legacy', 'RUN', run.body, run.buildArgs, run.shell);
  if (text.startsWith('/')) return make('legacy', 'RUN', text);
  return make('unknown', '', text);
}

export function displayCreatedBy(raw: string): string {
  return parseCreatedBy(raw).display;
}
