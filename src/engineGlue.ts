// VS Code side of the engine: build it from the settings and the environment, follow its event
// stream, and turn stream health into ctx state (ready / unreachable) and full refreshes.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { config } from './config';
import type { Ctx } from './ctx';
import { createEngine } from './docker/connect';
import type { Disposable, Engine } from './docker/engine';

/** The event stream starts with the first request, or this long after activation at the latest. */
const SUBSCRIBE_GRACE_MS = 2000;

export function connectEngine(): Engine {
  return createEngine({ setting: config.host(), contextSetting: config.context(), env: process.env, homeDir: os.homedir() },
    { subscribeGraceMs: SUBSCRIBE_GRACE_MS });
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
