// activate/deactivate only: build the context and hand it to each area's registration. Areas whose
// code is heavy load on first use (see ARCHITECTURE.md, "Loading on first use").
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerCommands } from './commands';
import { registerDiagnosticsOnDemand } from './diagnostics/onDemand';
import { connectEngine, watchEngine } from './engineGlue';
import { registerViews } from './views';
import { LanguageFeatures } from './language';
import type { LinkedImageGlue } from './linkedImage';
import { linkedImage, registerLinkedImageOnDemand } from './linkedImage/onDemand';

let ctx: Ctx | undefined;

/** What activate() returns: the integration tests reach the live objects through it. */
export interface LayerscopeApi {
  ctx: Ctx;
  views: ReturnType<typeof registerViews>;
  /** Completion, hover and formatting in Dockerfiles (registered or not, per the setting). */
  language: LanguageFeatures;
  /** The Dockerfile ↔ image glue (loads it when not loaded yet). */
  linkedImage: () => Promise<LinkedImageGlue>;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  ctx = new Ctx(extension, connectEngine());
  extension.subscriptions.push(ctx);
  const views = registerViews(ctx);
  registerCommands(ctx);
  const diagnosticsShown = registerDiagnosticsOnDemand(ctx);
  const language = new LanguageFeatures(ctx.log);
  ctx.push(language);
  registerLinkedImageOnDemand(ctx, diagnosticsShown);
  watchEngine(ctx);
  const c = ctx;
  return { ctx, views, language, linkedImage: () => linkedImage(c) };
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
