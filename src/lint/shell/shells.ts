// What we know about the shells a RUN may run under: which are POSIX-like (and so parsed here),
// which dialect ShellCheck should assume, and whether `-o pipefail` is on.
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
  if (base(argv[i] ?? '') === 'busybox') i++;
  const name = base(argv[i] ?? '');
  if (!POSIX_SHELLS.has(name)) return { posix: false, dialect: 'sh', pipefail: false };
  const dialect: Dialect = name === 'bash' || name === 'dash' || name === 'zsh' ? name : name === 'ksh' || name === 'mksh' ? 'ksh' : 'sh';
  return { posix: true, dialect, pipefail: setsPipefail(argv.slice(i + 1)) };
}

/** True when shell options (before the script) include `-o pipefail`. */
export function setsPipefail(opts: readonly string[]): boolean {
  for (let k = 0; k < opts.length; k++) {
    const o = opts[k];
    if (o === '--' || !(o.startsWith('-') || o.startsWith('+')) || o.startsWith('--')) return false;
    if (o.endsWith('o')) {
      if (opts[k + 1] === 'pipefail') return o.startsWith('-');
      k++;
    }
  }
  return false;
}

/** Index in argv of the script a shell runs with `-c` (`bash -ec 'script'`), if this is such a call. */
export function shellScriptArg(name: string, argv: readonly ShellWord[]): number | undefined {
  if (!POSIX_SHELLS.has(name)) return undefined;
  let sawC = false;
  for (let i = 1; i < argv.length; i++) {
    const s = argv[i].value;
    if (s === null) return sawC ? i : undefined;
    if (s === '--' || s === '-') continue;
    if ((s.startsWith('-') || s.startsWith('+')) && !s.startsWith('--')) {
      if (s.includes('c')) sawC = true;
      if (s.endsWith('o')) i++;
      continue;
    }
    if (s.startsWith('--')) continue;
    return sawC ? i : undefined;
  }
  return undefined;
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
  const assigns: ShellWord[] = [];
  for (let i = 1; i < argv.length; i++) {
    const s = argv[i].value;
    if (s === null) return undefined;
    if (s === '--') return i + 1 < argv.length ? { start: i + 1, assigns } : undefined;
    if (s.startsWith('-') && s.length > 1) {
      if (takesValue.includes(s)) i++;
      continue;
    }
    if (name === 'env' && s.includes('=')) {
      assigns.push(argv[i]);
      continue;
    }
    return { start: i, assigns };
  }
  return undefined;
}
