// Tar entry names → image-relative paths, and the overlay whiteout conventions.
import { AnalysisError } from './types';

const whiteoutPrefix = '.wh.';
/** Matches a name that needs normalising: `//`, a leading or trailing `/`, or a `.`/`..` component. */
const cleanCheck = /\/\/|^\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;
const opaqueMarker = '.wh..wh..opq';

/**
 * `./usr//bin/` → `usr/bin`; `/etc/x` → `etc/x` (absolute names are read relative to the root,
 * as tar does); `.` and `./` → '' (the root). A `..` component is rejected: an entry must not
 * reach outside the image root, and resolving it would make the layer mean something else.
 */
export function normalizeEntryPath(name: string, maxLength: number, where: string): string {
  if (name.length > maxLength) {
    throw new AnalysisError('limit', `${where}: entry name longer than ${maxLength} characters (${name.slice(0, 80)}…)`);
  }
  if (name.includes('\0')) throw new AnalysisError('unsafePath', `${where}: entry name contains a NUL byte`);
  // Fast path, the usual case: already clean (no empty, `.` or `..` component, no leading or trailing slash).
  if (name !== '' && !cleanCheck.test(name)) return name;
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      throw new AnalysisError('unsafePath', `${where}: entry '${name}' contains '..' and would point outside the image; refusing to analyse it`);
    }
    parts.push(part);
  }
  return parts.join('/');
}

const whiteoutBytes = [0x2e, 0x77, 0x68, 0x2e]; // '.wh.'

/** Whether the raw name `bytes[start, end)` is a whiteout or another overlay marker (starts with `.wh.`). */
export function isWhiteoutName(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < whiteoutBytes.length) return false;
  for (let k = 0; k < whiteoutBytes.length; k++) if (bytes[start + k] !== whiteoutBytes[k]) return false;
  return true;
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export type WhiteoutInfo =
  | { kind: 'whiteout'; target: string }  // `.wh.name`: delete `name` from the layers below
  | { kind: 'opaque'; dir: string }       // `.wh..wh..opq`: hide everything below `dir` from lower layers
  | { kind: 'meta' }                      // other `.wh..wh.*` (aufs hard-link bookkeeping): not a file
  | undefined;

export function whiteoutOf(path: string): WhiteoutInfo {
  const name = baseName(path);
  if (!name.startsWith(whiteoutPrefix)) return undefined;
  const dir = parentOf(path);
  if (name === opaqueMarker) return { kind: 'opaque', dir };
  if (name.startsWith(whiteoutPrefix + whiteoutPrefix)) return { kind: 'meta' };
  const target = name.slice(whiteoutPrefix.length);
  if (target === '' || target === '.' || target === '..') return { kind: 'meta' };
  return { kind: 'whiteout', target: joinPath(dir, target) };
}
