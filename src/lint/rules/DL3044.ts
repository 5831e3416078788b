// DL3044: `ENV A=1 B=$A` reads A's value from before this ENV, not the one set beside it.
import type { Rule } from '../rule';

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

const rule: Rule = {
  meta: { code: 'DL3044', level: 'error', source: 'hadolint', title: 'Do not use a variable in the same ENV that defines it' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'ENV') continue;
      const decls = doc.declarations(ins);
      if (decls.length < 2) continue;
      const before = doc.scopeAt(ins);
      const setHere = new Set<string>();
      for (const d of decls) {
        const valueRange = d.valueRange;
        const raw = valueRange ? doc.textOf(valueRange) : '';
        for (const m of raw.matchAll(REF)) {
          const name = m[1] ?? m[2];
          if (setHere.has(name) && !before.has(name)) {
            report(valueRange!, `'${name}' is set earlier in this same ENV, but references here still see its previous (empty) value. Split it into two ENV instructions.`);
            break;
          }
        }
        setHere.add(d.name);
      }
    }
  },
};

export default rule;
