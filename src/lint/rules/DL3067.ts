// DL3067: COPY --from=<stage> / / lays a whole filesystem (OS, caches, build tools) over this image's
// root. Copying it into a subdirectory (a rootfs for later use) is a different, deliberate thing.
import type { Rule } from '../rule';
import { copyParts, flagValue } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3067', level: 'warning', source: 'hadolint', title: 'Do not copy an entire filesystem from another stage' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' || !flagValue(ins, 'from')) continue;
      const parts = copyParts(ins);
      const isRoot = (v: string) => /^\/+\.?\/*$/.test(v);
      const root = parts && isRoot(parts.dest.value) ? parts.sources.find((s) => isRoot(s.value)) : undefined;
      if (root) report(root.range, `This copies the entire filesystem of '${flagValue(ins, 'from')}'. Copy only the paths you need, or build FROM that stage.`);
    }
  },
};
export default rule;
