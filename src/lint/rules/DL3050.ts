// DL3050: with strict-labels, labels outside the label-schema are reported (keeps metadata curated).
import type { Rule } from '../rule';
import { stageLabels } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3050', level: 'info', source: 'hadolint', title: 'No labels outside label-schema (strict-labels)' },
  check(doc, report) {
    const schema = doc.config.labelSchema;
    if (!doc.config.strictLabels || !Object.keys(schema).length) return;
    for (const s of doc.stages) {
      for (const l of stageLabels(s)) {
        if (!(l.key in schema)) report(l.keyRange, `Label '${l.key}' is not in the configured label-schema (strict-labels is on).`);
      }
    }
  },
};
export default rule;
