// DL3011: EXPOSE of a port number outside 0-65535 cannot work.
import type { Rule } from '../rule';
import { hasVariable } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3011', level: 'error', source: 'hadolint', title: 'Exposed ports must be within 0-65535' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const v = a.getValue();
        if (hasVariable(v)) continue;
        const ports = v.split('/')[0].split(':').pop()!.split('-');
        if (ports.some((p) => /^\d+$/.test(p) && Number(p) > 65535)) {
          report(a.getRange(), `Port '${v}' is out of range: ports go from 0 to 65535.`);
        }
      }
    }
  },
};
export default rule;
