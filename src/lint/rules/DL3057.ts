// DL3057: an image without HEALTHCHECK gives the orchestrator no way to tell a hung service from a
// healthy one. Off unless a level is set for it, as in hadolint. Checked for every stage no later
// FROM builds on (each is an image someone may run); HEALTHCHECK NONE counts as a decision.
import type { Rule } from '../rule';
import { headRange } from '../rule';
import { stageChain } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3057', level: 'info', source: 'hadolint', title: 'The image has no HEALTHCHECK', offByDefault: true },
  check(doc, report) {
    const parents = new Set(doc.stages.map((s) => s.parent));
    for (const s of doc.stages) {
      if (parents.has(s)) continue;
      if (stageChain(s.from).some((p) => p?.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) continue;
      report(headRange(doc, s.from), 'This image has no HEALTHCHECK: add one (or HEALTHCHECK NONE to say it is deliberate).');
    }
  },
};
export default rule;
