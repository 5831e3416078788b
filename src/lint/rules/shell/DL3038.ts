// DL3038: dnf install asks for confirmation unless told yes. (microdnf never asks, so it is not checked.)
import type { Rule } from '../../rule';
import { checkAssumeYes } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3038', level: 'warning', source: 'hadolint', title: 'Use -y with dnf install' },
  check(doc, report) { checkAssumeYes(doc, report, 'dnf'); },
};
export default rule;
