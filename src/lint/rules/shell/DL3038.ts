// DL3038: dnf and microdnf install ask for confirmation unless told yes (hadolint checks both).
import type { Rule } from '../../rule';
import { checkAssumeYes } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3038', level: 'warning', source: 'hadolint', title: 'Use -y with dnf install' },
  check(doc, report) { checkAssumeYes(doc, report, 'dnf', 'microdnf'); },
};
export default rule;
