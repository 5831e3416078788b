// DL3006: FROM without a tag or digest takes whatever `latest` is on the day of the build.
import type { Rule } from '../rule';
import { hasVariable, parseImageRef } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3006', level: 'warning', source: 'hadolint', title: 'Tag the image in FROM explicitly' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (!s.image || !s.imageRange || hasVariable(s.image)) continue;
      if (s.image.toLowerCase() === 'scratch' || doc.stageByRef(s.image, s.index)) continue;
      const ref = parseImageRef(s.image);
      if (ref.tag === null && ref.digest === null) {
        report(s.imageRange, `'${s.image}' has no tag or digest, so each build may get a different image. Pin a version tag (or a digest).`);
      }
    }
  },
};
export default rule;
