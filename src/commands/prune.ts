// Prune commands: preview exactly what goes and the bytes it frees, ask, remove those items by ID
// (never the engine's /prune endpoints, which would also take what appeared since), report.
import type { CommandTable, Ctx } from '../ctx';
import { describePlan, describeReport, imageChangedSincePreview, planPrune, runPlan, type PruneItem, type PruneKind, type PruneReport } from '../model/prune';
import { formatBytes } from '../model/format';

async function readPlanInput(ctx: Ctx, kind: PruneKind, signal?: AbortSignal) {
  const [images, containers, df, networks] = await Promise.all([
    ctx.engine.listImages({ all: true }, signal), ctx.engine.listContainers({ all: true }, signal), ctx.engine.diskUsage(signal),
    kind === 'unusedNetworks' ? ctx.engine.listNetworks(signal) : undefined,
  ]);
  return { images, containers, df, networks };
}

async function prune(ctx: Ctx, kind: PruneKind): Promise<PruneReport | undefined> {
  const plan = planPrune(kind, await readPlanInput(ctx, kind));
  if (!plan.items.length) {
    ctx.prompter.info(`${plan.title}: nothing to remove.`);
    return { removed: [], failed: [], reclaimed: 0 };
  }
  const answer = await ctx.prompter.confirm(`${plan.title}?`, describePlan(plan),
    [`Remove ${plan.items.length} item${plan.items.length === 1 ? '' : 's'} (${formatBytes(plan.totalBytes)})`]);
  if (!answer) return undefined;

  // An image shown as untagged that got a tag since the preview must not go: removing by ID
  // would delete it with its new tag.
  const [imagesNow, containersNow] = await Promise.all([ctx.engine.listImages({ all: true }), ctx.engine.listContainers({ all: true })]);
  const untaggedNow = new Set(imagesNow.filter((i) => !i.repoTags.length).map((i) => i.id));
  const remove = async (item: PruneItem): Promise<number | void> => {
    switch (item.kind) {
      case 'container': return ctx.engine.removeContainer(item.id, { force: false });
      case 'volume': return ctx.engine.removeVolume(item.id);
      // The engine refuses a network that got a container since the preview: it stays.
      case 'network': return ctx.engine.removeNetwork(item.id);
      case 'buildCache': return ctx.engine.pruneBuildCache([item.id]);
      case 'image':
        if (item.tags) {
          // "All unused" also takes tagged images: exactly the tags shown, and only while unused.
          const reason = imageChangedSincePreview(item, imagesNow, containersNow);
          if (reason) throw new Error(reason);
          // force: an image with several tags is refused without it; noPrune as below.
          await ctx.engine.removeImage(item.id, { force: item.tags.length > 1, noPrune: true });
          return;
        }
        if (!untaggedNow.has(item.id)) throw new Error('tagged or gone since the preview; kept');
        // noPrune: its untagged parents are in the plan only when the preview showed them.
        await ctx.engine.removeImage(item.id, { noPrune: true });
    }
  };
  const report = await runPlan(plan, remove);
  await (await ctx.explorer.get()).refreshAll();
  ctx.prompter.info(`${plan.title}: ${describeReport(report)}`);
  return report;
}

export const pruneCommands: CommandTable = {
  'layerscope.prune.danglingImages': (ctx) => () => prune(ctx, 'danglingImages'),
  'layerscope.prune.unusedImages': (ctx) => () => prune(ctx, 'unusedImages'),
  'layerscope.prune.stoppedContainers': (ctx) => () => prune(ctx, 'stoppedContainers'),
  'layerscope.prune.unusedVolumes': (ctx) => () => prune(ctx, 'unusedVolumes'),
  'layerscope.prune.unusedNetworks': (ctx) => () => prune(ctx, 'unusedNetworks'),
  'layerscope.prune.buildCache': (ctx) => () => prune(ctx, 'buildCache'),
  'layerscope.prune.system': (ctx) => () => prune(ctx, 'system'),
};
