// Prune commands: preview exactly what goes and the bytes it frees, ask, remove those items by ID
// (never the engine's /prune endpoints, which would also take what appeared since), report.
import type { Ctx } from '../ctx';
import { describePlan, describeReport, planPrune, runPlan, type PruneItem, type PruneKind, type PruneReport } from '../model/prune';
import { formatBytes } from '../model/format';
import { explorerOf } from '../views';
import type { CommandTable } from '.';
import { prompter } from './prompt';

async function readPlanInput(ctx: Ctx, signal?: AbortSignal) {
  const [images, containers, df] = await Promise.all([
    ctx.engine.listImages({ all: true }, signal), ctx.engine.listContainers({ all: true }, signal), ctx.engine.diskUsage(signal),
  ]);
  return { images, containers, df };
}

async function prune(ctx: Ctx, kind: PruneKind): Promise<PruneReport | undefined> {
  const plan = planPrune(kind, await readPlanInput(ctx));
  if (!plan.items.length) {
    prompter(ctx).info(`${plan.title}: nothing to remove.`);
    return { removed: [], failed: [], reclaimed: 0 };
  }
  const answer = await prompter(ctx).confirm(`${plan.title}?`, describePlan(plan),
    [`Remove ${plan.items.length} item${plan.items.length === 1 ? '' : 's'} (${formatBytes(plan.totalBytes)})`]);
  if (!answer) return undefined;

  // An image shown as untagged that got a tag since the preview must not go: removing by ID
  // would delete it with its new tag.
  const untaggedNow = new Set((await ctx.engine.listImages({ all: true })).filter((i) => !i.repoTags.length).map((i) => i.id));
  const remove = async (item: PruneItem): Promise<number | void> => {
    switch (item.kind) {
      case 'container': return ctx.engine.removeContainer(item.id, { force: false });
      case 'volume': return ctx.engine.removeVolume(item.id);
      case 'buildCache': return ctx.engine.pruneBuildCache([item.id]);
      case 'image':
        if (!untaggedNow.has(item.id)) throw new Error('tagged or gone since the preview; kept');
        // noPrune: its untagged parents are in the plan only when the preview showed them.
        await ctx.engine.removeImage(item.id, { noPrune: true });
    }
  };
  const report = await runPlan(plan, remove);
  await explorerOf(ctx).refreshAll();
  prompter(ctx).info(`${plan.title}: ${describeReport(report)}`);
  return report;
}

export const pruneCommands: CommandTable = {
  'layerscope.prune.danglingImages': (ctx) => () => prune(ctx, 'danglingImages'),
  'layerscope.prune.stoppedContainers': (ctx) => () => prune(ctx, 'stoppedContainers'),
  'layerscope.prune.unusedVolumes': (ctx) => () => prune(ctx, 'unusedVolumes'),
  'layerscope.prune.buildCache': (ctx) => () => prune(ctx, 'buildCache'),
  'layerscope.prune.system': (ctx) => () => prune(ctx, 'system'),
};
