// BuildKit's `check` directive, from the file (`# check=skip=A,B;error=true;experimental=C`) or from
// the BUILDKIT_DOCKERFILE_CHECK build argument, which replaces the file's directive when given.
// BuildKit looks for it in the leading block of blank lines and comments and reads the first one.
import type { LintDocument } from './document';

export interface CheckDirective {
  /** Names given to `skip=` (as written; `all` is `skipAll`). */
  skip: string[];
  skipAll: boolean;
  error: boolean;
  /** Names given to `experimental=` (`all` included as written): these checks run, even under skip=all. */
  experimental: string[];
}

const DIRECTIVE = /^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;

/** Parses a directive's value (`skip=…;error=…;experimental=…`). */
export function parseCheckValue(value: string): CheckDirective {
  const out: CheckDirective = { skip: [], skipAll: false, error: false, experimental: [] };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const names = part.slice(eq + 1).split(',').map((s) => s.trim()).filter(Boolean);
    if (key === 'skip') {
      for (const n of names) if (n.toLowerCase() === 'all') out.skipAll = true; else out.skip.push(n);
    } else if (key === 'error') {
      out.error = part.slice(eq + 1).trim().toLowerCase() === 'true';
    } else if (key === 'experimental') {
      out.experimental.push(...names);
    }
  }
  return out;
}

/** The directive that applies: the build argument's when given, else the file's first `# check=`. */
export function checkDirectiveOf(doc: LintDocument, buildArgs?: Record<string, string>): CheckDirective | undefined {
  const arg = buildArgs?.BUILDKIT_DOCKERFILE_CHECK;
  if (arg !== undefined) return parseCheckValue(arg);
  if (!/^\uFEFF?\s*#/.test(doc.text)) return undefined;
  for (let n = 0; n < doc.lineCount; n++) {
    const line = doc.lineText(n).replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    const m = DIRECTIVE.exec(line);
    if (m && m[1].toLowerCase() === 'check') return parseCheckValue(m[2]);
  }
  return undefined;
}

/** True when the directive turns on the experimental check `code` (by one of its names, or `all`). */
export function enablesExperimental(d: CheckDirective | undefined, names: string[]): boolean {
  if (!d || d.experimental.length === 0) return false;
  const wanted = new Set(d.experimental.map((n) => n.toLowerCase()));
  return wanted.has('all') || names.some((n) => wanted.has(n.toLowerCase()));
}
