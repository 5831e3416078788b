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

const SLASH = 0x2f;
const DOT = 0x2e;
const whiteoutBytes = [0x2e, 0x77, 0x68, 0x2e]; // '.wh.'

/**
 * Whether the raw name bytes `bytes[0, length)` can go to the trie as they are: at most `maxLength`
 * bytes, no NUL, no empty, `.` or `..` name, no slash at either end, and a last name that is not a
 * whiteout. One pass over the bytes, no string; any other name takes `normalizeEntryPath` and `whiteoutOf`.
 */
export function isPlainEntryName(bytes: Uint8Array, length: number, maxLength: number): boolean {
  if (length === 0 || length > maxLength || bytes[length - 1] === SLASH) return false;
  let start = 0;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    if (c === 0) return false;
    if (c !== SLASH) continue;
    if (isDotName(bytes, start, i)) return false;
    start = i + 1;
  }
  if (isDotName(bytes, start, length)) return false;
  if (length - start < whiteoutBytes.length) return true;
  for (let k = 0; k < whiteoutBytes.length; k++) if (bytes[start + k] !== whiteoutBytes[k]) return true;
  return false;
}

/** Whether `bytes[start, end)` is '', '.' or '..'. */
function isDotName(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  return n === 0 || (bytes[start] === DOT && (n === 1 || (n === 2 && bytes[start + 1] === DOT)));
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
