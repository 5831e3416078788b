// Commands of the layers panel: open it for an image (from a view, a container or the palette),
// run the deep file analysis, and compare two images.
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { formatAge, formatBytes } from '../model/format';
import { shortId } from '../model/tree';
import { imageFromArg, type ImageArg } from '../model/imageArg';
import { compareReport } from '../analysis/compareReport';

async function pickImage(ctx: Ctx, placeHolder: string): Promise<ImageArg | undefined> {
  const images = await ctx.engine.listImages({});
  const now = Date.now();
  const items = images
    .sort((a, b) => b.created - a.created)
    .map((image) => ({
      label: image.repoTags[0] ?? `<none> ${shortId(image.id)}`,
      description: `${shortId(image.id)} · ${formatBytes(image.size)} · ${formatAge(image.created, now)}`,
      ref: image.id,
      tag: image.repoTags[0],
    }));
  if (!items.length) {
    ctx.prompter.info(`No images on ${ctx.engine.info.endpoint}.`);
    return undefined;
  }
  return ctx.prompter.pick(items, placeHolder);
}

async function resolveImage(ctx: Ctx, arg: unknown, placeHolder: string) {
  return imageFromArg(arg) ?? (await pickImage(ctx, placeHolder));
}

export const layerCommands: CommandTable = {
  'layerscope.showLayers': (ctx) => async (arg?: unknown) => {
    const image = await resolveImage(ctx, arg, 'Show the layers of which image?');
    return image && (await ctx.panels.get()).show(image.ref, image.tag);
  },
  'layerscope.analyzeImage': (ctx) => async (arg?: unknown) => {
    const image = await resolveImage(ctx, arg, 'Analyze the files of which image?');
    if (!image) return undefined;
    const panel = await (await ctx.panels.get()).show(image.ref, image.tag);
    await panel.analyze();
    return panel;
  },
  'layerscope.compareImages': (ctx) => (arg?: unknown) => compareImagesCommand(ctx, arg),
};

/** Saves both images in one stream, analyses them and opens the comparison as a Markdown document. */
async function compareImagesCommand(ctx: Ctx, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const first = await resolveImage(ctx, arg, 'Compare which image (A)?');
  if (!first) return undefined;
  // The Layers panel's "compare with the new build" names both images.
  const compareWith = arg && typeof arg === 'object' && typeof (arg as { compareWith?: unknown }).compareWith === 'string'
    ? { ref: (arg as { compareWith: string }).compareWith, tag: undefined } : undefined;
  const second = compareWith ?? await pickImage(ctx, `Compare ${first.tag ?? shortId(first.ref)} (A) with which image (B)?`);
  if (!second) return undefined;
  const { analyzeArchive, compareImages } = await import('../analysis');
  const [idA, idB] = await Promise.all([first.ref, second.ref].map(async (ref) => String((await ctx.engine.inspectImage(ref)).Id)));
  const analyses = await ctx.prompter.progress('Comparing images', async (report, signal) => {
    const stream = await ctx.engine.saveImages(idA === idB ? [idA] : [idA, idB], signal);
    return analyzeArchive(stream, {
      signal,
      onProgress: (p) => report(`${formatBytes(p.bytesRead)} read`),
    }).catch((err) => {
      if (signal.aborted) return undefined;
      throw err;
    });
  });
  if (!analyses) return undefined;
  const a = analyses.find((x) => x.id === idA);
  const b = analyses.find((x) => x.id === idB) ?? a;
  if (!a || !b) throw new Error('The engine\'s archive did not contain both images.');
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: compareReport(a, b, compareImages(a, b), 100, [first.tag, second.tag]) });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}
