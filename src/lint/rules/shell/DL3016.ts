// DL3016: npm install <name> without a version takes whatever is tagged latest at build time.
import type { Rule } from '../../rule';
import { commandsNamed, invocation, nameList, spanRange, subIs } from './common';
import { NPM, npmPinned, unpinned } from './tools';

const INSTALL = ['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall'];

const rule: Rule = {
  meta: { code: 'DL3016', level: 'warning', source: 'hadolint', title: 'Pin versions in npm install' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'npm')) {
      const inv = invocation(cmd.argv.slice(1), NPM);
      if (!subIs(inv, ...INSTALL)) continue;
      // `npm install` / `npm ci` without names install what package-lock.json pins.
      const loose = unpinned(inv.operands, npmPinned);
      if (loose.length === 0) continue;
      report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
        `Pin versions in npm install (name@version) for ${nameList(loose)}.`);
    }
  },
};
export default rule;
