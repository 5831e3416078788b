// DL3023: COPY --from the stage being built cannot work.
import type { Rule } from '../rule';
import { flagValue } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3023', level: 'error', source: 'hadolint', title: 'COPY --from cannot refer to its own stage' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' || !ins.stage) continue;
      const from = flagValue(ins, 'from');
      if (!from) continue;
      const self = ins.stage;
      // Without a FROM there is no stage 0 to copy from (DL3022 says so).
      if ((self.name && self.name.toLowerCase() === from.toLowerCase()) || (from === String(self.index) && !self.implicit)) {
        const f = ins.flags.find((x) => x.getName().toLowerCase() === 'from')!;
        report(f.getRange(), `--from=${from} is the stage this COPY is part of: a stage cannot copy from itself.`);
      }
    }
  },
};
export default rule;
