// DL3049: with a label-schema configured, every stage must carry every label it lists (its own or inherited).
import type { Rule } from '../rule';
import { headRange } from '../rule';
import { chainLabels } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3049', level: 'info', source: 'hadolint', title: 'Labels required by label-schema are present' },
  check(doc, report) {
    const required = Object.keys(doc.config.labelSchema);
    if (!required.length) return;
    // Per stage, as hadolint does: a stage built FROM another one inherits its labels.
    for (const s of doc.stages) {
      const have = new Set(chainLabels(s).map((l) => l.key));
      for (const key of required) {
        if (!have.has(key)) report(headRange(doc, s.from), `This stage has no label '${key}', which the configured label-schema requires.`);
      }
    }
  },
};
export default rule;
