// Every rule, in one array (one import line per rule file), and lookup by code or alias.
import type { Rule } from './rule';
import ConsistentInstructionCasing from './rules/ConsistentInstructionCasing';
import CopyIgnoredFile from './rules/CopyIgnoredFile';
import DL1001 from './rules/DL1001';
import DL3000 from './rules/DL3000';
import DL3002 from './rules/DL3002';
import DL3006 from './rules/DL3006';
import DL3007 from './rules/DL3007';
import DL3011 from './rules/DL3011';
import DL3012 from './rules/DL3012';
import DL3020 from './rules/DL3020';
import DL3021 from './rules/DL3021';
import DL3022 from './rules/DL3022';
import DL3023 from './rules/DL3023';
import DL3024 from './rules/DL3024';
import DL3025 from './rules/DL3025';
import DL3026 from './rules/DL3026';
import DL3029 from './rules/DL3029';
import DL3043 from './rules/DL3043';
import DL3044 from './rules/DL3044';
import DL3045 from './rules/DL3045';
import DL3061 from './rules/DL3061';
import DL3063 from './rules/DL3063';
import DL3064 from './rules/DL3064';
import DL3065 from './rules/DL3065';
import DL3067 from './rules/DL3067';
import DL4000 from './rules/DL4000';
import DL4003 from './rules/DL4003';
import DL4004 from './rules/DL4004';
import ExposeInvalidFormat from './rules/ExposeInvalidFormat';
import ExposeProtoCasing from './rules/ExposeProtoCasing';
import FromAsCasing from './rules/FromAsCasing';
import InvalidDefaultArgInFrom from './rules/InvalidDefaultArgInFrom';
import LegacyKeyValueFormat from './rules/LegacyKeyValueFormat';
import NoEmptyContinuation from './rules/NoEmptyContinuation';
import StageNameCasing from './rules/StageNameCasing';
import UndefinedArgInFrom from './rules/UndefinedArgInFrom';
import UndefinedVar from './rules/UndefinedVar';
import DL3048 from './rules/DL3048';
import DL3049 from './rules/DL3049';
import DL3050 from './rules/DL3050';
import DL3051 from './rules/DL3051';
import DL3052 from './rules/DL3052';
import DL3053 from './rules/DL3053';
import DL3054 from './rules/DL3054';
import DL3055 from './rules/DL3055';
import DL3056 from './rules/DL3056';
import DL3057 from './rules/DL3057';
import DL3058 from './rules/DL3058';
import DL3066 from './rules/DL3066';
import InvalidBaseImagePlatform from './rules/InvalidBaseImagePlatform';
import InvalidDefinitionDescription from './rules/InvalidDefinitionDescription';
import { shellRules } from './rules/shell';

export const rules: Rule[] = [
  ConsistentInstructionCasing,
  CopyIgnoredFile,
  DL1001,
  DL3000,
  DL3002,
  DL3006,
  DL3007,
  DL3011,
  DL3012,
  DL3020,
  DL3021,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3029,
  DL3043,
  DL3044,
  DL3045,
  DL3061,
  DL3063,
  DL3064,
  DL3065,
  DL3067,
  DL4000,
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3057,
  DL3058,
  DL3066,
  DL4003,
  DL4004,
  ExposeInvalidFormat,
  ExposeProtoCasing,
  FromAsCasing,
  InvalidBaseImagePlatform,
  InvalidDefaultArgInFrom,
  InvalidDefinitionDescription,
  LegacyKeyValueFormat,
  NoEmptyContinuation,
  StageNameCasing,
  UndefinedArgInFrom,
  UndefinedVar,
  ...shellRules,
];

let byName: Map<string, Rule[]> | undefined;

function index(): Map<string, Rule[]> {
  if (!byName) {
    byName = new Map();
    const add = (k: string, r: Rule) => { const l = byName!.get(k) ?? []; if (!l.includes(r)) l.push(r); byName!.set(k, l); };
    for (const r of rules) {
      add(r.meta.code.toLowerCase(), r);
      for (const a of r.meta.aliases ?? []) add(a.toLowerCase(), r);
    }
  }
  return byName;
}

/** Finds a rule by code or alias, case-insensitively (DL3025, JSONArgsRecommended, jsonargsrecommended). */
export function findRule(name: string): Rule | undefined {
  return index().get(name.trim().toLowerCase())?.[0];
}

/**
 * Every code a name stands for: an alias may cover several rules (BuildKit's
 * MultipleInstructionsDisallowed is DL4003 and DL4004). Unknown names (SCxxxx, LSxxxx) come back as given.
 */
export function codesFor(name: string): string[] {
  const found = index().get(name.trim().toLowerCase());
  return found ? found.map((r) => r.meta.code) : [name.trim()];
}

/** The canonical code of a code or alias (the first rule it names); unknown names come back as given. */
export function canonicalCode(name: string): string {
  return findRule(name)?.meta.code ?? name.trim();
}

/** The rules that read Dockerfile instructions only (no shell parsing): for benchmarks and tests. */
export const instructionRules: Rule[] = rules.filter((r) => !shellRules.includes(r));
