// VS Code side of the engine: build it from the settings and the environment, follow its event
// stream, and turn stream health into ctx state (ready / unreachable) and full refreshes. Loaded
// beside activation, not in it (extension.ts): until then ctx.engine holds requests.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { config } from './config';
import type { Ctx } from './ctx';
import { createEngine } from './docker/connect';
import { findDockerCli } from './docker/dockerCli';
import type { Disposable, Engine } from './docker/engine';

/** The event stream starts with the first request, or this long after activation at the latest. */
const SUBSCRIBE_GRACE_MS = 2000;

export function connectEngine(): Engine {
  return createEngine({ setting: config.host(), contextSetting: config.context(), env: process.env, homeDir: os.homedir() },
    { subscribeGraceMs: SUBSCRIBE_GRACE_MS });
}

/**
 * Just after activation: the engine from the settings takes the pending one's place in `ctx` (the
 * same engine, so no change event), and is watched from then on.
 */
export function startEngine(ctx: Ctx): Engine {
  const engine = connectEngine();
  ctx.engineLoaded(engine);
  watchEngine(ctx);
  // The "Open Shell" menu item shows only where a docker CLI is installed.
  void vscode.commands.executeCommand('setContext', 'layerscope.dockerCli', findDockerCli() !== undefined);
  return engine;
}

export function watchEngine(ctx: Ctx): void {
  let subscription: Disposable | undefined;
  const follow = (engine: Engine) => {
    subscription?.dispose();
    ctx.log.info(`Engine: ${engine.info.endpoint} (from ${engine.info.contextName ? `context ${engine.info.contextName}` : engine.info.source})`);
    ctx.setState('connecting');
    subscription = engine.subscribe({
      onEvent: (event) => ctx.fireEngineEvent(event),
      // Events in the gap are lost, so everything shown must be listed again.
      onResync: () => {
        ctx.setState('ready');
        ctx.refreshAll();
      },
      onDisconnect: (error) => ctx.setState('unreachable', error.message),
    });
  };
  follow(ctx.engine);
  ctx.push(
    { dispose: () => subscription?.dispose() },
    ctx.onDidChangeEngine(follow),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affects(e, 'host') || config.affects(e, 'context')) ctx.setEngine(connectEngine());
    }),
    // Retry while unreachable resolves the address again: the docker context, a Docker Desktop
    // socket or a certificate may have been fixed since.
    ctx.onDidRequestRefresh(() => {
      if (ctx.state === 'unreachable') ctx.setEngine(connectEngine());
    }),
  );
}
