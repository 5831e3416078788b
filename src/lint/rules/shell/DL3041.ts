// DL3041: dnf install without versions installs whatever the repositories hold at build time.
import type { Rule } from '../../rule';
import { checkPinned } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3041', level: 'warning', source: 'hadolint', title: 'Pin versions in dnf install' },
  check(doc, report) { checkPinned(doc, report, 'dnf', 'microdnf'); },
};
export default rule;
