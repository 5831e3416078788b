// What one instruction declares or reads by name: ARG/ENV declarations (every name of `ARG A B`)
// and the stages it reads from (COPY --from, RUN --mount from=).
import type { Property } from 'dockerfile-ast';
import type { Declaration, LintInstruction } from './instruction';
import { safe } from './safe';

/** Stage names/indexes an instruction reads from: COPY/ADD --from=, RUN --mount=...,from=. */
export function stageRefs(ins: LintInstruction): string[] {
  const refs: string[] = [];
  for (const f of ins.flags) {
    const name = f.getName().toLowerCase();
    if (name === 'from' && (ins.keyword === 'COPY' || ins.keyword === 'ADD')) {
      const v = f.getValue();
      if (v) refs.push(v);
    } else if (name === 'mount' && ins.keyword === 'RUN') {
      const v = f.getValue() ?? '';
      for (const part of v.split(',')) {
        const [k, val] = part.split('=');
        if (k?.trim().toLowerCase() === 'from' && val) refs.push(val.trim());
      }
    }
  }
  return refs;
}

export function declarationsOf(ins: LintInstruction): Declaration[] {
  if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') return [];
  const props: Property[] = safe(() => (ins.node as unknown as { getProperties(): Property[] }).getProperties?.() ?? [], []);
  // `ARG A B` declares two names (ARG has no `key value` form); dockerfile-ast reads it as A="B".
  if (ins.keyword === 'ARG' && props.some((p) => p.getValue() !== null && p.getAssignmentOperator() === null)) return argNames(ins);
  return props.map((p) => ({
    kind: ins.keyword as 'ARG' | 'ENV', name: p.getName(), value: safe(() => p.getValue(), null),
    nameRange: p.getNameRange(), valueRange: safe(() => p.getValueRange(), null),
    legacy: safe(() => p.getValue() !== null && p.getAssignmentOperator() === null, false), instruction: ins,
  }));
}

/** Each word of an ARG as its own declaration (`ARG A B=1`): name, then the default after `=`. */
function argNames(ins: LintInstruction): Declaration[] {
  return ins.args.map((arg) => {
    const text = arg.getValue();
    const eq = text.indexOf('=');
    const r = arg.getRange();
    const name = eq < 0 ? text : text.slice(0, eq);
    const nameRange = { start: r.start, end: { line: r.start.line, character: r.start.character + name.length } };
    const value = eq < 0 ? null : text.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
    const valueRange = eq < 0 ? null : { start: { line: r.start.line, character: r.start.character + eq + 1 }, end: r.end };
    return { kind: 'ARG' as const, name, value, nameRange, valueRange, legacy: false, instruction: ins };
  });
}
