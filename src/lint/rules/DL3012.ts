// DL3012: several HEALTHCHECK instructions in one stage; all but the last are silently replaced.
import type { Rule } from '../rule';
import { reportOverridden } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3012', aliases: ['MultipleInstructionsDisallowed'], level: 'error', source: 'hadolint', title: 'Use only one HEALTHCHECK per stage' },
  check(doc, report) {
    reportOverridden(doc, report, 'HEALTHCHECK');
  },
};
export default rule;
