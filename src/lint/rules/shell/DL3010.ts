// DL3010: COPY an archive and then `tar -x` it in a RUN keeps the archive in one layer and its files
// in another; ADD extracts a local archive in one step.
import type { LintDocument, LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import { copyParts, flagValue } from '../../ruleKit';
import { parseArgs, ShellWord } from '../../shell';
import type { Range } from '../../types';
import { runsOf } from './common';

const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz|tbz2|tb2|txz|tlz|tZ|tzst)$/i;
const TAR = { withValue: ['-f', '--file', '-C', '--directory'] };

/** The last path component, for `/` and Windows `\` separators alike. */
function baseName(p: string): string {
  const v = p.replace(/^["']|["']$/g, '');
  return v.slice(Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\')) + 1);
}

/** Names of the archives a `tar` command extracts (-x/--extract/--get, or the old `tar xzf f` form). */
function extracted(words: ShellWord[]): string[] {
  const args = parseArgs(words, TAR);
  const first = words[0]?.value ?? '';
  const oldStyle = /^[A-Za-z]*x[A-Za-z]*$/.test(first);
  if (!oldStyle && !args.has('-x', '--extract', '--get')) return [];
  const files = args.values('-f', '--file').flatMap((v) => (v ? [v] : []));
  return [...files, ...args.literalOperands().slice(oldStyle ? 1 : 0)].map(baseName);
}

const rule: Rule = {
  meta: { code: 'DL3010', level: 'info', source: 'hadolint', title: 'Use ADD to extract a local archive' },
  check(doc, report) {
    const runs = new Map(runsOf(doc).map((r) => [r.ins, r.run]));
    let copied = new Map<string, Range>();
    const reported = new Set<Range>();
    for (const ins of doc.withTriggers()) {
      if (ins.keyword === 'FROM') { copied = new Map(); continue; }
      if (ins.keyword === 'COPY') { remember(doc, ins, copied); continue; }
      const run = ins.keyword === 'RUN' ? runs.get(ins) : undefined;
      if (!run || copied.size === 0) continue;
      for (const cmd of run.commands) {
        if (cmd.name !== 'tar') continue;
        for (const name of extracted(cmd.argv.slice(1))) {
          const at = copied.get(name);
          if (!at || reported.has(at)) continue;
          reported.add(at);
          report(at, `This archive is extracted by the RUN on line ${ins.range.start.line + 1}: ADD extracts a local archive in one step, without keeping the archive in a layer.`);
        }
      }
    }
  },
};

/**
 * Archives a local COPY brings in, by the names a later `tar` may use (source's or destination's).
 * Each path is read as processed and as written, so `build\app.tar` (Windows separators, which the
 * default escape character would swallow) is also known as `app.tar`.
 */
function remember(doc: LintDocument, ins: LintInstruction, copied: Map<string, Range>): void {
  if (flagValue(ins, 'from')) return;
  const parts = copyParts(ins);
  if (!parts) return;
  const names = (p: { value: string; range: Range }) => (ins.execForm ? [p.value] : [p.value, doc.textOf(p.range)]).filter((v) => ARCHIVE.test(v.replace(/["']$/, '')));
  const destNames = names(parts.dest);
  for (const src of parts.sources) {
    const srcNames = names(src);
    if (srcNames.length === 0) continue;
    for (const n of [...srcNames, ...destNames]) copied.set(baseName(n), src.range);
  }
}
export default rule;
