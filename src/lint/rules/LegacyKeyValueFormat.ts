// LegacyKeyValueFormat: `ENV key value` is the old whitespace form; `ENV key=value` is unambiguous.
// ARG has no such form: `ARG A B` declares two build arguments, so it is never reported (nor rewritten).
// Quick fix: insert `=` (and quote the value when it has spaces), kept exact to the original text.
import type { Declaration, LintDocument } from '../document';
import type { Rule } from '../rule';
import type { Fix } from '../types';

const rule: Rule = {
  meta: { code: 'LegacyKeyValueFormat', level: 'warning', source: 'buildkit', title: 'Use key=value in ENV and LABEL' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') continue;
      const props = ins.keyword === 'LABEL' ? labelDecls(doc, ins) : doc.declarations(ins);
      const legacy = props.find((d) => d.legacy);
      if (!legacy) continue;
      const fix = equalsFix(doc, legacy);
      report(legacy.nameRange, `Write "${ins.keyword} ${legacy.name}=value": the whitespace-separated "${ins.keyword} ${legacy.name} value" form is deprecated.`,
        fix ? { fixes: [fix] } : undefined);
    }
  },
};

function labelDecls(doc: LintDocument, ins: Declaration['instruction']): Declaration[] {
  const props = (ins.node as unknown as { getProperties?: () => import('dockerfile-ast').Property[] }).getProperties?.() ?? [];
  return props.map((p) => ({
    kind: 'ENV' as const, name: p.getName(), value: p.getValue(), nameRange: p.getNameRange(), valueRange: p.getValueRange(),
    legacy: p.getValue() !== null && p.getAssignmentOperator() === null, instruction: ins,
  }));
}

/** `key value` → `key=value`; `key a b` → `key="a b"`. No fix when the value has quotes or escapes. */
export function equalsFix(doc: LintDocument, d: Declaration): Fix | undefined {
  if (!d.valueRange) return undefined;
  const raw = doc.textOf(d.valueRange);
  const between = { start: d.nameRange.end, end: d.valueRange.start };
  let newText: string;
  if (!/\s/.test(raw)) newText = '=' + raw;
  else if (!/["'`]/.test(raw) && !/\\(?![ \t]*\r?\n)/.test(raw)) newText = `="${raw}"`;
  else return undefined;
  return { title: `Change to ${d.name}=value`, preferred: true, edits: [{ range: { start: between.start, end: d.valueRange.end }, newText }] };
}
export default rule;
