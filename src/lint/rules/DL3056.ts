// DL3056: labels the label-schema types as 'semver' must hold a semantic version (1.2.3).
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3056', level: 'warning', source: 'hadolint', title: "Labels of type 'semver' hold a semantic version (1.2.3)" },
  check(doc, report) {
    checkLabelType(doc, report, 'semver', LABEL_FORMATS.semver, 'a semantic version (1.2.3)');
  },
};
export default rule;
