// Switch Engine…: lists the docker CLI's contexts, DOCKER_HOST and the configured host, and
// reconnects to the chosen one through the machine-scoped settings (the engine glue reconnects
// when they change): a host goes into layerscope.host, a context into layerscope.context, so the
// Engine layer resolves it with its TLS material; Automatic clears both.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { config } from '../config';
import { listContexts } from '../docker/connection';

export interface EngineChoice extends vscode.QuickPickItem {
  /** The value for layerscope.host ('' = not a host choice). */
  host: string;
  /** The value for layerscope.context ('' = not a context choice). */
  context: string;
}

export function engineChoices(ctx: Ctx, env: NodeJS.ProcessEnv = process.env): EngineChoice[] {
  let current = '';
  try { current = ctx.engine.info.endpoint; } catch { /* not connected */ }
  const mark = (host: string) => (host === current ? '$(check) ' : '');
  const choices: EngineChoice[] = [];
  const configured = config.host();
  const chosenContext = config.context();
  const automatic = !configured && !chosenContext;
  const markContext = (name: string) => (!configured && name === chosenContext ? '$(check) ' : '');
  choices.push({ label: 'Automatic', description: 'DOCKER_HOST, then the current docker context, then the default socket', host: '', context: '', detail: automatic ? `now ${current}` : undefined });
  if (configured) choices.push({ label: `${mark(configured)}${configured}`, description: 'the layerscope.host setting', host: configured, context: '' });
  if (env.DOCKER_HOST) choices.push({ label: `${automatic ? '' : mark(env.DOCKER_HOST)}${env.DOCKER_HOST}`, description: 'DOCKER_HOST', host: env.DOCKER_HOST, context: '' });
  for (const c of listContexts({ env, homeDir: os.homedir() })) {
    choices.push({ label: `${markContext(c.name)}${c.name}`, description: `docker context · ${c.host}`, host: '', context: c.name });
  }
  return choices;
}

export const engineCommands: CommandTable = {
  // The welcome view's "Show the Error": its full text, which the welcome content cannot hold.
  'layerscope.showEngineError': (ctx) => () => {
    const text = ctx.state === 'unreachable' ? ctx.error || 'The Docker engine is not reachable.' : `Connected to ${ctx.engine.info.endpoint}.`;
    // Not awaited: the notification stays until dismissed; its buttons act when clicked.
    void ctx.prompter.notify(text, ['Retry', 'Switch Engine…']).then((action) => {
      if (action === 'Retry') ctx.refreshAll();
      if (action === 'Switch Engine…') void vscode.commands.executeCommand('layerscope.switchEngine');
    });
    return text;
  },
  'layerscope.switchEngine': (ctx) => async () => {
    const picked = await ctx.prompter.pick(engineChoices(ctx), 'Connect Layerscope to which engine?');
    if (!picked) return undefined;
    const settings = vscode.workspace.getConfiguration('layerscope');
    // Context first: the host setting outranks it, so clearing the host last reconnects once, to the right engine.
    await settings.update('context', picked.context || undefined, vscode.ConfigurationTarget.Global);
    await settings.update('host', picked.host || undefined, vscode.ConfigurationTarget.Global);
    return picked.context ? `context:${picked.context}` : picked.host;
  },
};
