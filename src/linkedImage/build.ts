// "Build Image…": asks for a tag (remembered per file) and a target stage, runs `docker build` as a
// VS Code task in a terminal (the person sees the real build output), then links the new image to
// the file and, when layerscope.dockerfile.analyzeAfterBuild is on, analyses it.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { findDockerCli } from '../docker/dockerCli';
import { LintDocument } from '../lint/document';
import { buildCommand, normalTag, tagProblem, useBuildKit } from '../model/dockerBuild';
import type { ImageInsight } from '../insight';
import type { LinkedImages } from './service';

export const TASK_TYPE = 'layerscope-build';

export interface BuildOutcome {
  tag: string;
  imageId: string;
  buildKit: boolean;
  /** The deep analysis run after the build (undefined when off or cancelled). */
  insight?: ImageInsight;
}

export async function buildImage(ctx: Ctx, linked: LinkedImages, arg?: unknown): Promise<BuildOutcome | undefined> {
  const uri = dockerfileOf(arg);
  if (!uri) throw new Error('Open a Dockerfile (or pick one in the Explorer) to build it.');
  const doc = await vscode.workspace.openTextDocument(uri);
  // The CLI reads the file from disk.
  if (doc.isDirty) await doc.save();
  const setting = config.dockerPath();
  const docker = setting ? (isExecutable(setting) ? setting : undefined) : findDockerCli();
  if (!docker) return offerWithoutCli(ctx, uri, setting);

  const ask = ctx.prompter;
  const remembered = linked.store.buildChoice(uri);
  const tag = (await ask.input({
    title: 'Build Image: tag',
    prompt: `Tag for the image built from ${vscode.workspace.asRelativePath(uri)}`,
    value: remembered?.tag ?? defaultTag(uri),
    validateInput: (v) => tagProblem(v.trim()),
  }))?.trim();
  if (!tag) return undefined;
  const problem = tagProblem(tag);
  if (problem) throw new Error(`${tag}: ${problem}`);
  const target = await pickTarget(ctx, doc, remembered?.target);
  if (target === undefined) return undefined;
  await linked.store.setBuildChoice(uri, { tag, target: target || undefined });

  const settings = config.dockerfile(uri);
  const buildKit = useBuildKit(settings.builder, await cliFacts(docker), await engineFacts(ctx));
  const builtText = doc.getText();
  const { args, env } = buildCommand({
    dockerfile: uri.fsPath, context: path.dirname(uri.fsPath), tag, target: target || undefined,
    buildArgs: settings.buildArgs, extraFlags: settings.buildFlags, buildKit,
  });
  const endpoint = ctx.engine.info.endpoint;
  if (/^(unix|tcp|npipe):\/\//.test(endpoint)) env.DOCKER_HOST = endpoint;
  ctx.log.info(`Build Image: ${docker} ${args.join(' ')} (${buildKit ? 'BuildKit' : 'legacy builder'})`);
  const exitCode = await runTask(uri, tag, target, docker, args, env, path.dirname(uri.fsPath));
  if (exitCode !== 0) {
    throw new Error(`The build of ${tag} failed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}: see the terminal "${taskName(tag)}".`);
  }

  const facts = await linked.imageFacts(tag);
  const previous = linked.store.link(uri);
  await linked.link(uri, {
    imageId: facts.id, tag: normalTag(tag), pinned: true, builtText, target: target || undefined, buildArgs: settings.buildArgs,
    previousId: previous && previous.imageId !== facts.id ? previous.imageId : previous?.previousId,
  });
  const outcome: BuildOutcome = { tag, imageId: facts.id, buildKit };
  if (settings.analyzeAfterBuild) outcome.insight = await linked.analyze(uri);
  return outcome;
}

function dockerfileOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.file(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

function defaultTag(uri: vscode.Uri): string {
  const folder = path.basename(path.dirname(uri.fsPath)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[._-]+$/g, '');
  return `${folder || 'image'}:dev`;
}

/** '' = the last stage; undefined = the person dismissed the pick. */
async function pickTarget(ctx: Ctx, doc: vscode.TextDocument, remembered: string | undefined): Promise<string | undefined> {
  const stages = new LintDocument(doc.getText()).stages;
  if (stages.length < 2) return '';
  const last = stages[stages.length - 1];
  const items = stages.slice().reverse().map((s) => ({
    label: s.name ?? `stage ${s.index}`,
    description: `${s === last ? 'last stage (default) · ' : ''}line ${s.from.range.start.line + 1}: FROM ${s.image ?? ''}`,
    target: s === last ? '' : s.name ?? String(s.index),
  }));
  const rememberedItem = items.find((i) => i.target === (remembered ?? ''));
  const ordered = rememberedItem ? [rememberedItem, ...items.filter((i) => i !== rememberedItem)] : items;
  return (await ctx.prompter.pick(ordered, 'Build which stage?'))?.target;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** No docker CLI: say so and offer what works without it. */
async function offerWithoutCli(ctx: Ctx, uri: vscode.Uri, setting: string): Promise<undefined> {
  const link = 'Link to an Existing Image…';
  const where = setting
    ? `layerscope.dockerPath is set to ${setting}, which is not an executable file.`
    : 'There is no `docker` on PATH (set layerscope.dockerPath to point at one).';
  const choice = await ctx.prompter.confirm(
    'Build Image… needs the docker CLI, and none was found.',
    `${where} Without it Layerscope still links this Dockerfile to an image built elsewhere, shows each instruction's layer in CodeLens, analyses the image and shows what it measured.`,
    [link]);
  if (choice === link) await vscode.commands.executeCommand('layerscope.linkDockerfile', uri);
  return undefined;
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => execFile(file, args, { timeout: 10_000 }, (err, stdout) => resolve(err ? '' : stdout)));
}

async function cliFacts(docker: string) {
  const [versionText, buildx] = await Promise.all([run(docker, ['--version']), run(docker, ['buildx', 'version'])]);
  return { versionText, hasBuildx: /buildx|github\.com\/docker/i.test(buildx) };
}

async function engineFacts(ctx: Ctx) {
  const version = await ctx.engine.version().catch(() => undefined);
  return { os: version?.os ?? 'linux', podman: /podman/i.test(version?.version ?? '') };
}

function taskName(tag: string): string {
  return `build ${tag}`;
}

/** Runs the build task and resolves with the process's exit code. */
async function runTask(uri: vscode.Uri, tag: string, target: string, docker: string, args: string[], env: Record<string, string>, cwd: string): Promise<number | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const task = new vscode.Task(
    { type: TASK_TYPE, file: uri.fsPath, tag, ...(target ? { target } : {}) },
    folder ?? vscode.TaskScope.Workspace, taskName(tag), 'Layerscope',
    new vscode.ProcessExecution(docker, args, { cwd, env }));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  const ended: vscode.TaskProcessEndEvent[] = [];
  let settle: ((code: number | undefined) => void) | undefined;
  let execution: vscode.TaskExecution | undefined;
  const sub = vscode.tasks.onDidEndTaskProcess((e) => {
    if (execution && e.execution === execution) settle?.(e.exitCode);
    else ended.push(e);
  });
  const endedTask = vscode.tasks.onDidEndTask((e) => {
    // A task that could not start ends without a process end event.
    if (execution && e.execution === execution) setTimeout(() => settle?.(undefined), 1000);
  });
  try {
    return await new Promise<number | undefined>((resolve, reject) => {
      settle = resolve;
      vscode.tasks.executeTask(task).then((exec) => {
        execution = exec;
        const early = ended.find((e) => e.execution === exec);
        if (early) resolve(early.exitCode);
      }, reject);
    });
  } finally {
    sub.dispose();
    endedTask.dispose();
  }
}
