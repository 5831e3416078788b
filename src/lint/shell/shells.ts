// What we know about the shells a RUN may run under: which are POSIX-like (and so parsed here),
// which dialect ShellCheck should assume, and whether `-o pipefail` is on.
import { parseArgs } from './args';
import { ShellWord } from './model';

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh']);

export type Dialect = 'sh' | 'bash' | 'dash' | 'ksh' | 'zsh';

export interface ShellInfo {
  /** False for PowerShell, cmd and anything we do not know: such RUN bodies are not read as POSIX. */
  posix: boolean;
  dialect: Dialect;
  pipefail: boolean;
}

/** The builder's default SHELL on Linux. */
export const DEFAULT_SHELL = ['/bin/sh', '-c'];

function base(p: string): string {
  const b = p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase();
  return b.endsWith('.exe') ? b.slice(0, -4) : b;
}

/** Reads a SHELL instruction's exec array (e.g. ["/bin/bash", "-o", "pipefail", "-c"]). */
export function shellInfo(argv: readonly string[]): ShellInfo {
  let i = 0;
  // `env [-opts] bash ...` and `busybox sh ...` name the real shell in a later word.
  if (base(argv[i] ?? '') === 'env') for (i++; i < argv.length && (argv[i].startsWith('-') || argv[i].includes('=')); i++);
  const busybox = base(argv[i] ?? '') === 'busybox'; // busybox sh is ash
  if (busybox) i++;
  const name = base(argv[i] ?? '');
  if (!POSIX_SHELLS.has(name)) return { posix: false, dialect: 'sh', pipefail: false };
  const dialect: Dialect = name === 'bash' || name === 'dash' || name === 'zsh' ? name : name === 'ksh' || name === 'mksh' ? 'ksh' : 'sh';
  // Plain sh (dash on Debian) has no pipefail option to rely on: only shells that have one count.
  const hasPipefail = busybox || (name !== 'sh' && name !== 'dash');
  return { posix: true, dialect, pipefail: hasPipefail && setsPipefail(argv.slice(i + 1)) };
}

const SHELL_OPTIONS = { withValue: ['-o', '+o'], stopAtOperand: true, plusOptions: true };

function words(values: readonly string[]): ShellWord[] {
  return values.map((value, i) => ({ value, shape: value, start: i, end: i }));
}

/** True when shell options (before the script) turn on `-o pipefail` (and no later `+o` turns it off). */
export function setsPipefail(opts: readonly string[]): boolean {
  let on = false;
  for (const o of parseArgs(words(opts), SHELL_OPTIONS).options) {
    if (o.value === 'pipefail') on = o.name === '-o';
  }
  return on;
}

/** Index in argv of the script a shell runs with `-c` (`bash -ec 'script'`), if this is such a call. */
export function shellScriptArg(name: string, argv: readonly ShellWord[]): number | undefined {
  if (!POSIX_SHELLS.has(name)) return undefined;
  const args = parseArgs(argv.slice(1), SHELL_OPTIONS);
  const script = args.operands[0];
  if (!args.has('-c') || !script || script.value === null) return undefined;
  return argv.indexOf(script);
}

/** Commands that run another command given in their arguments, with the options that take a value. */
const WRAPPERS: Record<string, string[]> = {
  sudo: ['-u', '-g', '-C', '-h', '-p', '-D', '-r', '-t', '-T', '-U', '--user', '--group', '--prompt', '--chdir'],
  env: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'],
  nice: ['-n', '--adjustment'],
  nohup: [],
  time: ['-f', '-o', '--format', '--output'],
  exec: ['-a'],
  xargs: ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--replace'],
};

/**
 * Where the wrapped command starts in a wrapper's argv (`sudo -u app pip install x` → 3), and the
 * `VAR=value` words `env` puts in its environment. Wrapper options end at the first operand.
 */
export function wrappedCommand(name: string, argv: readonly ShellWord[]): { start: number; assigns: ShellWord[] } | undefined {
  const takesValue = WRAPPERS[name];
  if (!takesValue) return undefined;
  const operands = parseArgs(argv.slice(1), { withValue: takesValue, stopAtOperand: true }).operands;
  // `env A=1 B=2 cmd`: the assignments come first.
  let k = 0;
  while (name === 'env' && k < operands.length && operands[k].value?.includes('=')) k++;
  const first = operands[k];
  if (!first || first.value === null) return undefined;
  return { start: argv.indexOf(first), assigns: operands.slice(0, k) };
}
