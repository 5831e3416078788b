// The diagnostics' door at activation: the lint core (Dockerfile parser, shell parser, rules) is
// most of the extension's code, so it loads when the first Dockerfile is open, not before.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from './documents';
import { errorDetail } from '../model/errorText';

/**
 * Returns a promise that settles once the Dockerfiles open at load time have been linted (or the
 * load failed): other Dockerfile features wait for it rather than compete with the first findings.
 */
export function registerDiagnosticsOnDemand(ctx: Ctx): Promise<void> {
  let started = false;
  let firstLint = () => {};
  const linted = new Promise<void>((resolve) => { firstLint = resolve; });
  const start = () => {
    if (started) return;
    started = true;
    waiting.dispose();
    // registerDiagnostics lints every Dockerfile open by then, this one included.
    import('./index').then((m) => m.registerDiagnostics(ctx).initialLints)
      .catch((err: unknown) => ctx.log.error(`Dockerfile diagnostics failed to load: ${errorDetail(err)}`))
      .finally(firstLint);
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) start();
  return linted;
}
