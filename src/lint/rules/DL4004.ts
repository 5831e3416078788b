// DL4004: several ENTRYPOINT instructions in one stage; all but the last are silently replaced.
import type { Rule } from '../rule';
import { reportOverridden } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL4004', aliases: ['MultipleInstructionsDisallowed'], level: 'error', source: 'hadolint', title: 'Use only one ENTRYPOINT per stage' },
  check(doc, report) {
    reportOverridden(doc, report, 'ENTRYPOINT');
  },
};
export default rule;
