// DL3033: yum install without versions installs whatever the repositories hold at build time.
import type { Rule } from '../../rule';
import { checkPinned } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3033', level: 'warning', source: 'hadolint', title: 'Pin versions in yum install' },
  check(doc, report) { checkPinned(doc, report, 'yum'); },
};
export default rule;
