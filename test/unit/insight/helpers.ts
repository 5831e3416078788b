// Shared by the insight unit tests: engine-shaped steps from recorded histories.
import { mapSteps, type Step } from '../../../src/model/layerSteps';
import type { HistoryEntry } from '../../../src/model/types';

/** Steps as the engine would give them; `layers` defaults to the steps with bytes (or the flags' count). */
export function stepsOf(history: [string, number][], emptyLayers?: boolean[], layerCount?: number): Step[] {
  const entries: HistoryEntry[] = history.map(([createdBy, size], i) => ({ id: '<missing>', created: 1000 - i, createdBy, tags: [], size, comment: '' }));
  const layers = layerCount ?? (emptyLayers ? emptyLayers.filter((e) => !e).length : history.filter(([, s]) => s > 0).length);
  return mapSteps(entries, Array.from({ length: layers }, (_, i) => `sha256:${i}`), emptyLayers).steps;
}
