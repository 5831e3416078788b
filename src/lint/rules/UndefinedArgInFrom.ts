// UndefinedArgInFrom: FROM may only use ARGs declared before the first FROM (or predefined ones).
import type { Rule } from '../rule';
import { PREDEFINED_ARGS, suggest } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'UndefinedArgInFrom', level: 'warning', source: 'buildkit', title: 'FROM must use declared ARGs' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (s.implicit || !doc.textOf(s.from.range).includes('$')) continue;
      const scope = doc.scopeAt(s.from);
      for (const v of s.from.node.getVariables()) {
        const name = v.getName();
        if (!name || scope.has(name) || PREDEFINED_ARGS.has(name)) continue;
        // `${X-default}` / `${X+alt}` (no colon): dockerfile-ast keeps the operator in the name; the
        // author handled "unset", as with `${X:-default}`.
        if (v.getModifier() !== null || /[-+?=]/.test(name)) continue;
        const guess = suggest(name, [...scope, ...PREDEFINED_ARGS]);
        report(v.getRange(), `FROM uses '$${name}', which no ARG before the first FROM declares${guess ? ` (did you mean $${guess}?)` : ''}.`);
      }
    }
  },
};
export default rule;
