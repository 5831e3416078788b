// What every output format gets: one entry per linted file, and rule metadata by code.
import { measuredRule } from '../measuredRules';
import { findRule } from '../registry';
import type { Finding, RuleMeta } from '../types';
import { syntaxRules } from '../validity';

export interface FileResult {
  /** The path as the user gave it (`-` for stdin is shown as given). */
  file: string;
  findings: Finding[];
}

/** Metadata for a code: our rules, the LSxxxx validity codes; undefined for others (SCxxxx). */
export function metaFor(code: string): RuleMeta | undefined {
  return findRule(code)?.meta ?? syntaxRules.find((r) => r.code === code) ?? measuredRule(code);
}

/** `bytes`, `paths` and `layer` of a measured finding (LS2xxx); {} for the others. */
export function measuredFields(f: Finding): { bytes?: number; paths?: string[]; layer?: number } {
  return {
    ...(f.bytes !== undefined ? { bytes: Math.round(f.bytes) } : {}),
    ...(f.paths !== undefined ? { paths: f.paths } : {}),
    ...(f.layer !== undefined ? { layer: f.layer } : {}),
  };
}

/** Rows in file order then position, with 1-based line and column (what people and tools expect). */
export function rows(results: FileResult[]): { file: string; line: number; column: number; f: Finding }[] {
  return results.flatMap((r) => r.findings.map((f) => ({ file: r.file, line: f.range.start.line + 1, column: f.range.start.character + 1, f })));
}
