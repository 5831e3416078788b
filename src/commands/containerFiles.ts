// A container's files: Open (read-only), Download… (copy out), Upload… (copy in, asks first).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { config } from '../config';
import type { CommandTable, Ctx } from '../ctx';
import { readContainerFile } from '../docker/containerFiles';
import { baseName, looksBinary } from '../model/containerFiles';
import { containerName } from '../model/containers';
import { formatBytes } from '../model/format';
import type { ContainerSummary } from '../model/types';
import { containerFileUri } from '../views/containerFileSystem';
import { ownerContainer } from './containerLayer';
import { packLocal, summarise, unpackInto, type UnpackResult } from './containerCopy';
import { nodeOfArg, refOfArg } from '../model/explorerRef';

interface PathTarget { container: ContainerSummary; path: string; isDir: boolean }

/** A file row (Files or Layer), else the container and a path typed in. */
async function pathTarget(ctx: Ctx, arg: unknown, action: string): Promise<PathTarget | undefined> {
  const ref = refOfArg(arg);
  if (ref?.kind === 'containerPath') return { container: ref.container, path: ref.entry.path, isDir: ref.entry.kind === 'dir' };
  if (ref?.kind === 'containerChange') return { container: ref.container, path: ref.change.path, isDir: ref.change.children.length > 0 };
  const container = await ownerContainer(ctx, arg, action);
  if (!container) return undefined;
  const typed = await ctx.prompter.input({ title: `${action} in ${containerName(container)}`, prompt: 'Absolute path in the container', value: '/' });
  if (!typed?.startsWith('/')) return undefined;
  const stat = await ctx.engine.statContainerPath(container.id, typed);
  return { container, path: typed, isDir: stat.kind === 'dir' };
}

export type OpenResult = { opened: vscode.Uri } | { binary: number; downloaded?: UnpackResult };

/** Opens a text file read-only; a binary (or too large) one offers a download instead. */
async function open(ctx: Ctx, arg: unknown): Promise<OpenResult | undefined> {
  const t = await pathTarget(ctx, arg, 'Open');
  if (!t) return undefined;
  const max = config.containerFiles().maxOpenBytes;
  const content = await readContainerFile(ctx.engine, t.container.id, t.path, max);
  if (content.truncated || looksBinary(content.bytes)) {
    const why = content.truncated ? `${formatBytes(content.stat.size)}, more than layerscope.containerFiles.maxOpenBytes` : `binary, ${content.stat.size} bytes`;
    const answer = await ctx.prompter.confirm(`${baseName(t.path)}: ${why} — Download?`,
      `${t.path} in ${containerName(t.container)} is not shown as text.`, ['Download']);
    if (answer !== 'Download') return { binary: content.stat.size };
    return { binary: content.stat.size, downloaded: await download(ctx, t) };
  }
  const uri = containerFileUri(t.container.id, t.path);
  (await ctx.explorer.containerFiles.get()).prime(uri, content.bytes);
  await vscode.window.showTextDocument(uri, { preview: true });
  return { opened: uri };
}

async function download(ctx: Ctx, t: PathTarget): Promise<UnpackResult | undefined> {
  const folder = await ctx.prompter.pickFolder(`Download ${t.path} from ${containerName(t.container)} into…`);
  if (!folder) return undefined;
  const dest = path.join(folder.fsPath, baseName(t.path));
  const exists = await fsp.lstat(dest).then(() => true, () => false);
  if (exists) {
    const answer = await ctx.prompter.confirm(`${dest} exists. Overwrite?`,
      `Files of the same name are replaced with the container's; other files there are left alone.`, ['Overwrite']);
    if (answer !== 'Overwrite') return undefined;
  }
  const result = await ctx.prompter.progress(`Downloading ${t.path}`, async (_report, signal) =>
    unpackInto(await ctx.engine.getContainerArchive(t.container.id, t.path, signal), folder.fsPath, signal));
  const skipped = result.skipped.length ? ` Not copied: ${result.skipped.slice(0, 5).join('; ')}${result.skipped.length > 5 ? '; …' : ''}.` : '';
  ctx.prompter.info(`Downloaded ${t.path} to ${dest} (${result.written.length} entries, ${formatBytes(result.bytes)}).${skipped}`);
  return result;
}

export interface UploadResult { dir: string; name: string; files: number; bytes: number }

async function upload(ctx: Ctx, arg: unknown): Promise<UploadResult | undefined> {
  const t = await pathTarget(ctx, arg, 'Upload');
  if (!t) return undefined;
  if (!t.isDir) throw new Error(`${t.path} is not a directory: upload into a folder of the container.`);
  const local = await ctx.prompter.pickUpload(`Upload into ${t.path} of ${containerName(t.container)}`);
  if (!local) return undefined;
  const s = await summarise(local.fsPath);
  const name = path.basename(local.fsPath);
  const target = t.path === '/' ? `/${name}` : `${t.path}/${name}`;
  const what = s.dirs ? `${s.files} files in ${s.dirs} folders, ${formatBytes(s.bytes)}` : `${formatBytes(s.bytes)}`;
  const answer = await ctx.prompter.confirm(`Copy ${name} into ${containerName(t.container)} as ${target}?`,
    `${what}. What is already at ${target} (and under it) is overwritten; other files stay.`, ['Copy']);
  if (answer !== 'Copy') return undefined;
  await ctx.prompter.progress(`Uploading ${name} to ${target}`, async (_report, signal) =>
    ctx.engine.putContainerArchive(t.container.id, t.path, await packLocal(local.fsPath), signal));
  const node = nodeOfArg(arg);
  if (node?.ref) ctx.explorer.loaded?.containers.redraw(node);
  ctx.prompter.info(`Copied ${name} into ${containerName(t.container)} as ${target}.`);
  return { dir: t.path, name, files: s.files, bytes: s.bytes };
}

export const containerFileCommands: CommandTable = {
  'layerscope.containerFile.open': (ctx) => (arg: unknown) => open(ctx, arg),
  'layerscope.containerFile.download': (ctx) => async (arg: unknown) => {
    const t = await pathTarget(ctx, arg, 'Download');
    return t && download(ctx, t);
  },
  'layerscope.containerFile.upload': (ctx) => (arg: unknown) => upload(ctx, arg),
};
