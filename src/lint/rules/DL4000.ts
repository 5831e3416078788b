// DL4000 / MaintainerDeprecated: MAINTAINER is deprecated; the OCI authors label says the same thing.
import { joinContinuations } from '../document';
import type { Rule } from '../rule';
import { argsRange } from '../ruleKit';

/** Quotes a value as a Dockerfile double-quoted string: the escape character, `"` and `$` escaped. */
export function dockerQuote(v: string, escape = '\\'): string {
  const special = new Set([escape, '"', '$']);
  return `"${[...v].map((c) => (special.has(c) ? escape + c : c)).join('')}"`;
}

const rule: Rule = {
  meta: { code: 'DL4000', aliases: ['MaintainerDeprecated'], level: 'error', source: 'hadolint', title: 'MAINTAINER is deprecated' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      const fixes = [];
      if (ins.args.length) {
        const who = joinContinuations(doc.textOf(argsRange(ins)), doc.escape).replace(/\s+/g, ' ').trim();
        fixes.push({
          title: 'Replace with LABEL org.opencontainers.image.authors', preferred: true,
          edits: [{ range: ins.range, newText: `LABEL org.opencontainers.image.authors=${dockerQuote(who, doc.escape)}` }],
        });
      }
      report(ins.keywordRange, 'MAINTAINER is deprecated: record the author with LABEL org.opencontainers.image.authors="..." instead.',
        { fixes, tags: ['deprecated'] });
    }
  },
};
export default rule;
