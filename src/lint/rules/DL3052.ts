// DL3052: labels the label-schema types as 'url' must hold a URL.
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3052', level: 'warning', source: 'hadolint', title: "Labels of type 'url' hold a URL" },
  check(doc, report) {
    checkLabelType(doc, report, 'url', LABEL_FORMATS.url, 'a URL');
  },
};
export default rule;
