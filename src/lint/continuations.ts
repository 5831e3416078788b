// Dockerfile line continuations: joined away, or blanked out without changing offsets so a shell
// parser can read the script in place; and exec-form JSON arrays.
/** Removes escape+newline continuations and the comment/empty lines Docker skips inside them. */
export function joinContinuations(raw: string, escape: string): string {
  return neutraliseContinuations(raw, escape).replace(/\\\r?\n/g, '');
}

/** See LintDocument.shellSource: blank Dockerfile-only syntax without changing length. */
export function neutraliseContinuations(raw: string, escape: string): string {
  // Most instructions fit on one line: nothing to neutralise without a line break.
  if (raw.indexOf('\n') < 0) return raw;
  const out = raw.split('');
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === escape) {
      let j = i + 1;
      while (j < raw.length && (raw[j] === ' ' || raw[j] === '\t')) j++;
      if (raw[j] === '\r') j++;
      if (j < raw.length && raw[j] === '\n') {
        // escape [spaces] newline: a continuation; sh wants `\` right before the newline.
        for (let k = i; k < j; k++) out[k] = ' ';
        out[j - 1] = '\\';
        let k = j + 1;
        // skip following comment lines and empty lines that Docker drops inside continuations
        for (;;) {
          let e = k;
          while (e < raw.length && (raw[e] === ' ' || raw[e] === '\t')) e++;
          if (e < raw.length && (raw[e] === '#' || raw[e] === '\n' || raw[e] === '\r')) {
            let nl = raw.indexOf('\n', e);
            if (nl < 0) nl = raw.length - 1;
            for (let m = k; m <= nl; m++) out[m] = ' ';
            k = nl + 1;
            if (k >= raw.length) break;
          } else break;
        }
        i = k;
        continue;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return out.join('');
}

export function parseJsonArray(s: string): string[] | null {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}
