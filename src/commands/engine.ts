// Switch Engine…: lists the docker CLI's contexts, DOCKER_HOST and the configured host, and
// reconnects to the chosen one by writing the machine-scoped layerscope.host setting (the engine
// glue reconnects when it changes; an empty value returns to DOCKER_HOST / context / default).
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config } from '../config';
import type { CommandTable } from '.';
import { prompter } from './prompt';

export interface EngineChoice extends vscode.QuickPickItem {
  /** The value for layerscope.host ('' = automatic resolution). */
  host: string;
}

/** The docker CLI's contexts (name → docker endpoint) from its config folder. */
export function dockerContexts(env: NodeJS.ProcessEnv = process.env): { name: string; host: string }[] {
  const configDir = env.DOCKER_CONFIG?.trim() || path.join(os.homedir(), '.docker');
  const metaDir = path.join(configDir, 'contexts', 'meta');
  let dirs: string[];
  try { dirs = readdirSync(metaDir); } catch { return []; }
  const out: { name: string; host: string }[] = [];
  for (const dir of dirs) {
    try {
      const meta = JSON.parse(readFileSync(path.join(metaDir, dir, 'meta.json'), 'utf8')) as { Name?: string; Endpoints?: { docker?: { Host?: string } } };
      const host = meta.Endpoints?.docker?.Host;
      if (meta.Name && host) out.push({ name: meta.Name, host });
    } catch { /* a broken context is skipped here; the engine layer reports it when selected */ }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function engineChoices(ctx: Ctx, env: NodeJS.ProcessEnv = process.env): EngineChoice[] {
  let current = '';
  try { current = ctx.engine.info.endpoint; } catch { /* not connected */ }
  const mark = (host: string) => (host === current ? '$(check) ' : '');
  const choices: EngineChoice[] = [];
  const configured = config.host();
  choices.push({ label: 'Automatic', description: 'DOCKER_HOST, then the current docker context, then the default socket', host: '', detail: configured ? undefined : `now ${current}` });
  if (configured) choices.push({ label: `${mark(configured)}${configured}`, description: 'the layerscope.host setting', host: configured });
  if (env.DOCKER_HOST) choices.push({ label: `${mark(env.DOCKER_HOST)}${env.DOCKER_HOST}`, description: 'DOCKER_HOST', host: env.DOCKER_HOST });
  for (const c of dockerContexts(env)) choices.push({ label: `${mark(c.host)}${c.name}`, description: `docker context · ${c.host}`, host: c.host });
  return choices;
}

export const engineCommands: CommandTable = {
  'layerscope.switchEngine': (ctx) => async () => {
    const picked = await prompter(ctx).pick(engineChoices(ctx), 'Connect Layerscope to which engine?');
    if (!picked) return undefined;
    await vscode.workspace.getConfiguration('layerscope').update('host', picked.host, vscode.ConfigurationTarget.Global);
    return picked.host;
  },
};
