// activate/deactivate only: build the context and hand it to each area's registration. Areas whose
// code is heavy load on first use (see ARCHITECTURE.md, "Loading on first use").
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerCommands } from './commands';
import { registerDiagnosticsOnDemand } from './diagnostics/onDemand';
import { connectEngine, watchEngine } from './engineGlue';
import { registerViews } from './views';
import { LanguageFeatures } from './language';
import { registerLinkedImage } from './linkedImage';

let ctx: Ctx | undefined;

/** What activate() returns: the integration tests reach the live objects through it. */
export interface LayerscopeApi {
  ctx: Ctx;
  views: ReturnType<typeof registerViews>;
  /** Completion, hover and formatting in Dockerfiles (registered or not, per the setting). */
  language: LanguageFeatures;
  linkedImage: ReturnType<typeof registerLinkedImage>;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  ctx = new Ctx(extension, connectEngine());
  extension.subscriptions.push(ctx);
  const views = registerViews(ctx);
  registerCommands(ctx);
  registerDiagnosticsOnDemand(ctx);
  const language = new LanguageFeatures(ctx.log);
  ctx.push(language);
  const linkedImage = registerLinkedImage(ctx);
  watchEngine(ctx);
  return { ctx, views, language, linkedImage };
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
