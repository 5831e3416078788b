// `layerscope history IMAGE`: one row per history step with the layer it made (or none), exact for
// both builders. From the engine's cheap data (history + RootFS); when that cannot decide which
// 0-byte steps made a layer, the image config is read from the save stream (layers skipped unread).
// Exit codes: 0 done, 2 bad arguments, an unreachable engine or a missing image.
import { setMaxListeners } from 'node:events';
import { readImageConfig } from '../analysis/configReader';
import { cliEngine, missingImageText, saveStream, untilInterrupted } from './engineAccess';
import { formatBytes } from '../model/format';
import { diffIdsFromInspect } from '../model/history';
import { mapSteps, stepFlagsFromImages, type Step } from '../model/layerSteps';
import { errorText } from '../model/errorText';

export const HISTORY_USAGE = 'Usage: layerscope history IMAGE [--json] [--no-config]';

const help = `${HISTORY_USAGE}

One row per history step of IMAGE (oldest first): the instruction, whether it made a filesystem
layer, which layer (index into the image's rootfs, 0 = bottom), and its size.

The engine's history does not say which 0-byte steps (WORKDIR, RUN rm …, RUN true) made a layer.
When the step sizes and the layer count cannot decide it, the legacy builder's per-step images
are inspected, and if that is not enough the image config (its empty_layer flags) is read from
the engine's save stream, skipping the layers' contents.

Options:
  --json        print a JSON array: [{step, createdBy, instruction, emptyLayer, layer, size}];
                layer is null for a step without a layer
  --no-config   never read the save stream: steps still undecided show '?' (JSON: emptyLayer null, no layer)
  -h, --help    this text`;

interface HistoryArgs { image: string; json: boolean; noConfig: boolean }

export function parseHistoryArgs(argv: string[]): HistoryArgs | 'help' {
  const positional: string[] = [];
  let json = false, noConfig = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--no-config') noConfig = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option '${arg}'`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new Error(positional.length ? `one image at a time, got ${positional.length}` : 'which image? (layerscope history IMAGE)');
  return { image: positional[0], json, noConfig };
}

/** JSON rows: JSON has no `undefined`, so an undecided step has emptyLayer null and no layer. */
export function historyJson(steps: Step[]): Record<string, unknown>[] {
  return steps.map((s) => ({
    step: s.step, createdBy: s.createdBy, instruction: s.instruction,
    emptyLayer: s.emptyLayer ?? null,
    ...(s.layer !== undefined ? { layer: s.layer } : {}),
    size: s.size,
  }));
}

export function historyTable(steps: Step[]): string {
  const rows = steps.map((s) => [
    String(s.step),
    s.layer === null ? '-' : s.layer === undefined ? '?' : `L${s.layer}`,
    s.emptyLayer === true ? '' : formatBytes(s.size),
    s.createdBy.replace(/\s+/g, ' '),
  ]);
  const head = ['STEP', 'LAYER', 'SIZE', 'INSTRUCTION'];
  const width = [0, 1, 2].map((c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]): string => `${r[0].padStart(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padStart(width[2])}  ${r[3]}`;
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export async function runHistoryCli(argv: string[]): Promise<number> {
  let args: HistoryArgs;
  try {
    const parsed = parseHistoryArgs(argv);
    if (parsed === 'help') { process.stdout.write(`${help}\n`); return 0; }
    args = parsed;
  } catch (err) {
    process.stderr.write(`layerscope history: ${(err as Error).message}\n${HISTORY_USAGE}\n`);
    return 2;
  }
  return untilInterrupted(async (controller) => {
    setMaxListeners(256, controller.signal); // one per step image inspected at once
    try {
      const engine = cliEngine();
      const [inspect, history] = await Promise.all([
        engine.inspectImage(args.image, controller.signal),
        engine.imageHistory(args.image, controller.signal),
      ]);
      const diffIds = diffIdsFromInspect(inspect);
      let mapping = mapSteps(history, diffIds);
      if (!mapping.exact && mapping.steps.some((s) => s.id)) {
        // Legacy builds keep an image per step: their layer counts settle it without the save stream.
        const counts = new Map<string, number>();
        await Promise.all(mapping.steps.filter((s) => s.id).map(async (s) => {
          const layers = await engine.inspectImage(s.id, controller.signal).then(diffIdsFromInspect, () => undefined);
          if (layers) counts.set(s.id, layers.length);
        }));
        mapping = mapSteps(history, diffIds, stepFlagsFromImages(mapping.steps, (id) => counts.get(id)));
      }
      if (!mapping.exact && !args.noConfig) {
        const config = await readImageConfig(await saveStream(args.image, controller.signal, engine), { signal: controller.signal });
        mapping = mapSteps(history, diffIds, config.emptyLayers);
      }
      if (!mapping.exact) process.stderr.write(`layerscope history: some layers are not known: ${mapping.reason}\n`);
      process.stdout.write(args.json ? `${JSON.stringify(historyJson(mapping.steps))}\n` : historyTable(mapping.steps));
      return 0;
    } catch (err) {
      const message = missingImageText(err, args.image) ?? errorText(err);
      process.stderr.write(`layerscope history: ${message}\n`);
      return 2;
    }
  });
}
