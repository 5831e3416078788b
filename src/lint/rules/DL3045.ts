// DL3045: a relative COPY destination lands wherever the base image's WORKDIR is.
import type { Rule } from '../rule';
import { copyParts, hasVariable, isAbsolutePath, stageChain } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3045', level: 'warning', source: 'hadolint', title: 'Set WORKDIR before COPY to a relative destination' },
  check(doc, report) {
    for (const s of doc.stages) {
      let workdir = stageChain(s.from).slice(0, -1).some((p) => p?.instructions.some((i) => i.keyword === 'WORKDIR'));
      for (const ins of s.instructions) {
        if (ins.keyword === 'WORKDIR') { workdir = true; continue; }
        if (ins.keyword !== 'COPY' || workdir) continue;
        const parts = copyParts(ins);
        // The raw text too: the parser reads `\` as an escape, so `c:\dir` arrives as `c:dir`.
        if (!parts || isAbsolutePath(parts.dest.value) || isAbsolutePath(doc.textOf(parts.dest.range)) || hasVariable(parts.dest.value)) continue;
        report(parts.dest.range, `Destination '${parts.dest.value}' is relative and this stage sets no WORKDIR, so it depends on the base image. Set WORKDIR first or use an absolute path.`);
      }
    }
  },
};
export default rule;
