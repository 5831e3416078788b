// DL3035: a distribution upgrade inside an image build belongs in a newer base image instead.
import type { Rule } from '../../rule';
import { spanRange, subIs } from './common';
import { zypperCalls } from './zypper';

const rule: Rule = {
  meta: { code: 'DL3035', level: 'warning', source: 'hadolint', title: 'Do not use zypper dist-upgrade' },
  check(doc, report) {
    for (const { cmd, inv } of zypperCalls(doc)) {
      if (!subIs(inv, 'dist-upgrade', 'dup')) continue;
      report(spanRange(doc, cmd), 'Do not run zypper dist-upgrade in a build: it makes the image depend on the day it was built. Use a newer base image.');
    }
  },
};
export default rule;
