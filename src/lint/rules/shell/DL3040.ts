// DL3040: dnf and microdnf keep downloaded packages and metadata under /var/cache.
import type { Rule } from '../../rule';
import { checkCleaned } from './rpm';

const rule: Rule = {
  meta: { code: 'DL3040', level: 'warning', source: 'hadolint', title: 'Run dnf clean all after dnf install' },
  check(doc, report) { checkCleaned(doc, report, ['dnf', 'microdnf'], ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5']); },
};
export default rule;
