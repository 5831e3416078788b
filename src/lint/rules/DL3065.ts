// DL3065 / RedundantTargetPlatform: FROM already builds for $TARGETPLATFORM by default.
import type { Rule } from '../rule';

const rule: Rule = {
  meta: { code: 'DL3065', aliases: ['RedundantTargetPlatform'], level: 'info', source: 'hadolint', title: 'FROM --platform=$TARGETPLATFORM is the default' },
  check(doc, report) {
    for (const s of doc.stages) {
      const v = s.platform?.getValue();
      if (s.platform && v && /^\$(TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(v.trim())) {
        report(s.platform.getRange(), '--platform=$TARGETPLATFORM changes nothing: stages are built for the target platform by default. Remove the flag.',
          { tags: ['unnecessary'] });
      }
    }
  },
};
export default rule;
