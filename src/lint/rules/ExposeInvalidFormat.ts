// ExposeInvalidFormat: EXPOSE documents a container port; host IPs and host:container mappings
// belong to `docker run -p`, not to the image.
import type { Rule } from '../rule';
import { hasVariable } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'ExposeInvalidFormat', level: 'warning', source: 'buildkit', title: 'EXPOSE takes a port (and protocol), not an IP or host mapping' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const v = a.getValue();
        if (!v.includes(':') || hasVariable(v)) continue;
        report(a.getRange(), `'${v}' includes an IP address or a host port. EXPOSE only takes the container port, e.g. EXPOSE ${v.split('/')[0].split(':').pop()}; publish with docker run -p.`);
      }
    }
  },
};
export default rule;
