// activate/deactivate only: build the context, hang each area's service on it, register commands,
// views and providers. Areas whose code is heavy load on first use (see ARCHITECTURE.md,
// "Loading on first use").
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { commandTableOnFirstUse, registerCommands } from './commands';
import { LogFollows } from './commands/logFollows';
import { registerDiagnosticsOnDemand } from './diagnostics/onDemand';
import { connectEngine, watchEngine } from './engineGlue';
import { InspectDocuments } from './inspect';
import { registerViews, type Explorer } from './views';
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
  /** The explorer (`ctx.explorer`). */
  views: Explorer;
  /** Completion, hover and formatting in Dockerfiles (registered or not, per the setting). */
  language: LanguageFeatures;
  /** The Dockerfile ↔ image glue (loads it when not loaded yet). */
  linkedImage: () => Promise<LinkedImageGlue>;
  /** The command handlers (they load with the first command run). */
  commandTable: () => Promise<CommandTable>;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  const c = (ctx = new Ctx(extension, connectEngine()));
  extension.subscriptions.push(c);
  c.provide('prompter', new SwappablePrompter());
  c.provide('inspect', new InspectDocuments(c));
  c.provide('explorer', registerViews(c));
  c.provide('panels', new OnFirstUse(async () => new (await import('./webview/panelManager')).LayersPanelManager(c)));
  c.provide('linkedImage', linkedImageOnFirstUse(c));
  c.provide('logFollows', new LogFollows(c));
  const commands = commandTableOnFirstUse();
  registerCommands(c, commands);
  const diagnosticsShown = registerDiagnosticsOnDemand(c);
  const language = new LanguageFeatures(c.log);
  c.push(language);
  registerLinkedImageOnDemand(c, diagnosticsShown);
  watchEngine(c);
  return { ctx: c, views: c.explorer, language, linkedImage: () => c.linkedImage.get(), commandTable: () => commands.get() };
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
