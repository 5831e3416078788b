// What the RUN rules know about each package tool: which of its options take a value (so the value
// is not mistaken for a package), how its invocations are recognised, and what a pinned package looks like.
import type { OptionSpec, ShellCommand, ShellWord } from '../../shell';
import { Invocation, invocation, isPathLike, isUnknown, isUrl, subIs } from './common';

export const APT_GET: OptionSpec = {
  withValue: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'],
};

export const APK: OptionSpec = {
  withValue: ['-X', '--repository', '-p', '--root', '--keys-dir', '--repositories-file', '-t', '--virtual', '--cache-dir', '--arch', '--cache-max-age'],
};

export const PIP: OptionSpec = {
  withValue: [
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url',
    '--extra-index-url', '-f', '--find-links', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform',
    '--python-version', '--implementation', '--abi', '--trusted-host', '--progress-bar', '--log', '--proxy',
    '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--cache-dir', '--global-option',
    '--install-option', '-C', '--config-settings', '--no-binary', '--only-binary', '--report', '--python',
    '--root-user-action', '--keyring-provider', '--use-feature', '--use-deprecated', '--resume-retries', '--group', '--index',
  ],
};

export const NPM: OptionSpec = {
  withValue: ['--prefix', '--registry', '--cache', '-w', '--workspace', '--tag', '--omit', '--include', '--loglevel', '--userconfig'],
};

export const GEM: OptionSpec = {
  withValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '--build-root'],
};

export const RPM_TOOL: OptionSpec = {
  withValue: ['-c', '--config', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '-x', '--exclude',
    '--setopt', '--repo', '--repoid', '--repofrompath', '-d', '--debuglevel', '-e', '--errorlevel', '--nodocs-x'],
};

export const ZYPPER: OptionSpec = {
  withValue: ['-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir',
    '--solv-cache-dir', '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from'],
};

const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** `pip`, `pip3`, `pip3.12`, or `python3 -m pip`: the words after `pip`, else undefined. */
export function pipWords(cmd: ShellCommand): ShellWord[] | undefined {
  const name = cmd.name ?? '';
  const suffix = (n: string, prefix: string) => n.startsWith(prefix) && [...n.slice(prefix.length)].every((c) => digit(c) || c === '.');
  if (suffix(name, 'pip')) return cmd.argv.slice(1);
  if (!suffix(name, 'python')) return undefined;
  for (let i = 1; i < cmd.argv.length - 1; i++) {
    const v = cmd.argv[i].value;
    if (v === '-m' && cmd.argv[i + 1].value === 'pip') return cmd.argv.slice(i + 2);
    if (v === null || !v.startsWith('-')) return undefined;
  }
  return undefined;
}

/** `pip install …` as an invocation, or undefined. */
export function pipInstall(cmd: ShellCommand): Invocation | undefined {
  const words = pipWords(cmd);
  if (!words) return undefined;
  const inv = invocation(words, PIP);
  return subIs(inv, 'install') ? inv : undefined;
}

/** `apt-get install …` (also `apt-get -y install …`). */
export function aptGetInstall(cmd: ShellCommand): Invocation | undefined {
  if (cmd.name !== 'apt-get') return undefined;
  const inv = invocation(cmd.argv.slice(1), APT_GET);
  return subIs(inv, 'install') ? inv : undefined;
}

/** Packages of an install that name no version; words we cannot read are given the benefit of the doubt. */
export function unpinned(operands: readonly ShellWord[], pinned: (s: string) => boolean): ShellWord[] {
  return operands.filter((w) => !isUnknown(w) && w.value !== null && !pinned(w.value));
}

export function aptPinned(s: string): boolean {
  return s.includes('=') || s.endsWith('.deb') || isPathLike(s);
}

export function apkPinned(s: string): boolean {
  return s.includes('=') || s.includes('~') || s.includes('<') || s.includes('>') || s.endsWith('.apk') || isPathLike(s);
}

/** `name-1.2.3` (a dash followed by a digit after the name), an .rpm file, a path/URL, or an @group/@module. */
export function rpmPinned(s: string): boolean {
  if (s.endsWith('.rpm') || isPathLike(s) || isUrl(s) || s.startsWith('@')) return true;
  for (let i = 1; i < s.length - 1; i++) if (s[i] === '-' && digit(s[i + 1])) return true;
  return s.includes('=') || s.includes('<') || s.includes('>');
}

export function zypperPinned(s: string): boolean {
  return s.includes('=') || s.includes('<') || s.includes('>') || s.endsWith('.rpm') || isPathLike(s) || isUrl(s);
}

/** A version-control URL (`git+https://…`): pinned only by an `@ref` after the repository path. */
function vcsPinned(s: string): boolean | undefined {
  if (!/^(git|hg|svn|bzr)\+/.test(s)) return undefined;
  const path = s.split('#')[0];
  return path.slice(path.lastIndexOf('/') + 1).includes('@');
}

/** A pip requirement with a version specifier, or something that is not an index name at all. */
export function pipPinned(s: string): boolean {
  const vcs = vcsPinned(s);
  if (vcs !== undefined) return vcs;
  if (['==', '>=', '<=', '~=', '!=', '<', '>', '@'].some((op) => s.includes(op))) return true;
  if (isUrl(s) || isPathLike(s)) return true;
  return ['.whl', '.tar.gz', '.zip', '.tar.bz2'].some((ext) => s.endsWith(ext));
}

export function npmPinned(s: string): boolean {
  // A git dependency is pinned by a #commit (or #tag); without one it follows the default branch.
  if (/^(git\+|git:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(s) || /^[A-Za-z0-9_][\w.-]*\/[\w.-]+(#.*)?$/.test(s)) return s.includes('#') && !s.endsWith('#');
  if (isUrl(s) || s.startsWith('file:')) return true;
  if (s.startsWith('.') || s.startsWith('/') || s.startsWith('~')) return true;
  if (s.endsWith('.tgz') || s.endsWith('.tar.gz') || s.endsWith('.tar')) return true;
  const at = s.indexOf('@', 1); // a scoped name (@scope/name) starts with @
  // `user/repo` is a git shorthand, not a registry name.
  if (at < 0) return !s.startsWith('@') && s.includes('/');
  const version = s.slice(at + 1);
  return version !== '' && version !== 'latest' && version !== 'next';
}

/** `name:1.2` pins a gem; so does a .gem file or path. */
export function gemPinned(s: string): boolean {
  return s.includes(':') || s.endsWith('.gem') || isPathLike(s);
}
