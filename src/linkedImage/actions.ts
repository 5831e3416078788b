// What the Dockerfile ↔ image commands do (the command table reaches them through onDemand.ts).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { formatAge, formatBytes } from '../model/format';
import { shortId } from '../model/tree';
import { buildImage } from './build';
import type { LinkedImages } from './service';
import { rankImages } from '../insight';

function dockerfileUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.file(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

/** Lets a person choose the image a Dockerfile is linked to; images the file explains come first. */
async function linkDockerfile(ctx: Ctx, linked: LinkedImages, arg: unknown): Promise<string | undefined> {
  const uri = dockerfileUri(arg);
  if (!uri) throw new Error('Open a Dockerfile to link it to an image.');
  const doc = await vscode.workspace.openTextDocument(uri);
  const images = (await ctx.engine.listImages({})).sort((a, b) => b.created - a.created);
  const facts = await Promise.all(images.slice(0, 50).map((i) => linked.imageFacts(i.id).catch(() => undefined)));
  const ranked = rankImages(doc.getText(), facts.filter((f): f is NonNullable<typeof f> => !!f));
  const matching = new Map(ranked.filter((r) => r.link.matched).map((r) => [r.id, r.link.score]));
  const current = linked.store.link(uri);
  const now = Date.now();
  const items = images
    .map((image) => ({
      label: image.repoTags[0] ?? `<none> ${shortId(image.id)}`,
      description: `${shortId(image.id)} · ${formatBytes(image.size)} · ${formatAge(image.created, now)}`,
      detail: matching.has(image.id) ? `matches ${Math.round(matching.get(image.id)! * 100)} % of this file's instructions` : undefined,
      imageId: image.id,
      tag: image.repoTags[0],
      score: matching.get(image.id) ?? -1,
    }))
    .sort((a, b) => b.score - a.score);
  const unlink = { label: '$(close) Unlink', description: 'Forget the image linked to this file', imageId: '', tag: undefined, score: 0, detail: undefined };
  const picked = await ctx.prompter.pick(current ? [...items, unlink] : items, `Link ${vscode.workspace.asRelativePath(uri)} to which image?`);
  if (!picked) return undefined;
  if (!picked.imageId) {
    await linked.unlink(uri);
    return '';
  }
  await linked.link(uri, { imageId: picked.imageId, tag: picked.tag, pinned: true, builtText: doc.getText() });
  return picked.imageId;
}

/** The handlers behind the command table's entries (src/linkedImage/commands.ts). */
export function linkedImageActions(ctx: Ctx, linked: LinkedImages) {
  return {
    build: (arg?: unknown) => buildImage(ctx, linked, arg),
    link: (arg?: unknown) => linkDockerfile(ctx, linked, arg),
    analyze: async (arg?: unknown) => {
      const uri = dockerfileUri(arg);
      if (!uri) throw new Error('Open a Dockerfile linked to an image to analyse it.');
      return linked.analyze(uri);
    },
    /** A lens above an instruction: the Layers panel of the image, at that layer. */
    showInstructionLayer: async (arg: { imageId: string; tag?: string; layer: number }) => {
      const panel = await (await ctx.panels.get()).show(arg.imageId, arg.tag);
      panel.selectLayer(arg.layer);
      return panel;
    },
    /** The Layers panel's "Go to instruction": reveals the instruction's line in its Dockerfile. */
    goToInstruction: async (arg: { file: string; line: number }) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.file));
      const position = new vscode.Position(arg.line, 0);
      const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    },
  };
}

export type LinkedImageActions = ReturnType<typeof linkedImageActions>;
