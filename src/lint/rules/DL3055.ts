// DL3055: labels the label-schema types as 'hash' must hold a git commit hash.
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3055', level: 'warning', source: 'hadolint', title: "Labels of type 'hash' hold a git commit hash" },
  check(doc, report) {
    checkLabelType(doc, report, 'hash', LABEL_FORMATS.hash, 'a git commit hash');
  },
};
export default rule;
