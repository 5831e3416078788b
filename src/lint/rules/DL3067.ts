// DL3067: COPY --from=<stage> / copies a whole filesystem (OS, caches, build tools) into this image.
import type { Rule } from '../rule';
import { copyParts, flagValue } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3067', level: 'warning', source: 'hadolint', title: 'Do not copy an entire filesystem from another stage' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' || !flagValue(ins, 'from')) continue;
      const parts = copyParts(ins);
      const root = parts?.sources.find((s) => /^\/+\.?\/*$/.test(s.value));
      if (root) report(root.range, `This copies the entire filesystem of '${flagValue(ins, 'from')}'. Copy only the paths you need, or build FROM that stage.`);
    }
  },
};
export default rule;
