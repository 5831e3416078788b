// DL3054: labels the label-schema types as 'spdx' must hold an SPDX license expression (MIT, Apache-2.0 OR MIT).
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3054', level: 'warning', source: 'hadolint', title: "Labels of type 'spdx' hold an SPDX license expression (MIT, Apache-2.0 OR MIT)" },
  check(doc, report) {
    checkLabelType(doc, report, 'spdx', LABEL_FORMATS.spdx, 'an SPDX license expression (MIT, Apache-2.0 OR MIT)');
  },
};
export default rule;
