// "Run…" and "Run Interactive…" on an image: a quick form (name, command, env, ports, volumes,
// network, --rm) through the prompter, remembered per image in the workspace state; then create
// and start through the Engine API. Interactive runs attach a terminal through the docker CLI.
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { config } from '../config';
import { defaultChoices, toRunSpec, type RunChoices } from '../model/runForm';
import { shortId } from '../model/tree';
import { findDockerCli } from '../docker/dockerCli';
import { imageTarget } from './targets';

export interface RunResult {
  id: string;
  name?: string;
  terminal?: vscode.Terminal;
}

const stateKey = (image: string) => `layerscope.run:${image}`;

/** Asks every field, each prefilled with the last answer; undefined when the person backs out. */
async function askChoices(ctx: Ctx, image: string, last: RunChoices): Promise<RunChoices | undefined> {
  const ask = ctx.prompter;
  const title = `Run ${image}`;
  const text = async (prompt: string, value: string, placeHolder: string) => ask.input({ title, prompt, value, placeHolder });
  const name = await text('Container name (empty: the engine picks one)', last.name, 'my-container');
  if (name === undefined) return undefined;
  const command = await text('Command (empty: the image\'s own)', last.command, 'sh -c "echo hello"');
  if (command === undefined) return undefined;
  const env = await text('Environment, comma-separated', last.env, 'NAME=value, OTHER=1');
  if (env === undefined) return undefined;
  const ports = await text('Published ports, comma-separated', last.ports, '8080:80, 127.0.0.1:9000:9000/udp');
  if (ports === undefined) return undefined;
  const volumes = await text('Volumes, comma-separated', last.volumes, 'data:/var/lib/data, /host/dir:/mnt:ro');
  if (volumes === undefined) return undefined;
  const networks = await ctx.engine.listNetworks();
  const options = [{ label: '', description: 'the engine\'s default network' }, ...networks.map((n) => ({ label: n.name, description: `${n.driver}${n.internal ? ' · internal' : ''}` }))]
    .map((o) => ({ ...o, label: o.label || '(default)', network: o.label }));
  // The last choice first, marked.
  options.sort((a, b) => Number(b.network === last.network) - Number(a.network === last.network));
  options[0] = { ...options[0], description: `$(check) last used · ${options[0].description}` };
  const network = await ask.pick(options, 'Network');
  if (!network) return undefined;
  const rm = await ask.pick([
    { label: 'Remove when it exits (--rm)', autoRemove: true },
    { label: 'Keep it after it exits', autoRemove: false },
  ].sort((a, b) => Number(b.autoRemove === last.autoRemove) - Number(a.autoRemove === last.autoRemove)), 'When the container exits');
  if (!rm) return undefined;
  return { name, command, env, ports, volumes, network: network.network, autoRemove: rm.autoRemove };
}

async function run(ctx: Ctx, arg: unknown, interactive: boolean): Promise<RunResult | undefined> {
  const target = await imageTarget(ctx, arg, interactive ? 'run interactively' : 'run');
  if (!target) return undefined;
  const image = target.ref ?? target.image.id;
  const docker = interactive ? findDockerCli() : undefined;
  if (interactive && !docker) throw new Error('Run Interactive needs the docker CLI on PATH (it attaches a terminal with `docker start -ai`). Use Run… instead, or install the docker client.');
  const state = ctx.extension.workspaceState;
  const last = state.get<RunChoices>(stateKey(image)) ?? defaultChoices(config.get<string>('run.defaultNetwork', ''));
  const choices = await askChoices(ctx, image, last);
  if (!choices) return undefined;
  // Parse before remembering: a typo is reported and the good answers stay for the next try.
  const spec = toRunSpec(image, choices, interactive);
  await state.update(stateKey(image), choices);
  const id = await ctx.engine.createContainer(spec);
  const label = spec.name ?? shortId(id);
  if (interactive) {
    const terminal = vscode.window.createTerminal({
      name: `Run: ${label}`, shellPath: docker, shellArgs: ['start', '-ai', id], env: { DOCKER_HOST: ctx.engine.info.endpoint },
    });
    terminal.show();
    return { id, name: spec.name, terminal };
  }
  await ctx.engine.startContainer(id);
  await (await ctx.explorer.get()).containers.updateOne(id).catch(() => undefined);
  ctx.prompter.info(`Started ${label} from ${image}.`);
  return { id, name: spec.name };
}

export const runCommands: CommandTable = {
  'layerscope.image.run': (ctx) => (arg: unknown) => run(ctx, arg, false),
  'layerscope.image.runInteractive': (ctx) => (arg: unknown) => run(ctx, arg, true),
};
