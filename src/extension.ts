// activate/deactivate only: build the context and hand it to each area's registration.
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { connectEngine, watchEngine } from './engineGlue';
import { registerViews } from './views';
import { registerLinkedImage } from './linkedImage';

let ctx: Ctx | undefined;

/** What activate() returns: the integration tests reach the live objects through it. */
export interface LayerscopeApi {
  ctx: Ctx;
  views: ReturnType<typeof registerViews>;
  linkedImage: ReturnType<typeof registerLinkedImage>;
}

export function activate(extension: vscode.ExtensionContext): LayerscopeApi {
  ctx = new Ctx(extension, connectEngine());
  extension.subscriptions.push(ctx);
  const views = registerViews(ctx);
  registerCommands(ctx);
  registerDiagnostics(ctx);
  const linkedImage = registerLinkedImage(ctx);
  watchEngine(ctx);
  return { ctx, views, linkedImage };
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
