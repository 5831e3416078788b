// DL3063 / ReservedStageName: `scratch` and `context` already mean something to the builder.
import type { Rule } from '../rule';

const RESERVED = new Set(['scratch', 'context']);

const rule: Rule = {
  meta: { code: 'DL3063', aliases: ['ReservedStageName'], level: 'error', source: 'hadolint', title: 'Do not use a reserved word as a stage name' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (s.name && s.nameRange && RESERVED.has(s.name.toLowerCase())) {
        report(s.nameRange, `'${s.name}' is reserved by the builder and cannot name a stage. Pick another name.`);
      }
    }
  },
};
export default rule;
