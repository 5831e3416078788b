// Every rule, in one array (one import line per rule file), and lookup by code or alias.
import type { Rule } from './rule';

export const rules: Rule[] = [
];

let byName: Map<string, Rule> | undefined;

/** Finds a rule by code or alias, case-insensitively (DL3025, JSONArgsRecommended, jsonargsrecommended). */
export function findRule(name: string): Rule | undefined {
  if (!byName) {
    byName = new Map();
    for (const r of rules) {
      byName.set(r.meta.code.toLowerCase(), r);
      for (const a of r.meta.aliases ?? []) byName.set(a.toLowerCase(), r);
    }
  }
  return byName.get(name.trim().toLowerCase());
}

/** The canonical code for a code or alias; unknown names (SCxxxx, LSxxxx, typos) come back as given. */
export function canonicalCode(name: string): string {
  return findRule(name)?.meta.code ?? name.trim();
}
