// DL3029 / FromPlatformFlagConstDisallowed: a constant --platform pins one architecture and breaks
// multi-platform builds; use $BUILDPLATFORM / $TARGETPLATFORM instead.
import type { Rule } from '../rule';
import { hasVariable } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3029', aliases: ['FromPlatformFlagConstDisallowed'], level: 'warning', source: 'hadolint', title: 'Do not use a constant --platform in FROM' },
  check(doc, report) {
    for (const s of doc.stages) {
      const v = s.platform?.getValue();
      if (!s.platform || !v || hasVariable(v)) continue;
      // A stage named after the platform (`build_amd64`) is platform-specific on purpose, as BuildKit reads it.
      const [os = '', arch = ''] = v.toLowerCase().split('/');
      const name = s.name?.toLowerCase() ?? '';
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      report(s.platform.getRange(), `FROM --platform=${v} fixes the platform for every build. Use a build argument such as $BUILDPLATFORM, or leave it out.`);
    }
  },
};
export default rule;
