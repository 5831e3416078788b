// activate/deactivate only: build the context, hang each area's service on it, register commands,
// views and providers. Areas whose code is heavy load on first use (see ARCHITECTURE.md,
// "Loading on first use").
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { commandTableOnFirstUse, registerCommands, setDockerCliContext } from './commands';
import { registerDiagnosticsOnDemand } from './diagnostics/onDemand';
import { connectEngine, watchEngine } from './engineGlue';
import { InspectDocuments } from './inspect';
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
  /** How long activate() ran, and the setup it left for just after (the activation bench prints both). */
  startup: Startup;
}

export interface Startup {
  activateMs: number;
  /** undefined until that setup has run. */
  deferredMs: number | undefined;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  const started = performance.now();
  const c = (ctx = new Ctx(extension, connectEngine()));
  extension.subscriptions.push(c);
  c.provide('prompter', new SwappablePrompter());
  c.provide('inspect', new InspectDocuments(c));
  c.provide('explorer', new ExplorerDoor(c));
  c.provide('panels', new OnFirstUse(async () => new (await import('./webview/panelManager')).LayersPanelManager(c)));
  c.provide('linkedImage', linkedImageOnFirstUse(c));
  c.provide('logFollows', new OnFirstUse(async () => new (await import('./commands/logFollows')).LogFollows(c)));
  const commands = commandTableOnFirstUse();
  registerCommands(c, commands);
  const diagnosticsShown = registerDiagnosticsOnDemand(c);
  const language = new LanguageFeatures(() => c.log);
  c.push(language);
  registerLinkedImageOnDemand(c, diagnosticsShown);
  const activated = performance.now();
  // Not needed before activate() returns (nothing has asked the engine yet; the event stream waits
  // for the first request anyway): the engine watcher, its log line and the menus' docker CLI check.
  const startup: Startup = { activateMs: activated - started, deferredMs: undefined };
  setImmediate(() => {
    if (ctx !== c) return;
    const deferredFrom = performance.now();
    watchEngine(c);
    setDockerCliContext();
    startup.deferredMs = performance.now() - deferredFrom;
  });
  return {
    ctx: c,
    startup,
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
