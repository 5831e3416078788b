// CopyIgnoredFile (BuildKit, experimental: off by default, on with `# check=experimental=CopyIgnoredFile`
// or a level in `override`): COPY/ADD of a path that .dockerignore leaves out of the context fails at build
// time. Reads `<Dockerfile>.dockerignore` or `.dockerignore` beside the Dockerfile via options.readFile.
import { isIgnored, parseDockerignore } from '../dockerignore';
import type { LintDocument } from '../document';
import type { Rule } from '../rule';
import { copyParts, flagValue, hasVariable, isUrl } from '../ruleKit';

function ignoreText(doc: LintDocument): string | undefined {
  if (!doc.readFile) return undefined;
  const base = doc.fileName.split(/[\\/]/).pop() || 'Dockerfile';
  try {
    return doc.readFile(`${base}.dockerignore`) ?? doc.readFile('.dockerignore');
  } catch {
    return undefined;
  }
}

const rule: Rule = {
  meta: { code: 'CopyIgnoredFile', level: 'warning', source: 'buildkit', offByDefault: true, title: 'Do not COPY files that .dockerignore excludes' },
  check(doc, report) {
    const copies = doc.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && flagValue(i, 'from') === null);
    if (copies.length === 0) return;
    const text = ignoreText(doc);
    if (!text) return;
    const patterns = parseDockerignore(text);
    // With `!` exclusions a directory may be left out while a file inside it is kept: BuildKit does
    // not guess, and neither do we.
    if (patterns.some((p) => p.exclusion)) return;
    for (const ins of copies) {
      for (const src of copyParts(ins)?.sources ?? []) {
        const v = src.value;
        if (isUrl(v) || hasVariable(v) || /[*?[]/.test(v)) continue;
        if (isIgnored(patterns, v)) report(src.range, `'${v}' is excluded by .dockerignore, so it is not in the build context and this ${ins.keyword} will fail.`);
      }
    }
  },
};
export default rule;
