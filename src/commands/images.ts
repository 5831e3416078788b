// Image actions: Inspect, Copy ID / Full Tag, Tag…, Remove, Save to .tar…, Load from .tar…,
// and the Images view's filter / sort / grouping commands.
import { createReadStream } from 'node:fs';
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { config } from '../config';
import { openInspect } from '../inspect';
import { containerName } from '../model/containers';
import { formatBytes } from '../model/format';
import { parseTagInput } from '../model/images';
import { shortId } from '../model/tree';
import type { RemovedItem } from '../model/types';
import { type SaveResult, streamToFile } from './streamToFile';
import { imageTarget } from './targets';

export type { SaveResult };

async function remove(ctx: Ctx, arg: unknown): Promise<RemovedItem[] | undefined> {
  const target = await imageTarget(ctx, arg, 'remove');
  if (!target) return undefined;
  const name = target.ref ?? shortId(target.image.id);
  const users = (await ctx.engine.listContainers({ all: true })).filter((c) => c.imageId === target.image.id);
  const otherTags = target.ref ? target.image.repoTags.filter((t) => t !== target.ref) : [];
  const detail = [
    otherTags.length ? `Only the tag is removed: the image stays under ${otherTags.join(', ')}.` : `Image ${shortId(target.image.id)}, ${formatBytes(target.image.size)}.`,
    users.length ? `In use by ${users.map((c) => `${containerName(c)} (${c.state})`).join(', ')}. The engine refuses without force; force removes the tag and leaves those containers on an untagged image.` : '',
  ].filter(Boolean).join('\n');
  // Force is offered only when containers use the image, and says which.
  const buttons = users.length ? ['Remove', 'Force Remove'] : ['Remove'];
  const answer = await ctx.prompter.confirm(`Remove image ${name}?`, detail, buttons);
  if (!answer) return undefined;
  const removed = await ctx.engine.removeImage(target.ref ?? target.image.id, { force: answer === 'Force Remove' });
  await (await ctx.explorer.get()).refreshAll();
  return removed;
}

async function tag(ctx: Ctx, arg: unknown): Promise<string | undefined> {
  const target = await imageTarget(ctx, arg, 'tag');
  if (!target) return undefined;
  const text = await ctx.prompter.input({
    title: `Tag ${target.ref ?? shortId(target.image.id)}`, prompt: 'New repository[:tag]', value: target.ref ?? '',
    validateInput: (v) => { try { parseTagInput(v); return undefined; } catch (e) { return (e as Error).message; } },
  });
  if (text === undefined) return undefined;
  const { repo, tag: newTag } = parseTagInput(text);
  await ctx.engine.tagImage(target.image.id, repo, newTag);
  await (await ctx.explorer.get()).images.refresh();
  return `${repo}:${newTag}`;
}

/** Streams `docker save` to a file with progress; cancelling (or failing) deletes the partial file. */
async function save(ctx: Ctx, arg: unknown): Promise<SaveResult | undefined> {
  const target = await imageTarget(ctx, arg, 'save');
  if (!target) return undefined;
  const name = target.ref ?? target.image.id;
  const uri = await ctx.prompter.saveFile(`${name.replace(/[/:]/g, '_')}.tar`, `Save ${name} to .tar`);
  if (!uri) return undefined;
  return streamToFile(ctx, { title: `Saving ${name}`, noun: `Save of ${name}`, done: `Saved ${name} to` }, uri.fsPath,
    (signal) => ctx.engine.saveImages([name], signal));
}

async function load(ctx: Ctx): Promise<string | undefined> {
  const uri = await ctx.prompter.openFile('Load images from .tar');
  if (!uri) return undefined;
  const output = await ctx.prompter.progress(`Loading ${uri.fsPath}`, (_report, signal) =>
    ctx.engine.loadImages(createReadStream(uri.fsPath), signal));
  await (await ctx.explorer.get()).refreshAll();
  ctx.prompter.info(output.trim().split('\n').pop() || `Loaded ${uri.fsPath}.`);
  return output;
}

async function setSetting(key: string, value: string): Promise<void> {
  await vscode.workspace.getConfiguration('layerscope').update(key, value, vscode.ConfigurationTarget.Global);
}

const sortOrder = ['created', 'name', 'size'] as const;

async function toggleSort(): Promise<string> {
  const current = config.imagesSortBy();
  const next = sortOrder[(sortOrder.indexOf(current) + 1) % sortOrder.length];
  await setSetting('images.sortBy', next);
  return next;
}

export const imageCommands: CommandTable = {
  'layerscope.image.inspect': (ctx) => async (arg: unknown) => {
    const t = await imageTarget(ctx, arg, 'inspect');
    return t && openInspect(ctx, 'image', t.image.id, t.ref ?? shortId(t.image.id));
  },
  'layerscope.image.copyId': (ctx) => async (arg: unknown) => {
    const t = await imageTarget(ctx, arg, 'copy the ID of');
    if (t) await vscode.env.clipboard.writeText(t.image.id);
    return t?.image.id;
  },
  'layerscope.image.copyTag': (ctx) => async (arg: unknown) => {
    const t = await imageTarget(ctx, arg, 'copy the tag of');
    if (!t?.ref) return undefined;
    await vscode.env.clipboard.writeText(t.ref);
    return t.ref;
  },
  'layerscope.image.tag': (ctx) => (arg: unknown) => tag(ctx, arg),
  'layerscope.image.remove': (ctx) => (arg: unknown) => remove(ctx, arg),
  'layerscope.image.save': (ctx) => (arg: unknown) => save(ctx, arg),
  'layerscope.image.load': (ctx) => () => load(ctx),
  'layerscope.images.filter': (ctx) => async () => {
    const { images } = await ctx.explorer.get();
    const text = await ctx.prompter.input({ title: 'Filter images', prompt: 'Part of the name (repository:tag) or ID', value: images.filter });
    if (text !== undefined) await images.setFilter(text);
    return images.filter;
  },
  'layerscope.images.clearFilter': (ctx) => async () => (await ctx.explorer.get()).images.setFilter(''),
  'layerscope.images.toggleSort': () => toggleSort,
  // The title bar shows the current order by which of these is visible (package.json menus).
  'layerscope.images.sortedByCreated': () => toggleSort,
  'layerscope.images.sortedByName': () => toggleSort,
  'layerscope.images.sortedBySize': () => toggleSort,
  'layerscope.images.groupBy': (ctx) => async () => {
    const current = config.imagesGroupBy();
    const choices = [{ label: 'repository', description: '' }, { label: 'registry', description: '' }, { label: 'none', description: 'a flat list' }];
    const picked = await ctx.prompter.pick(choices.map((c) => (c.label === current
      ? { ...c, description: `$(check) current${c.description ? ` · ${c.description}` : ''}`, picked: true } : c)), `Group images by (now: ${current})`);
    if (picked) await setSetting('images.groupBy', picked.label);
    return picked?.label;
  },
};
