// DL3051: a label the label-schema asks for must not be empty.
import type { Rule } from '../rule';
import { stageLabels } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3051', level: 'warning', source: 'hadolint', title: 'Labels in label-schema are not empty' },
  check(doc, report) {
    const schema = doc.config.labelSchema;
    if (!Object.keys(schema).length) return;
    for (const s of doc.stages) {
      for (const l of stageLabels(s)) {
        if (l.key in schema && l.value.trim() === '') report(l.valueRange ?? l.keyRange, `Label '${l.key}' is empty.`);
      }
    }
  },
};
export default rule;
