// The diagnostics' door at activation: the lint core (Dockerfile parser, shell parser, rules) is
// most of the extension's code, so it loads when the first Dockerfile is open, not before.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from './documents';

export function registerDiagnosticsOnDemand(ctx: Ctx): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    waiting.dispose();
    // registerDiagnostics lints every Dockerfile open by then, this one included.
    import('./index').then((m) => m.registerDiagnostics(ctx))
      .catch((err: unknown) => ctx.log.error(`Dockerfile diagnostics failed to load: ${err instanceof Error ? err.stack : String(err)}`));
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) start();
}
