// activate/deactivate only: build the context and hand it to each area's registration.
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerCommands } from './commands';
import { connectEngine, watchEngine } from './engineGlue';
import { registerViews } from './views';

let ctx: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<Ctx> {
  ctx = new Ctx(extension, connectEngine());
  extension.subscriptions.push(ctx);
  registerViews(ctx);
  registerCommands(ctx);
  watchEngine(ctx);
  return ctx;
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
