// Container actions: Start, Stop, Restart, Pause/Unpause, Remove, View Logs, Open Shell, Inspect, Top, Stats.
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { findDockerCli } from '../docker/dockerCli';
import { openInspect } from '../inspect';
import { containerName } from '../model/containers';
import { liveStatus } from '../model/liveStatus';
import type { ContainerState, ContainerSummary } from '../model/types';
import { containerTarget } from './targets';

type Lifecycle = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';

const lifecycle: Record<Lifecycle, { states?: ContainerState[]; run: (ctx: Ctx, id: string) => Promise<void> }> = {
  start: { states: ['created', 'exited', 'dead'], run: (ctx, id) => ctx.engine.startContainer(id) },
  stop: { states: ['running', 'restarting', 'paused'], run: (ctx, id) => ctx.engine.stopContainer(id) },
  restart: { run: (ctx, id) => ctx.engine.restartContainer(id) },
  pause: { states: ['running'], run: (ctx, id) => ctx.engine.pauseContainer(id) },
  unpause: { states: ['paused'], run: (ctx, id) => ctx.engine.unpauseContainer(id) },
};

/** Runs a lifecycle action and redraws that container (the event stream would too, a moment later). */
async function runLifecycle(ctx: Ctx, action: Lifecycle, arg: unknown): Promise<ContainerSummary | undefined> {
  const c = await containerTarget(ctx, arg, action, lifecycle[action].states);
  if (!c) return undefined;
  await lifecycle[action].run(ctx, c.id);
  const { containers } = await ctx.explorer.get();
  await containers.updateOne(c.id);
  return containers.nodeOf(c.id)?.ref?.container ?? await ctx.engine.getContainer(c.id);
}

async function remove(ctx: Ctx, arg: unknown): Promise<boolean> {
  const c = await containerTarget(ctx, arg, 'remove');
  if (!c) return false;
  const running = c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
  const answer = await ctx.prompter.confirm(`Remove container ${containerName(c)}?`,
    `${c.image} · ${liveStatus(c, Date.now())}${running ? '\nIt is running: it will be killed first.' : ''}`, [running ? 'Force Remove' : 'Remove']);
  if (!answer) return false;
  await ctx.engine.removeContainer(c.id, { force: running });
  await (await ctx.explorer.get()).containers.updateOne(c.id);
  return true;
}

function openShell(ctx: Ctx, c: ContainerSummary): vscode.Terminal {
  const docker = findDockerCli();
  if (!docker) throw new Error('Open Shell needs the docker CLI on PATH (it runs `docker exec -it`). Install the docker client and try again.');
  // Arguments as an array: the container ID never passes through a shell.
  const terminal = vscode.window.createTerminal({
    name: `Shell: ${containerName(c)}`,
    shellPath: docker,
    shellArgs: ['exec', '-it', c.id, 'sh'],
    env: { DOCKER_HOST: ctx.engine.info.endpoint },
  });
  terminal.show();
  return terminal;
}

const running: ContainerState[] = ['running'];

export const containerCommands: CommandTable = {
  'layerscope.container.start': (ctx) => (arg: unknown) => runLifecycle(ctx, 'start', arg),
  'layerscope.container.stop': (ctx) => (arg: unknown) => runLifecycle(ctx, 'stop', arg),
  'layerscope.container.restart': (ctx) => (arg: unknown) => runLifecycle(ctx, 'restart', arg),
  'layerscope.container.pause': (ctx) => (arg: unknown) => runLifecycle(ctx, 'pause', arg),
  'layerscope.container.unpause': (ctx) => (arg: unknown) => runLifecycle(ctx, 'unpause', arg),
  'layerscope.container.remove': (ctx) => (arg: unknown) => remove(ctx, arg),
  'layerscope.container.logs': (ctx) => async (arg: unknown) => {
    const c = await containerTarget(ctx, arg, 'view the logs of');
    return c && (await ctx.logFollows.get()).follow(c);
  },
  'layerscope.container.shell': (ctx) => async (arg: unknown) => {
    const c = await containerTarget(ctx, arg, 'open a shell in', running);
    return c && openShell(ctx, c);
  },
  'layerscope.container.inspect': (ctx) => async (arg: unknown) => {
    const c = await containerTarget(ctx, arg, 'inspect');
    return c && openInspect(ctx, 'container', c.id, containerName(c));
  },
  'layerscope.container.top': (ctx) => async (arg: unknown) => {
    const c = await containerTarget(ctx, arg, 'list the processes of', running);
    return c && openInspect(ctx, 'top', c.id, containerName(c));
  },
  'layerscope.container.stats': (ctx) => async (arg: unknown) => {
    const c = await containerTarget(ctx, arg, 'follow the stats of', running);
    if (c) (await ctx.explorer.get()).stats.show(c);
    return c?.id;
  },
};
