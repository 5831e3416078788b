// DL3010: COPY an archive and then `tar -x` it in a RUN keeps the archive in one layer and its files
// in another; ADD extracts a local archive in one step.
import type { LintInstruction } from '../../document';
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
      if (ins.keyword === 'COPY') { remember(ins, copied); continue; }
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

/** Archives a local COPY brings in, by the names a later `tar` may use (source's or destination's). */
function remember(ins: LintInstruction, copied: Map<string, Range>): void {
  if (flagValue(ins, 'from')) return;
  const parts = copyParts(ins);
  if (!parts) return;
  for (const src of parts.sources) {
    if (!ARCHIVE.test(src.value)) continue;
    copied.set(baseName(src.value), src.range);
    if (ARCHIVE.test(parts.dest.value)) copied.set(baseName(parts.dest.value), src.range);
  }
}
export default rule;
