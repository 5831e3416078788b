// The diagnostics' door at activation: the lint core (Dockerfile parser, shell parser, rules) is
// most of the extension's code, so it loads when the first Dockerfile is open, not before.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from './documents';
import { errorDetail } from '../model/errorText';
import { afterShown, markFirstLint } from './firstLint';

/**
 * Returns a promise that settles a moment after the Dockerfiles open at load time have their
 * findings on screen (or the load failed): other Dockerfile features wait for it rather than
 * compete with the first findings.
 */
export function registerDiagnosticsOnDemand(ctx: Ctx): Promise<void> {
  markFirstLint('activate');
  let started = false;
  let firstLint = () => {};
  const linted = new Promise<void>((resolve) => { firstLint = resolve; });
  const start = () => {
    if (started) return;
    started = true;
    waiting.dispose();
    markFirstLint('import');
    // registerDiagnostics lints every Dockerfile open by then, this one included.
    import('./index').then((m) => { markFirstLint('imported'); return m.registerDiagnostics(ctx).initialLints; })
      .catch((err: unknown) => ctx.log.error(`Dockerfile diagnostics failed to load: ${errorDetail(err)}`))
      .finally(() => afterShown().then(firstLint));
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) start();
  return linted;
}
