// The `--ci` rule set: dive's three rules, read from a `.dive-ci` file and from flags. As in dive,
// a rule not mentioned keeps its default (a flag given alone does not drop the other rules), and
// any rule can be switched off with `disabled`. Pure: the caller reads the file.
import { parse as parseYaml } from 'yaml';
import { parseBytes } from '../model/format';
import type { CiRules } from './report';

export type RuleName = keyof CiRules;
/** A threshold, or `disabled` to switch the rule off. */
export type RuleSetting = number | 'disabled';
export type CiRuleSettings = Partial<Record<RuleName, RuleSetting>>;

/** dive's defaults: efficiency at least 0.9, at most 10 % of the bytes above the base layer wasted, wasted bytes unchecked. */
export const defaultCiRules: CiRuleSettings = { lowestEfficiency: 0.9, highestWastedBytes: 'disabled', highestUserWastedPercent: 0.1 };

const ruleNames: RuleName[] = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'];

/** One rule's value as written (a flag's text or a YAML value); throws with a message naming `where`. */
export function parseRuleSetting(rule: RuleName, value: unknown, where: string): RuleSetting {
  const text = String(value).trim();
  if (text.toLowerCase() === 'disabled') return 'disabled';
  if (rule === 'highestWastedBytes') {
    try {
      return typeof value === 'number' ? value : parseBytes(text);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
  }
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${where} needs a ratio between 0 and 1 (or disabled), got '${text}'`);
  return n;
}

/** The `rules:` of a `.dive-ci` file. Unknown keys are refused, so a typo does not silently weaken a gate. */
export function parseDiveCi(text: string, file: string): CiRuleSettings {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new Error(`${file} is not valid YAML: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  const rules = typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>).rules : undefined;
  if (rules === undefined || rules === null) return {};
  if (typeof rules !== 'object' || Array.isArray(rules)) throw new Error(`${file}: 'rules' must be a mapping of rule names to thresholds`);
  const out: CiRuleSettings = {};
  for (const [key, value] of Object.entries(rules as Record<string, unknown>)) {
    if (!ruleNames.includes(key as RuleName)) {
      throw new Error(`${file}: unknown rule '${key}' (known: ${ruleNames.join(', ')})`);
    }
    out[key as RuleName] = parseRuleSetting(key as RuleName, value, `${file}: ${key}`);
  }
  return out;
}

/** Defaults, then the file, then the flags: the last one to name a rule wins; `disabled` rules are left out. */
export function resolveCiRules(...layers: CiRuleSettings[]): CiRules {
  const merged: CiRuleSettings = Object.assign({}, defaultCiRules, ...layers);
  const rules: CiRules = {};
  for (const name of ruleNames) {
    const value = merged[name];
    if (typeof value === 'number') rules[name] = value;
  }
  return rules;
}
