// DL3049: with a label-schema configured, the final image must carry every label it lists.
import type { Rule } from '../rule';
import { headRange } from '../rule';
import { finalImageLabels } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3049', level: 'info', source: 'hadolint', title: 'Labels required by label-schema are present' },
  check(doc, report) {
    const required = Object.keys(doc.config.labelSchema);
    const final = doc.stages[doc.stages.length - 1];
    if (!required.length || !final) return;
    const have = new Set(finalImageLabels(doc).map((l) => l.key));
    for (const key of required) {
      if (!have.has(key)) report(headRange(doc, final.from), `The image has no label '${key}', which the configured label-schema requires.`);
    }
  },
};
export default rule;
