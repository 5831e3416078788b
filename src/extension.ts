// activate/deactivate only: build the context, hang each area's service on it, register commands,
// views and providers. Areas whose code is heavy load on first use (see ARCHITECTURE.md,
// "Loading on first use").
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { commandTableOnFirstUse, registerCommands } from './commands';
import { registerDiagnosticsOnDemand } from './diagnostics/onDemand';
import type { WarmUp } from './diagnostics/warmUp';
import { pendingEngine } from './docker/pendingEngine';
import { errorDetail } from './model/errorText';
import { InspectDocuments } from './inspect/door';
import type { Explorer } from './views';
import { ExplorerDoor } from './views/door';
import { LanguageFeatures } from './language';
import type { CommandTable } from './ctx';
import type { LinkedImageGlue } from './linkedImage';
import { linkedImageOnFirstUse, registerLinkedImageOnDemand } from './linkedImage/onDemand';
import { OnFirstUse } from './onFirstUse';
import { SwappablePrompter } from './prompt';

let ctx: Ctx | undefined;

/** What activate() returns: the integration tests reach the live objects through it. */
export interface LayerscopeApi {
  ctx: Ctx;
  /** The explorer once its code has loaded (`ctx.explorer.loaded`); throws before: await `explorer()` first. */
  readonly views: Explorer;
  /** The explorer (`ctx.explorer.get()`): loads its code when no view has asked for rows yet. */
  explorer: () => Promise<Explorer>;
  /** Completion, hover and formatting in Dockerfiles (registered or not, per the setting). */
  language: LanguageFeatures;
  /** The Dockerfile ↔ image glue (loads it when not loaded yet). */
  linkedImage: () => Promise<LinkedImageGlue>;
  /** The command handlers (they load with the first command run). */
  commandTable: () => Promise<CommandTable>;
  /** The diagnostics' warm-up in a workspace that holds a Dockerfile (diagnostics/warmUp.ts). */
  diagnosticsWarmUp: WarmUp;
  /** How long activate() ran, and the engine's setup once its code loaded just after (the activation bench prints both). */
  startup: Startup;
}

export interface Startup {
  activateMs: number;
  /** The engine's setup (address, watcher, docker CLI check) once its code loaded; undefined before. */
  deferredMs: number | undefined;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  const started = performance.now();
  const startup: Startup = { activateMs: 0, deferredMs: undefined };
  // The engine's code (where the engine is, the quick lists, the watcher) loads beside activation,
  // not in it: until it is there, ctx.engine holds requests (docker/pendingEngine.ts).
  const engineLoaded = import('./engineGlue').then((glue) => {
    if (ctx !== c) throw new Error('Layerscope was deactivated before its engine loaded.');
    const from = performance.now();
    const engine = glue.startEngine(c);
    startup.deferredMs = performance.now() - from;
    return engine;
  });
  engineLoaded.catch((err: unknown) => { if (ctx === c) c.log.error(`The engine failed to load: ${errorDetail(err)}`); });
  const c = (ctx = new Ctx(extension, pendingEngine(engineLoaded)));
  extension.subscriptions.push(c);
  c.provide('prompter', new SwappablePrompter());
  c.provide('inspect', new InspectDocuments(c));
  c.provide('explorer', new ExplorerDoor(c));
  c.provide('panels', new OnFirstUse(async () => new (await import('./webview/panelManager')).LayersPanelManager(c)));
  c.provide('linkedImage', linkedImageOnFirstUse(c));
  c.provide('logFollows', new OnFirstUse(async () => new (await import('./commands/logFollows')).LogFollows(c)));
  const commands = commandTableOnFirstUse();
  registerCommands(c, commands);
  const diagnostics = registerDiagnosticsOnDemand(c);
  const language = new LanguageFeatures(() => c.log);
  c.push(language);
  registerLinkedImageOnDemand(c, diagnostics.shown);
  startup.activateMs = performance.now() - started;
  return {
    ctx: c,
    startup,
    diagnosticsWarmUp: diagnostics.warmUp,
    get views() {
      const explorer = c.explorer.loaded;
      if (!explorer) throw new Error('Layerscope: the explorer has not loaded yet; await explorer() first.');
      return explorer;
    },
    explorer: () => c.explorer.get(),
    language,
    linkedImage: () => c.linkedImage.get(),
    commandTable: () => commands.get(),
  };
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
