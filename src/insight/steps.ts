// Pure: history steps straight from a deep analysis or a cached ImageInsight (the config's own
// history and empty_layer flags), for linking without asking the engine again.
import { mapSteps, type Step } from '../model/layerSteps';
import type { ImageInsight } from './types';

/** Steps (oldest first) of a summarised image: exact, since the config's flags are known. */
export function stepsOfInsight(insight: ImageInsight): Step[] {
  let layer = 0;
  const sizes = insight.history.map((_, i) => (insight.emptyLayers[i] ? 0 : insight.layers[layer++]?.size ?? 0));
  const newestFirst = insight.history.map((createdBy, i) => ({
    id: '<missing>', created: 0, createdBy, tags: [], size: sizes[i], comment: '',
  })).reverse();
  return mapSteps(newestFirst, insight.layers.map((l) => String(l.index)), insight.emptyLayers).steps;
}
