// The pure contract this glue builds on (src/insight/ of issue 8's core). Until the core lands this
// file holds the simplest real implementation of the parts the lenses need; when it merges, these
// become re-exports and the bodies go.
import type { ImageAnalysis } from '../analysis/browser';
import { displayCreatedBy } from '../analysis/createdBy';
import { LintDocument, type LintInstruction, type Stage } from '../lint/document';
import { historyRows } from '../model/history';
import type { HistoryEntry } from '../model/types';

export interface Step {
  step: number;
  createdBy: string;
  createdByRaw: string;
  instruction: string;
  emptyLayer: boolean | undefined;
  layer: number | null | undefined;
  size: number;
  created: number;
  id: string;
}

/** History (newest first, as the engine returns it) → steps oldest first, each with its layer. */
export function mapSteps(history: HistoryEntry[], diffIds: string[], emptyLayers?: boolean[]): { steps: Step[]; exact: boolean; reason?: string } {
  const rows = historyRows(history, diffIds, emptyLayers);
  const exact = rows.filter((r) => !r.empty).length === diffIds.length;
  return {
    exact,
    reason: exact ? undefined : 'the history does not say which steps carry the layers',
    steps: rows.map((r) => ({
      step: r.index,
      createdBy: r.createdBy,
      createdByRaw: r.createdByRaw,
      instruction: keywordOf(r.createdBy),
      emptyLayer: r.empty,
      layer: r.empty ? null : r.layerIndex,
      size: r.size,
      created: r.created,
      id: r.id,
    })),
  };
}

export interface InstructionLink {
  /** 0-based first and last line of the instruction. */
  line: number;
  endLine: number;
  keyword: string;
  stage: number;
  /** The history step it made, undefined when none matched. */
  step: number | undefined;
  layer: number | null | undefined;
  size: number | undefined;
}

export interface DockerfileLink {
  /** 0..1: how much of the target stage's chain the history explains. */
  score: number;
  matched: boolean;
  targetStage: { name?: string; index: number; line: number };
  /** Steps that came from the base image (before the chain's first instruction). */
  baseSteps: number;
  instructions: InstructionLink[];
}

const KEYWORDS = /^(RUN|COPY|ADD|ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|WORKDIR|ARG|VOLUME|SHELL|STOPSIGNAL|HEALTHCHECK|ONBUILD|MAINTAINER)\b/i;

function keywordOf(createdBy: string): string {
  const m = KEYWORDS.exec(createdBy);
  // Exec-form RUN from the legacy builder is recorded as the bare command.
  return m ? m[1].toUpperCase() : 'RUN';
}

function chainOf(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  return chain;
}

/** Aligns the target stage's chain of instructions with the end of the history, newest first. */
export function linkDockerfile(text: string, steps: Step[], opts: { target?: string } = {}): DockerfileLink {
  const doc = new LintDocument(text);
  const target = (opts.target ? doc.stageByRef(opts.target) : undefined) ?? doc.stages[doc.stages.length - 1];
  if (!target) return { score: 0, matched: false, targetStage: { index: 0, line: 0 }, baseSteps: steps.length, instructions: [] };
  const chained: LintInstruction[] = chainOf(target).flatMap((s) => s.instructions);
  const links: InstructionLink[] = chained.map((ins) => ({
    line: ins.range.start.line, endLine: ins.range.end.line, keyword: ins.keyword, stage: ins.stage?.index ?? target.index,
    step: undefined, layer: undefined, size: undefined,
  }));
  let j = steps.length - 1;
  let matched = 0;
  for (let i = chained.length - 1; i >= 0 && j >= 0; i--) {
    const ins = chained[i];
    const step = steps[j];
    if (step.instruction !== ins.keyword) {
      // BuildKit records no step for an ARG; ONBUILD triggers are not ours to match.
      if (ins.keyword === 'ARG' || ins.keyword === 'ONBUILD') continue;
      break;
    }
    links[i].step = step.step;
    links[i].layer = step.layer;
    links[i].size = step.size;
    matched++;
    j--;
  }
  const countable = chained.filter((i) => i.keyword !== 'ARG' && i.keyword !== 'ONBUILD').length;
  return {
    score: countable ? matched / countable : 0,
    matched: matched > 0 && countable > 0 && matched / countable >= 0.8,
    targetStage: { name: target.name ?? undefined, index: target.index, line: target.from.range.start.line },
    baseSteps: j + 1,
    instructions: links,
  };
}

export interface Candidate { id: string; tags: string[]; created: number; steps: Step[] }

/** Candidates that the file explains well enough, best score first, newest first among equals. */
export function rankImages(text: string, candidates: Candidate[], opts: { target?: string; minScore?: number } = {}) {
  const min = opts.minScore ?? 1;
  return candidates
    .map((c) => ({ ...c, link: linkDockerfile(text, c.steps, opts) }))
    .filter((c) => c.link.matched && c.link.score >= min)
    .sort((a, b) => b.link.score - a.link.score || b.created - a.created);
}

export { displayCreatedBy };

/** The compact summary of a deep analysis the editor keeps per image ID (the core's ImageInsight). */
export interface ImageInsight {
  version: number;
  id: string;
  emptyLayers: boolean[];
  layers: { index: number; size: number; wastedBytes: number; added: number; modified: number; removed: number }[];
}

export function summarize(analysis: ImageAnalysis): ImageInsight {
  return {
    version: 0,
    id: analysis.id,
    emptyLayers: analysis.history.map((h) => h.emptyLayer),
    layers: analysis.layers.map((l) => ({ index: l.index, size: l.sizeBytes, wastedBytes: l.wastedBytes, added: l.added, modified: l.modified, removed: l.removed })),
  };
}
