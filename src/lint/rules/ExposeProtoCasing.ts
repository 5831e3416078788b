// ExposeProtoCasing: EXPOSE protocols are lowercase (`80/tcp`, not `80/TCP`).
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'ExposeProtoCasing', level: 'warning', source: 'buildkit', title: 'EXPOSE protocols should be lowercase' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const v = a.getValue();
        const slash = v.lastIndexOf('/');
        if (slash < 0) continue;
        const proto = v.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        const r = a.getRange();
        const protoRange = { start: { line: r.end.line, character: r.end.character - proto.length }, end: r.end };
        const sameLine = r.start.line === r.end.line;
        report(r, `Protocol '${proto}' should be lowercase: '${proto.toLowerCase()}'.`, sameLine
          ? { fixes: [{ title: `Change to '${proto.toLowerCase()}'`, preferred: true, edits: [{ range: protoRange, newText: proto.toLowerCase() }] }] }
          : undefined);
      }
    }
  },
};
export default rule;
