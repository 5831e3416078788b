// The diagnostics' door at activation: the lint core (Dockerfile parser, shell parser, rules) is
// most of the extension's code, so it loads when the first Dockerfile is open, not before, or in a
// quiet moment after activation in a workspace that holds a Dockerfile (warmUp.ts).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from './documents';
import { errorDetail } from '../model/errorText';
import { afterShown, markFirstLint } from './firstLint';
import type { Diagnostics } from './index';
import { scheduleWarmUp, type WarmUp } from './warmUp';

export interface DiagnosticsDoor {
  /**
   * Settles a moment after the first Dockerfiles have their findings on screen (or the load
   * failed): other Dockerfile features wait for it rather than compete with the first findings.
   */
  shown: Promise<void>;
  /** The warm-up in a workspace that holds a Dockerfile (the tests and the bench read it). */
  warmUp: WarmUp;
}

export function registerDiagnosticsOnDemand(ctx: Ctx): DiagnosticsDoor {
  markFirstLint('activate');
  let loading: Promise<Diagnostics | undefined> | undefined;
  let firstShown = () => {};
  const shown = new Promise<void>((resolve) => { firstShown = resolve; });
  /** Loads the area and registers it, once: it lints every Dockerfile open by then and every one opened after. */
  const start = () => {
    if (loading) return loading;
    waiting.dispose();
    markFirstLint('import');
    const loaded = import('./index').then((m) => { markFirstLint('imported'); return m.registerDiagnostics(ctx); });
    loaded.then((d) => d.firstShown, (err: unknown) => ctx.log.error(`Dockerfile diagnostics failed to load: ${errorDetail(err)}`))
      .finally(() => afterShown().then(firstShown));
    loading = loaded.catch(() => undefined);
    return loading;
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) void start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) void start();
  const warmUp = scheduleWarmUp(ctx, { started: () => loading !== undefined, start });
  return { shown, warmUp };
}
