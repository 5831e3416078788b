// A container's own layer: Commit to Image…, Export Filesystem to .tar…, Compare with Image.
import type { CommandTable, Ctx } from '../ctx';
import { containerName } from '../model/containers';
import { commitPreview } from '../model/containerNodes';
import { parseTagInput } from '../model/images';
import { shortId } from '../model/tree';
import type { ContainerSummary } from '../model/types';
import type { LayersPanel } from '../webview/layersPanel';
import { type SaveResult, streamToFile } from './streamToFile';
import { containerTarget } from './targets';
import { nodeOfArg, refOfArg } from '../model/explorerRef';

/** The container a row belongs to (its own row, its Layer, a change or a file), else a pick. */
export async function ownerContainer(ctx: Ctx, arg: unknown, action: string): Promise<ContainerSummary | undefined> {
  const ref = refOfArg(arg);
  if (ref && ref.kind !== 'container' && ref.kind !== 'containerNote' && 'container' in ref) return ref.container;
  return containerTarget(ctx, arg, action);
}

export interface CommitResult { imageId: string; ref: string }

async function commit(ctx: Ctx, arg: unknown): Promise<CommitResult | undefined> {
  const c = await ownerContainer(ctx, arg, 'commit');
  if (!c) return undefined;
  const name = containerName(c);
  const p = ctx.prompter;
  const [changes, size] = await Promise.all([ctx.engine.containerChanges(c.id), ctx.engine.containerSize(c.id)]);
  const suggested = `${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'container'}:snapshot`;
  const target = await p.input({
    title: `Commit ${name} to an image (1/3)`, prompt: 'Repository[:tag] of the new image', value: suggested,
    validateInput: (v) => { try { parseTagInput(v); return undefined; } catch (e) { return (e as Error).message; } },
  });
  if (target === undefined) return undefined;
  const { repo, tag } = parseTagInput(target);
  const author = await p.input({ title: `Commit ${name} (2/3)`, prompt: 'Author (optional), e.g. Jane Doe <jane@example.org>', value: '' });
  if (author === undefined) return undefined;
  const message = await p.input({ title: `Commit ${name} (3/3)`, prompt: 'Commit message (optional)', value: '' });
  if (message === undefined) return undefined;
  let pause = false;
  if (c.state === 'running') {
    const picked = await p.pick([
      { label: 'Pause while committing', description: 'recommended: a consistent snapshot', pause: true },
      { label: 'Do not pause', description: 'the container keeps running; files may change mid-commit', pause: false },
    ], `Pause ${name} while committing?`);
    if (!picked) return undefined;
    pause = picked.pause;
  }
  const answer = await p.confirm(`Commit ${name} as ${repo}:${tag}?`, commitPreview(c, changes, size.sizeRw), ['Commit']);
  if (answer !== 'Commit') return undefined;
  const imageId = await p.progress(`Committing ${name} as ${repo}:${tag}`, (_report, signal) =>
    ctx.engine.commitContainer(c.id, { repo, tag, author: author.trim(), message: message.trim(), pause }, signal));
  await (await ctx.explorer.get()).images.refresh();
  p.info(`Committed ${name} as ${repo}:${tag} (${shortId(imageId)}).`);
  return { imageId, ref: `${repo}:${tag}` };
}

async function exportFs(ctx: Ctx, arg: unknown): Promise<SaveResult | undefined> {
  const c = await ownerContainer(ctx, arg, 'export');
  if (!c) return undefined;
  const name = containerName(c);
  const uri = await ctx.prompter.saveFile(`${name.replace(/[^\w.-]+/g, '_')}.tar`, `Export the filesystem of ${name} to .tar`);
  if (!uri) return undefined;
  return streamToFile(ctx, { title: `Exporting ${name}`, noun: `Export of ${name}`, done: `Exported the filesystem of ${name} to` }, uri.fsPath,
    (signal) => ctx.engine.exportContainer(c.id, signal));
}

/** The image's Layers panel with the container's writable layer on top, analysed at once. */
async function compareWithImage(ctx: Ctx, arg: unknown): Promise<LayersPanel | undefined> {
  const c = await ownerContainer(ctx, arg, 'compare with its image');
  if (!c) return undefined;
  const panel = await (await ctx.panels.get()).show(c.imageId, undefined, { containerId: c.id, name: containerName(c) });
  if (!panel.analysisResult) await panel.analyze();
  return panel;
}

export const containerLayerCommands: CommandTable = {
  'layerscope.container.compareWithImage': (ctx) => (arg: unknown) => compareWithImage(ctx, arg),
  'layerscope.container.commit': (ctx) => (arg: unknown) => commit(ctx, arg),
  'layerscope.container.export': (ctx) => (arg: unknown) => exportFs(ctx, arg),
  'layerscope.container.refreshLayer': (ctx) => (arg: unknown) => {
    const node = nodeOfArg(arg);
    if (node) ctx.explorer.loaded?.containers.redraw(node);
  },
};
