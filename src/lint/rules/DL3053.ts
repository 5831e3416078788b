// DL3053: labels the label-schema types as 'rfc3339' must hold an RFC 3339 date-time (2024-05-01T12:00:00Z).
import type { Rule } from '../rule';
import { checkLabelType, LABEL_FORMATS } from '../labels';

const rule: Rule = {
  meta: { code: 'DL3053', level: 'warning', source: 'hadolint', title: "Labels of type 'rfc3339' hold an RFC 3339 date-time (2024-05-01T12:00:00Z)" },
  check(doc, report) {
    checkLabelType(doc, report, 'rfc3339', LABEL_FORMATS.rfc3339, 'an RFC 3339 date-time (2024-05-01T12:00:00Z)');
  },
};
export default rule;
