// DL3030: yum install asks for confirmation unless told yes.
import type { Rule } from '../../rule';
import { checkAssumeYes } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3030', level: 'warning', source: 'hadolint', title: 'Use -y with yum install' },
  check(doc, report) { checkAssumeYes(doc, report, 'yum'); },
};
export default rule;
