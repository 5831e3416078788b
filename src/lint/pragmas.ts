// In-file suppression: hadolint comments and BuildKit's `# check=` parser directive.
//   # hadolint ignore=DL3008,DL3015        the next instruction only
//   # hadolint global ignore=DL3059        the whole file
//   # hadolint stage ignore=DL3059         the rest of the stage (up to the next FROM)
//   # check=skip=StageNameCasing,DL3006    (top-of-file directive) the whole file
//   # check=skip=all                       every BuildKit check (and DL rules that have a BuildKit name)
//   # check=error=true                     BuildKit checks are reported as errors
import type { LintDocument } from './document';
import { codesFor, findRule } from './registry';
import type { Finding } from './types';

export interface Suppressions {
  /** Canonical codes ignored in the whole file. */
  global: Set<string>;
  /** Canonical codes ignored per instruction, keyed by the instruction's first line. */
  byInstructionLine: Map<number, Set<string>>;
  /** `stage ignore` pragmas: codes ignored on lines [from, to). */
  byLineSpan: { from: number; to: number; codes: Set<string> }[];
  /** `check=skip=all`. */
  skipAllChecks: boolean;
  /** `check=error=true`. */
  checksAreErrors: boolean;
}

const HADOLINT = /^hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*(.*)$/i;
const DIRECTIVE = /^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;

/**
 * The codes of a pragma's list (a trailing `# comment` allowed), or null when one of them is no code
 * at all: hadolint then discards the whole pragma (`ignore=crazy,DL3002` ignores nothing).
 */
export function pragmaCodes(s: string): string[] | null {
  const list = s.replace(/#.*$/, '').trim();
  if (list === '') return null;
  const names = list.split(/[ \t]*,[ \t]*/);
  if (!names.every(isKnownCode)) return null;
  return names.flatMap(codesFor);
}

/** A rule code hadolint could name (DLnnnn, SCnnnn), or one of our codes and BuildKit aliases. */
function isKnownCode(name: string): boolean {
  return /^(DL|SC)\d+$/.test(name) || (/^[A-Za-z][A-Za-z0-9_-]*$/.test(name) && findRule(name) !== undefined) || /^LS\d{4}$/.test(name);
}

/** Reads every suppression pragma of the document. */
export function readPragmas(doc: LintDocument): Suppressions {
  const sup: Suppressions = { global: new Set(), byInstructionLine: new Map(), byLineSpan: [], skipAllChecks: false, checksAreErrors: false };
  let starts: number[] | undefined;
  for (const { line, text } of doc.commentLines()) {
    if (!/^hadolint/i.test(text)) continue;
    const m = HADOLINT.exec(text);
    if (!m) continue;
    starts ??= doc.instructions.map((i) => i.range.start.line);
    const codes = pragmaCodes(m[2]);
    if (!codes) continue;
    const scope = m[1]?.toLowerCase();
    if (scope === 'global') { for (const code of codes) sup.global.add(code); continue; }
    const next = starts.find((s) => s > line);
    if (next === undefined) continue;
    if (scope === 'stage') {
      // From the pragma to the next FROM after the instruction it stands above.
      const end = doc.instructions.find((i) => i.keyword === 'FROM' && i.range.start.line > next)?.range.start.line ?? doc.lineCount;
      sup.byLineSpan.push({ from: line, to: end, codes: new Set(codes) });
      continue;
    }
    const set = sup.byInstructionLine.get(next) ?? new Set<string>();
    for (const code of codes) set.add(code);
    sup.byInstructionLine.set(next, set);
  }
  readCheckDirective(doc, sup);
  return sup;
}

/**
 * BuildKit looks for its `check` directive in the leading block of blank lines and comments (not
 * only in the strict parser-directive block), and reads the first one it finds.
 */
function readCheckDirective(doc: LintDocument, sup: Suppressions): void {
  if (!/^\uFEFF?\s*#/.test(doc.text)) return;
  for (let n = 0; n < doc.lineCount; n++) {
    const line = doc.lineText(n).replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    const m = DIRECTIVE.exec(line);
    if (!m || m[1].toLowerCase() !== 'check') continue;
    for (const part of m[2].split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part.slice(eq + 1).trim();
      if (key === 'skip') {
        for (const v of value.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (v.toLowerCase() === 'all') sup.skipAllChecks = true; else for (const c of codesFor(v)) sup.global.add(c);
        }
      } else if (key === 'error') {
        sup.checksAreErrors = value.toLowerCase() === 'true';
      }
    }
    return;
  }
}

/** True for rules BuildKit also implements (their own checks or DL rules with a BuildKit alias). */
export function isBuildkitCheck(code: string): boolean {
  const r = findRule(code);
  return !!r && (r.meta.source === 'buildkit' || (r.meta.aliases ?? []).some((a) => !/^(DL|SC|LS)\d+$/i.test(a)));
}

/**
 * Applies suppressions to findings (dropping suppressed ones, raising BuildKit checks to error when
 * asked). `instructionLineOf` maps a finding's line to the first line of its instruction.
 */
export function applyPragmas(findings: Finding[], sup: Suppressions, doc: LintDocument): Finding[] {
  if (!sup.global.size && !sup.byInstructionLine.size && !sup.byLineSpan.length && !sup.skipAllChecks && !sup.checksAreErrors) return findings;
  const firstLine = sup.byInstructionLine.size ? instructionStartByLine(doc) : [];
  const out: Finding[] = [];
  for (const f of findings) {
    const code = f.code;
    if (sup.global.has(code)) continue;
    if (sup.skipAllChecks && isBuildkitCheck(code)) continue;
    const start = firstLine[f.range.start.line];
    if (start !== undefined && sup.byInstructionLine.get(start)?.has(code)) continue;
    const line = f.range.start.line;
    if (sup.byLineSpan.some((s) => line >= s.from && line < s.to && s.codes.has(code))) continue;
    out.push(sup.checksAreErrors && isBuildkitCheck(code) ? { ...f, level: 'error' } : f);
  }
  return out;
}

function instructionStartByLine(doc: LintDocument): (number | undefined)[] {
  const map: (number | undefined)[] = new Array(doc.lineCount);
  for (const i of doc.instructions) {
    for (let l = i.range.start.line; l <= i.range.end.line && l < map.length; l++) map[l] = i.range.start.line;
  }
  return map;
}
