// What the CodeLens above each instruction says (no vscode here: plain rows in, plain lenses out).
import { formatAge, formatBytes } from '../model/format';
import type { InstructionRow } from './rows';

export interface LayerFigures { size: number; wastedBytes: number; added: number; modified: number; removed: number }

export type LensAction =
  | { kind: 'showImage'; imageId: string; tag?: string }
  | { kind: 'showLayer'; imageId: string; tag?: string; layer: number }
  | { kind: 'build' }
  | { kind: 'link' }
  | { kind: 'analyze' };

export interface LensSpec { line: number; title: string; tooltip?: string; action: LensAction }

export interface LensInput {
  image: { id: string; tags: string[]; created: number; size: number };
  tag?: string;
  targetStage: { name?: string; index: number };
  stageCount: number;
  firstFromLine: number;
  rows: InstructionRow[];
  /** Per layer figures of the deep analysis, once run. */
  analysis?: { layers: LayerFigures[] };
}

/** Instructions that never make a layer (FROM starts a stage; the rest change only the config). */
const NO_LAYER = new Set(['FROM', 'ARG', 'ENV', 'LABEL', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'MAINTAINER', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'SHELL']);

export const STALE = 'stale: edited since build';
export const NOT_BUILT = 'no image built from this file yet — Build…';

/** The lens above the first FROM when nothing is linked. */
export function unlinkedLenses(firstFromLine: number): LensSpec[] {
  return [
    { line: firstFromLine, title: NOT_BUILT, tooltip: 'Build this Dockerfile in a terminal and link the image to it', action: { kind: 'build' } },
    { line: firstFromLine, title: 'Link to Image…', tooltip: 'Choose an image built from this file elsewhere', action: { kind: 'link' } },
  ];
}

export function linkedLenses(input: LensInput, nowMs = Date.now()): LensSpec[] {
  const { image } = input;
  const name = input.tag && image.tags.includes(input.tag) ? input.tag : image.tags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12);
  const stage = input.stageCount > 1 ? ` · stage ${input.targetStage.name ?? input.targetStage.index}` : '';
  const lenses: LensSpec[] = [
    {
      line: input.firstFromLine,
      title: `${name} · built ${formatAge(image.created, nowMs)} · ${formatBytes(image.size)}${stage}`,
      tooltip: `Linked image ${image.id}: click to show its layers`,
      action: { kind: 'showImage', imageId: image.id, tag: name },
    },
    { line: input.firstFromLine, title: 'Build…', tooltip: 'Build this Dockerfile again', action: { kind: 'build' } },
  ];
  if (!input.analysis) lenses.push({ line: input.firstFromLine, title: 'Analyze…', tooltip: 'Read the image\'s files: wasted bytes and measured findings per instruction', action: { kind: 'analyze' } });
  for (const row of input.rows) {
    if (row.stale) {
      if (!NO_LAYER.has(row.keyword)) lenses.push({ line: row.line, title: STALE, tooltip: 'The file changed here since the image was built: build again to see this instruction\'s layer', action: { kind: 'build' } });
      continue;
    }
    // Metadata-only instructions and stages outside the image made no layer: nothing to say.
    if (row.layer === null || row.layer === undefined || row.step === undefined) continue;
    const layer = input.analysis?.layers[row.layer];
    const parts = [`+${formatBytes(layer ? layer.size : row.size ?? 0)}`];
    if (layer) {
      if (layer.wastedBytes > 0) parts.push(`${formatBytes(layer.wastedBytes)} wasted`);
      parts.push(`${layer.added} added, ${layer.modified} changed, ${layer.removed} removed`);
    }
    lenses.push({
      line: row.line,
      title: parts.join(' · '),
      tooltip: `Layer L${row.layer} of ${name}: click to show it in the Layers panel`,
      action: { kind: 'showLayer', imageId: image.id, tag: name, layer: row.layer },
    });
  }
  return lenses;
}
