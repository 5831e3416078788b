// Turns a command's argument into what it acts on: a tree node from a context menu, or (from the
// command palette, with no argument) the item selected in the view, else a quick pick over the
// engine's current objects.
import type { Ctx } from '../ctx';
import { containerName } from '../model/containers';
import { shortId } from '../model/tree';
import type { ContainerState, ContainerSummary, ImageSummary } from '../model/types';
import { refOfArg, type ExplorerNode, type ExplorerRef } from '../model/explorerRef';

/** An image to act on: `ref` is the tag chosen (undefined for untagged images). */
export interface ImageTarget {
  image: ImageSummary;
  ref?: string;
}

/** The argument's model object; with no argument (the palette), the item selected in one of `views`. */
function refOf(arg: unknown, selected: () => (readonly ExplorerNode[])[]): ExplorerRef | undefined {
  if (arg !== undefined) return refOfArg(arg);
  for (const selection of selected()) if (selection.length === 1) return selection[0].ref;
  return undefined;
}

export async function imageTarget(ctx: Ctx, arg: unknown, action: string): Promise<ImageTarget | undefined> {
  const ref = refOf(arg, () => [ctx.explorer.slots.images.view.selection, ctx.explorer.slots.dangling.view.selection]);
  if (ref?.kind === 'imageTag') return { image: ref.image, ref: ref.ref };
  if (ref?.kind === 'danglingImage' || ref?.kind === 'intermediateImage') return { image: ref.image };
  const images = await ctx.engine.listImages({});
  const items = images.flatMap((image) => (image.repoTags.length ? image.repoTags : ['']).map((tag) => ({
    label: tag || `<none> ${shortId(image.id)}`, description: shortId(image.id), target: { image, ref: tag || undefined },
  })));
  return (await ctx.prompter.pick(items, `Image to ${action}`))?.target;
}

export async function containerTarget(ctx: Ctx, arg: unknown, action: string, states?: ContainerState[]): Promise<ContainerSummary | undefined> {
  const ref = refOf(arg, () => [ctx.explorer.slots.containers.view.selection]);
  if (ref?.kind === 'container' && (arg !== undefined || !states || states.includes(ref.container.state))) return ref.container;
  const all = await ctx.engine.listContainers({ all: true });
  const containers = states ? all.filter((c) => states.includes(c.state)) : all;
  if (!containers.length) throw new Error(`No container to ${action}${states ? ` (looking for: ${states.join(', ')})` : ''}.`);
  const items = containers.map((c) => ({ label: containerName(c), description: `${c.image} · ${c.status}`, container: c }));
  return (await ctx.prompter.pick(items, `Container to ${action}`))?.container;
}
