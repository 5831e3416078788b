// .dockerignore semantics (what the builder leaves out of the context), pure:
//   - one pattern per line; `#` lines and blank lines are ignored; surrounding spaces trimmed;
//   - paths are relative to the context root: a leading `/` or `./` means the same as none;
//   - `*` matches within one path segment, `?` one character, `[a-z]`/`[^a-z]` a class, `\` escapes,
//     `**` any number of segments (`**/x` also matches `x` at the top);
//   - a pattern that matches a directory excludes everything under it;
//   - `!pattern` re-includes; the LAST pattern that matches a path decides.

export interface IgnorePattern { source: string; exclusion: boolean; re: RegExp; }

/** Parses .dockerignore text into ordered patterns. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    let exclusion = false;
    if (line.startsWith('!')) { exclusion = true; line = line.slice(1).trim(); }
    const cleaned = cleanPath(line);
    if (!cleaned) continue;
    out.push({ source: rawLine, exclusion, re: compile(cleaned) });
  }
  return out;
}

/** Normalises a context-relative path: drops `./`, leading `/`, duplicate and trailing slashes, resolves `..`. */
export function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { parts.pop(); continue; }
    parts.push(seg);
  }
  return parts.join('/');
}

function compile(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) { re += '\\['; continue; }
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      re += escapeRe(pattern[i]);
    } else {
      re += escapeRe(c);
    }
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return new RegExp(`^${escapeRe(pattern)}$`);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** True when the builder would leave `path` (context-relative) out of the context. */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  // The context root itself is `.` (BuildKit cleans the path the same way): `*` leaves it out too.
  const p = cleanPath(path) || '.';
  const segs = p.split('/');
  let ignored = false;
  for (const pat of patterns) {
    // The pattern applies if it matches the path itself or any of its parent directories.
    let hit = pat.re.test(p);
    for (let n = 1; !hit && n < segs.length; n++) hit = pat.re.test(segs.slice(0, n).join('/'));
    if (hit) ignored = !pat.exclusion;
  }
  return ignored;
}
