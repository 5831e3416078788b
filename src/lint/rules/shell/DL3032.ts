// DL3032: yum keeps downloaded packages and metadata under /var/cache/yum.
import type { Rule } from '../../rule';
import { checkCleaned } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3032', level: 'warning', source: 'hadolint', title: 'Run yum clean all after yum install' },
  check(doc, report) { checkCleaned(doc, report, ['yum'], ['/var/cache/yum']); },
};
export default rule;
