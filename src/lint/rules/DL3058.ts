// DL3058: labels the label-schema types as 'email' must hold an e-mail address.
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3058', level: 'warning', source: 'hadolint', title: "Labels of type 'email' hold an e-mail address" },
  check(doc, report) {
    checkLabelType(doc, report, 'email', LABEL_FORMATS.email, 'an e-mail address');
  },
};
export default rule;
