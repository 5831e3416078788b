// Pure: does an image come from this Dockerfile, and which instruction made which step and layer?
//
// Contract (stable; the editor glue builds CodeLenses and diagnostics on it):
//   linkDockerfile(text, steps /* mapSteps(...).steps, oldest first */, opts?) → DockerfileLink
//   rankImages(text, candidates, opts?) → RankedCandidate[]   matched images first, newest first
//   prepareDockerfile(text, opts?) → a parsed file to link many images against (rankImages uses it)
//
// How: the target stage and the stages it is built FROM are the only ones in the image. Their
// instructions (and the ONBUILD triggers of a parent stage) must be the newest entries of the history,
// in order. An alignment (dynamic programming, like a diff) pairs instructions with entries, scoring
// each pair 0..1 (expected.ts); entries below the first pair are the base image's. An image with
// entries ON TOP of the file's last instruction was built FROM this one, not from this file: no link.
import { parseCreatedBy, type ParsedCreatedBy } from '../model/createdBy';
import { DEFAULT_CONFIG } from '../lint/config';
import { LintDocument, type Stage } from '../lint/document';
import { chainOf, expectedEntries, type Expected } from './expected';
import type {
  DockerfileLink, InstructionLink, LinkCandidate, LinkOptions, RankedCandidate, Step,
} from './types';

export type { DockerfileLink, InstructionLink, LinkCandidate, LinkOptions, RankedCandidate } from './types';

/** An entry inside the chain that no instruction explains (an edit since the build, a trigger). */
const EXTRA_STEP_PENALTY = 0.5;
/** Below this a candidate is not "built from this file". */
const MATCH_THRESHOLD = 0.5;

export interface PreparedDockerfile {
  doc: LintDocument;
  opts: LinkOptions;
  /** Per stage index: the expected entries of the chain ending there. */
  expected: Map<number, Expected[]>;
}

export function prepareDockerfile(text: string, opts: LinkOptions = {}): PreparedDockerfile {
  const doc = new LintDocument(String(text ?? ''), DEFAULT_CONFIG, opts.dockerfilePath ?? 'Dockerfile');
  const expected = new Map<number, Expected[]>();
  for (const stage of targetsToTry(doc, opts.target)) {
    expected.set(stage.index, expectedEntries(doc, chainOf(stage), opts.buildArgs ?? {}));
  }
  return { doc, opts, expected };
}

function targetsToTry(doc: LintDocument, target: string | undefined): Stage[] {
  if (target !== undefined && target !== '') {
    const stage = doc.stageByRef(target);
    return stage ? [stage] : [];
  }
  return [...doc.stages].reverse(); // the last stage first: it wins ties
}

export function linkDockerfile(text: string, steps: Step[], opts: LinkOptions = {}): DockerfileLink {
  return linkPrepared(prepareDockerfile(text, opts), steps);
}

export function linkPrepared(prepared: PreparedDockerfile, steps: Step[]): DockerfileLink {
  const parsed = steps.map((s) => parseCreatedBy(s.createdByRaw));
  let best: DockerfileLink | undefined;
  for (const [stageIndex, expected] of prepared.expected) {
    const link = align(prepared, stageIndex, expected, steps, parsed);
    if (!best || better(link, best)) best = link;
  }
  return best ?? unlinked(prepared);
}

function better(a: DockerfileLink, b: DockerfileLink): boolean {
  if (a.matched !== b.matched) return a.matched;
  return a.score > b.score + 1e-9;
}

function stageInfo(doc: LintDocument, index: number): DockerfileLink['targetStage'] {
  const stage = doc.stages[index];
  if (!stage) return { index: -1, line: 0 };
  return { ...(stage.name ? { name: stage.name } : {}), index, line: stage.from.range.start.line };
}

function instructionRows(doc: LintDocument): InstructionLink[] {
  return doc.instructions.map((ins) => ({
    line: ins.range.start.line,
    endLine: ins.range.end.line,
    keyword: ins.keyword,
    stage: ins.stage?.index ?? -1,
    step: undefined,
    layer: undefined,
    size: undefined,
  }));
}

function unlinked(prepared: PreparedDockerfile): DockerfileLink {
  const last = prepared.doc.stages.length - 1;
  return { score: 0, matched: false, targetStage: stageInfo(prepared.doc, last), baseSteps: 0, instructions: instructionRows(prepared.doc) };
}

const MATCH = 1, SKIP_EXPECTED = 2, SKIP_STEP = 3, BASE = 4;

function align(prepared: PreparedDockerfile, stageIndex: number, expected: Expected[], steps: Step[], parsed: ParsedCreatedBy[]): DockerfileLink {
  const { doc } = prepared;
  const m = expected.length;
  const n = steps.length;
  const chain = chainOf(doc.stages[stageIndex]);
  const fromScratch = (chain[0]?.image ?? '').toLowerCase() === 'scratch';
  const width = n + 1;
  const dp = new Float64Array((m + 1) * width).fill(-Infinity);
  const how = new Uint8Array((m + 1) * width);
  // Entries below the chain belong to the base image: skipping them is free (none for FROM scratch).
  for (let j = 0; j <= n; j++) {
    if (fromScratch && j > 0) break;
    dp[j] = 0;
    how[j] = BASE;
  }
  const pairScore = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) pairScore[i * n + j] = expected[i].score(parsed[j]);

  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      const at = i * width + j;
      if (i > 0 && j > 0) {
        const s = pairScore[(i - 1) * n + (j - 1)];
        const prev = dp[(i - 1) * width + (j - 1)];
        // Optional entries (ONBUILD, triggers) count little: they must not pull the alignment around.
        const gain = expected[i - 1].optional ? Math.min(s, 0.01) : s;
        if (s > 0 && prev + gain > dp[at]) { dp[at] = prev + gain; how[at] = MATCH; }
      }
      if (i > 0 && dp[(i - 1) * width + j] > dp[at]) { dp[at] = dp[(i - 1) * width + j]; how[at] = SKIP_EXPECTED; }
      if (j > 0 && i > 0 && dp[at - 1] - EXTRA_STEP_PENALTY > dp[at]) { dp[at] = dp[at - 1] - EXTRA_STEP_PENALTY; how[at] = SKIP_STEP; }
    }
  }

  // Trace back from the newest entry.
  const pairs = new Map<Expected, number>();
  // Above the newest pair, an entry with no instruction left to explain it was added on top of this
  // file's image (a FROM-this-image build): not from this file. An entry facing an unmatched
  // instruction is that instruction, edited since the build.
  // Below the oldest pair, unexplained entries are the base image's: none for FROM scratch.
  let i = m, j = n, topSteps = 0, topInstructions = 0, extras = 0, sawMatch = false, baseSteps = 0, sinceMatch = 0;
  while (i > 0 || j > 0) {
    const h = how[i * width + j];
    if (h === MATCH) { pairs.set(expected[i - 1], j - 1); sawMatch = true; sinceMatch = 0; i--; j--; }
    else if (h === SKIP_EXPECTED) { if (!sawMatch && !expected[i - 1].optional) topInstructions++; i--; }
    else if (h === SKIP_STEP) { if (sawMatch) { extras++; sinceMatch++; } else topSteps++; j--; }
    else { baseSteps = j; break; }
  }
  const trailing = Math.max(0, topSteps - topInstructions);
  extras += topSteps - trailing - sinceMatch;
  baseSteps += sinceMatch;
  const foreignBelow = fromScratch && baseSteps > 0;

  const counted = expected.filter((e) => !e.optional);
  let total = 0, strongMatched = 0;
  for (const e of counted) {
    const j2 = pairs.get(e);
    if (j2 === undefined) continue;
    const s = e.score(parsed[j2]);
    total += s;
    if (e.strong && s >= 0.9) strongMatched++;
  }
  const denominator = Math.max(counted.length, 1);
  const score = Math.max(0, Math.min(1, (total - EXTRA_STEP_PENALTY * (extras + trailing)) / denominator));
  const hasStrong = counted.some((e) => e.strong);
  const matched = n > 0 && trailing === 0 && !foreignBelow && score >= MATCH_THRESHOLD
    && (hasStrong ? strongMatched > 0 : score >= 0.9 && counted.length > 0);

  const rows = instructionRows(doc);
  const rowByLine = new Map(rows.map((r) => [r.line, r]));
  for (const [e, stepIndex] of pairs) {
    if (e.trigger) continue;
    const row = rowByLine.get(e.ins.range.start.line);
    if (!row) continue;
    row.step = steps[stepIndex].step;
    row.layer = steps[stepIndex].layer;
    row.size = steps[stepIndex].size;
  }
  return { score, matched, targetStage: stageInfo(doc, stageIndex), baseSteps, instructions: rows };
}

/** Every candidate linked; those built from the file first, newest first, then by score. */
export function rankImages(text: string, candidates: LinkCandidate[], opts: LinkOptions = {}): RankedCandidate[] {
  const prepared = prepareDockerfile(text, opts);
  return candidates
    .map((c) => ({ id: c.id, tags: c.tags, created: c.created, link: linkPrepared(prepared, c.steps) }))
    .sort((a, b) => Number(b.link.matched) - Number(a.link.matched) || b.created - a.created || b.link.score - a.link.score);
}
