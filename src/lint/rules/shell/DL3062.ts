// DL3062: go install pkg@latest builds whatever was tagged most recently.
import type { Rule } from '../../rule';
import { commandsNamed, invocation, spanRange, subIs } from './common';

const GO_BUILD_FLAGS = {
  singleDash: true,
  withValue: ['-o', '-p', '-C', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile',
    '-overlay', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix', '-pgo', '-exec'],
};

const rule: Rule = {
  meta: { code: 'DL3062', level: 'warning', source: 'hadolint', title: 'Pin versions in go install' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'go')) {
      const inv = invocation(cmd.argv.slice(1), GO_BUILD_FLAGS);
      if (!subIs(inv, 'install')) continue;
      // Without @version, go install builds the package at the version the current module pins.
      for (const w of inv.operands) {
        if (w.value === null || !w.value.endsWith('@latest')) continue;
        report(spanRange(doc, w), `Pin a version in go install (${w.value.slice(0, -'latest'.length)}v1.2.3) instead of @latest.`);
      }
    }
  },
};
export default rule;
