// Which shell runs shell-form instructions: the defaults (POSIX sh, Windows cmd), the shells that are
// not POSIX, and Windows base images recognised by name or tag.
export const POSIX_DEFAULT = ['/bin/sh', '-c'];
export const WINDOWS_DEFAULT = ['cmd', '/S', '/C'];
const NON_POSIX = /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i;
/** Windows base images, also by a tag or name part: `golang:1.8-windowsservercore`, `node:…-nanoserver-1809`, `x/node-windows`. */
export const WINDOWS_IMAGE = /(^|[/:@._-])(windows|nanoserver|servercore|windowsservercore)([/:@._-]|$)/i;

/** True when `shell[0]` names a non-POSIX shell. */
export function isPosixShell(shell: string[]): boolean {
  return shell.length === 0 || !NON_POSIX.test(shell[0]);
}
