// DL3021: COPY of several sources needs a directory destination ending in `/`.
import type { Rule } from '../rule';
import { copyParts, hasVariable } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3021', level: 'error', source: 'hadolint', title: 'COPY with several sources needs a destination ending in /' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'COPY') continue;
      const parts = copyParts(ins);
      if (!parts || parts.sources.length < 2) continue;
      const dest = parts.dest.value;
      if (dest.endsWith('/') || dest.endsWith('\\') || hasVariable(dest)) continue;
      report(parts.dest.range, `COPY has ${parts.sources.length} sources, so the destination '${dest}' must be a directory: end it with '/'.`);
    }
  },
};
export default rule;
