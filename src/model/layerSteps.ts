// Pure: which history step made which layer, exactly, or "unknown" — never a wrong guess.
//
// Contract (stable; other modules and the editor glue build on it):
//   mapSteps(history /* GET /images/{id}/history, newest first */, diffIds /* RootFS.Layers */,
//            emptyLayers? /* config history[].empty_layer, oldest first (a deep analysis, readImageConfig);
//                            entries may be undefined where only some steps are known (stepFlagsFromImages) */) → StepMapping
//   StepMapping = { steps: Step[] /* oldest first */; exact: boolean; reason?: string }
//   Step.layer: index into diffIds; null = the step made no layer; undefined = cannot tell from this data.
//   Step.emptyLayer: true/false, or undefined when the cheap data cannot decide.
//
// Why it is not simple: `/history` carries no empty-layer flag. A step with bytes made a layer; a
// metadata instruction (ENV, LABEL, …) never does; but a 0-byte RUN, COPY, WORKDIR or VOLUME may or
// may not (legacy: only when it changed the filesystem — `RUN true` makes none, `RUN mkdir /d` makes
// a 0-byte one; BuildKit: RUN and WORKDIR always make one). Those are settled by counting against
// RootFS.Layers when the count leaves one answer, else left undefined for the deep analysis.
import { parseCreatedBy } from './createdBy';
import type { HistoryEntry } from './types';

export interface Step {
  /** Position in the history, 0 = oldest. */
  step: number;
  /** Clean display text (`RUN make`, `ENV A=1`, `COPY file:… in /app`). */
  createdBy: string;
  createdByRaw: string;
  /** Upper-case Dockerfile keyword, '' when the text names none. */
  instruction: string;
  /** True: no layer; false: a layer; undefined: the cheap data cannot decide. */
  emptyLayer: boolean | undefined;
  /** Index into RootFS.Layers; null = no layer; undefined = unknown. */
  layer: number | null | undefined;
  size: number;
  /** Seconds since the epoch. */
  created: number;
  /** Image ID of that step, '' when the engine reports '<missing>'. */
  id: string;
}

export interface StepMapping {
  steps: Step[];
  /** True when every step's layer (or lack of one) is known. */
  exact: boolean;
  /** Why the mapping is not exact (for logs and the `history` CLI). */
  reason?: string;
}

/** Instructions that change only the image config, in every builder: never a layer. */
const METADATA = new Set(['ENV', 'LABEL', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'ARG', 'MAINTAINER', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'SHELL']);

export function isMetadataOnly(instruction: string): boolean {
  return METADATA.has(instruction);
}

type Class = 'layer' | 'empty' | 'maybe';

function classify(size: number, instruction: string): Class {
  if (size > 0) return 'layer';
  return METADATA.has(instruction) ? 'empty' : 'maybe';
}

export function mapSteps(history: HistoryEntry[], diffIds: string[], emptyLayers?: (boolean | undefined)[]): StepMapping {
  const oldestFirst = [...history].reverse();
  const steps: Step[] = oldestFirst.map((entry, step) => {
    const parsed = parseCreatedBy(entry.createdBy);
    return {
      step,
      createdBy: parsed.display,
      createdByRaw: entry.createdBy,
      instruction: parsed.instruction,
      emptyLayer: undefined,
      layer: undefined,
      size: entry.size,
      created: entry.created,
      id: entry.id === '<missing>' ? '' : entry.id,
    };
  });
  const layerCount = diffIds.length;

  const known = emptyLayers && emptyLayers.length === steps.length ? emptyLayers : undefined;
  if (known && known.every((e) => e !== undefined)) {
    const made = known.filter((e) => !e).length;
    if (made === layerCount) {
      assign(steps, known.map((e) => (e ? 'empty' : 'layer')));
      return { steps, exact: true };
    }
  }

  // Flags known for some steps count as certain; they must not contradict the sizes.
  const classes = steps.map((s, i): Class => {
    const flag = known?.[i];
    const guess = classify(s.size, s.instruction);
    if (flag === undefined || (flag && guess === 'layer') || (!flag && guess === 'empty')) return guess;
    return flag ? 'empty' : 'layer';
  });
  const sure = classes.filter((c) => c === 'layer').length;
  const maybe = classes.filter((c) => c === 'maybe').length;
  if (sure === layerCount || sure + maybe === layerCount) {
    const settled: Class = sure === layerCount ? 'empty' : 'layer';
    assign(steps, classes.map((c) => (c === 'maybe' ? settled : c)));
    return { steps, exact: true };
  }
  if (sure > layerCount || sure + maybe < layerCount) {
    // History and layers disagree (squashed, imported or hand-made image): say nothing about layers.
    steps.forEach((s, i) => { s.emptyLayer = classes[i] === 'maybe' ? undefined : classes[i] === 'empty'; });
    return {
      steps, exact: false,
      reason: `the history has ${sure} steps with bytes and ${maybe} that may or may not have made a layer, but the image has ${layerCount} layers`,
    };
  }
  assignAround(steps, classes, layerCount);
  return {
    steps, exact: false,
    reason: `${layerCount - sure} of ${maybe} zero-byte steps made a layer; which ones needs the image config (a deep analysis)`,
  };
}

function assign(steps: Step[], classes: Class[]): void {
  let layer = 0;
  steps.forEach((s, i) => {
    s.emptyLayer = classes[i] === 'empty';
    s.layer = classes[i] === 'empty' ? null : layer++;
  });
}

/** Undecided steps stay undefined; layer indexes are still known below the first and above the last of them. */
function assignAround(steps: Step[], classes: Class[], layerCount: number): void {
  const first = classes.indexOf('maybe');
  const last = classes.lastIndexOf('maybe');
  let layer = 0;
  steps.forEach((s, i) => {
    s.emptyLayer = classes[i] === 'maybe' ? undefined : classes[i] === 'empty';
    if (classes[i] === 'empty') s.layer = null;
    else if (i < first) s.layer = layer++;
  });
  let top = layerCount - 1;
  for (let i = steps.length - 1; i > last; i--) {
    if (classes[i] === 'layer') steps[i].layer = top--;
  }
}

/**
 * Empty-layer flags from the legacy builder's intermediate images: each step's image ID names an
 * image whose RootFS has one more layer than its parent's exactly when the step made a layer.
 * `layerCount(id)` gives that image's RootFS length (inspect), undefined when unknown ('<missing>'
 * steps of a pulled base, BuildKit). Oldest first; undefined where it cannot tell.
 */
export function stepFlagsFromImages(steps: Step[], layerCount: (id: string) => number | undefined): (boolean | undefined)[] {
  const counts = steps.map((s) => (s.id ? layerCount(s.id) : undefined));
  return counts.map((c, i) => {
    if (c === undefined) return undefined;
    const before = i === 0 ? 0 : counts[i - 1];
    return before === undefined ? undefined : c === before;
  });
}
