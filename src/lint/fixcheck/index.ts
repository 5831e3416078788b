// The "no harmful fix" check: after one fix (or a whole fix-all), the file must still parse as well
// as before, every instruction must mean the same except for what the fixes declared (intents.ts),
// and no later RUN may lose what it relied on (resources.ts). Pure; used by the corpus property test
// and by `layerscope lint --fix`, which applies only fixes that pass.
import { LintDocument } from '../document';
import { runShell } from '../shell';
import type { Finding, Fix, Range } from '../types';
import { fixAll } from '../fixAll';
import { validityFindings } from '../validity';
import { applyEdits } from '../edits';
import { erase, FIX_INTENTS, FixIntent } from './intents';
import { meaningOf } from './meaning';
import { lostResources } from './resources';
import { maybeBusybox } from '../fixes/wgetQuiet';

export { FIX_INTENTS, describeIntent } from './intents';
export type { FixIntent } from './intents';

/** A fix as applied: its rule, its intent, and the instructions (by index) its edits touched. */
export interface AppliedFix {
  code: string;
  intent: FixIntent;
  instructions: Set<number>;
}

/** Parses `text` once for the checks (the LintDocument also gives instruction ranges). */
export function parsed(text: string): LintDocument {
  return new LintDocument(text);
}

/** Which top-level instructions a fix's edits (editor positions) touch (an insertion right at an end counts). */
export function touched(doc: LintDocument, fix: Fix): Set<number> {
  const out = new Set<number>();
  const cmp = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
  for (const e of fix.edits) {
    const start = doc.lineMap.toBuildkit(e.range.start);
    const end = doc.lineMap.toBuildkit(e.range.end);
    for (const ins of doc.instructions) {
      if (cmp(start, ins.range.end) <= 0 && cmp(end, ins.range.start) >= 0) out.add(ins.index);
    }
  }
  return out;
}

/** Describes a fix of `code` computed for `doc`, or undefined when the code has no declared intent. */
export function appliedFix(doc: LintDocument, code: string, fix: Fix): AppliedFix | undefined {
  const intent = FIX_INTENTS[code];
  return intent && { code, intent, instructions: touched(doc, fix) };
}

/**
 * Problems that `after` has compared with `before`, given the fixes that turned one into the other.
 * Empty when the change is exactly what the fixes declared.
 */
export function harmOf(before: LintDocument, after: LintDocument, fixes: AppliedFix[]): string[] {
  const problems: string[] = [];
  problems.push(...newValidityErrors(before, after));
  const b = meaningOf(before);
  const a = meaningOf(after);
  if (a.length !== b.length) return [...problems, `the file now has ${a.length} instructions instead of ${b.length}`];
  for (let i = 0; i < b.length; i++) {
    let x = b[i];
    let y = a[i];
    for (const f of fixes) {
      if (!f.instructions.has(i)) continue;
      x = erase(f.intent, x);
      y = erase(f.intent, y);
    }
    const sx = JSON.stringify(x);
    const sy = JSON.stringify(y);
    if (sx !== sy) {
      const line = after.lineMap.toEditor(after.instructions[i].range.start).line + 1;
      const why = fixes.filter((f) => f.instructions.has(i)).map((f) => f.code).join(', ') || 'no fix touched it';
      problems.push(`line ${line}: ${a[i].keyword} changed beyond the intent (${why}): ${sx} → ${sy}`);
    }
  }
  problems.push(...lostResources(before, after));
  problems.push(...rejectedFlags(after, fixes));
  return problems;
}

/** One fix on `text`: the harm it does, or []. A fix with no declared intent is harm by itself. */
export function harmOfFix(text: string, code: string, fix: Fix, before = parsed(text)): string[] {
  const applied = appliedFix(before, code, fix);
  if (!applied) return [`${code} has a fix but no declared intent`];
  let next: string;
  try { next = applyEdits(text, fix.edits); } catch (e) { return [`the edits do not apply: ${(e as Error).message}`]; }
  return harmOf(before, parsed(next), [applied]);
}

/** A flag added where the command is likely BusyBox's, which rejects it (wget --progress on Alpine). */
function rejectedFlags(after: LintDocument, fixes: AppliedFix[]): string[] {
  const out: string[] = [];
  for (const f of fixes) {
    if (f.intent.kind !== 'add-flag' || !f.intent.busyboxLacks) continue;
    const lacks = f.intent.busyboxLacks;
    for (const i of f.instructions) {
      const ins = after.instructions[i];
      if (!ins || !maybeBusybox(after, ins)) continue;
      const words = runShell(after, ins).commands.filter((c) => c.name && f.intent.kind === 'add-flag' && f.intent.commands.includes(c.name)).flatMap((c) => c.argv);
      if (words.some((w) => lacks.some((l) => w.value === l || w.value?.startsWith(l + '=')))) {
        out.push(`line ${after.lineMap.toEditor(ins.range.start).line + 1}: ${lacks.join('/')} added where the command may be BusyBox's, which rejects it`);
      }
    }
  }
  return out;
}

function newValidityErrors(before: LintDocument, after: LintDocument): string[] {
  const count = (doc: LintDocument) => {
    const m = new Map<string, number>();
    for (const f of validityFindings(doc.text, doc.ast)) m.set(f.code, (m.get(f.code) ?? 0) + 1);
    const unparsed = doc.runs().filter((r) => runShell(doc, r).problem).length;
    if (unparsed) m.set('LS0100', unparsed);
    return m;
  };
  const b = count(before);
  const out: string[] = [];
  for (const [code, n] of count(after)) if (n > (b.get(code) ?? 0)) out.push(`${n - (b.get(code) ?? 0)} new ${code} finding(s): the file no longer parses as before`);
  return out;
}

export interface SafeFixResult {
  text: string;
  applied: AppliedFix[];
  /** Fixes left out because the check found harm, with why. */
  refused: { code: string; line: number; problems: string[] }[];
}

/**
 * Fix-all that applies only fixes passing the check, one by one and then as a whole: the guarantee
 * `layerscope lint --fix` gives. When the combination itself does harm, nothing is applied.
 */
export function safeFixAll(text: string, lint: (text: string) => Finding[], maxPasses = 10): SafeFixResult {
  const applied: AppliedFix[] = [];
  const refused: SafeFixResult['refused'] = [];
  const refusedKeys = new Set<string>();
  const docs = new Map<string, LintDocument>();
  const docOf = (t: string) => { let d = docs.get(t); if (!d) docs.set(t, (d = parsed(t))); return d; };
  const checked = (t: string): Finding[] => {
    return lint(t).map((f) => {
      const fix = f.fixes?.find((x) => x.preferred);
      if (!fix) return f;
      const problems = harmOfFix(t, f.code, fix, docOf(t));
      if (problems.length === 0) return f;
      const key = `${f.code}:${f.range.start.line}:${problems.join('|')}`;
      if (!refusedKeys.has(key)) { refusedKeys.add(key); refused.push({ code: f.code, line: f.range.start.line + 1, problems }); }
      return { ...f, fixes: f.fixes!.filter((x) => x !== fix) };
    });
  };
  const original = docOf(text);
  const result = fixAll(text, checked, maxPasses, (f, fix, t) => {
    const a = appliedFix(docOf(t), f.code, fix);
    if (a) applied.push(a);
  });
  if (result.text === text) return { text, applied: [], refused };
  const problems = harmOf(original, parsed(result.text), applied);
  if (problems.length) return { text, applied: [], refused: [...refused, { code: 'fix-all', line: 1, problems }] };
  return { text: result.text, applied, refused };
}
