// Dockerfile variable substitution as the builders do it for COPY/ADD/WORKDIR/ENV/LABEL/…:
// `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}`; `\$` stays a literal `$`. Unknown names
// expand to ''. RUN bodies are NOT expanded by the builder (the shell does it at run time).

export function expandVars(text: string, vars: ReadonlyMap<string, string>, escape = '\\'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && text[i + 1] === '$') { out += '$'; i++; continue; }
    if (c !== '$') { out += c; continue; }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) { out += text.slice(i); break; }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::([-+])(.*))?$/s.exec(inner);
      if (!m) { out += text.slice(i, close + 1); i = close; continue; }
      const value = vars.get(m[1]);
      if (m[2] === '-') out += value ? value : expandVars(m[3], vars, escape);
      else if (m[2] === '+') out += value ? expandVars(m[3], vars, escape) : '';
      else out += value ?? '';
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) { out += c; continue; }
    out += vars.get(m[0]) ?? '';
    i += m[0].length;
  }
  return out;
}
