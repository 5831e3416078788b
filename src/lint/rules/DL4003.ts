// DL4003: several CMD instructions in one stage; all but the last are silently replaced.
import type { Rule } from '../rule';
import { reportOverridden } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL4003', aliases: ['MultipleInstructionsDisallowed'], level: 'warning', source: 'hadolint', title: 'Use only one CMD per stage' },
  check(doc, report) {
    reportOverridden(doc, report, 'CMD');
  },
};
export default rule;
