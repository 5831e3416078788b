// The Dockerfile ↔ image glue's door at activation: its code (the linker, the Dockerfile parser,
// the analysis) loads with the first Dockerfile opened or the first of its commands, not before.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from '../diagnostics/documents';
import type { LinkedImageGlue } from './index';

/** The glue of this extension instance, loading it on first use. */
export function linkedImage(ctx: Ctx): Promise<LinkedImageGlue> {
  ctx.linkedImage ??= import('./index').then((m) => m.registerLinkedImage(ctx));
  return ctx.linkedImage;
}

/**
 * Loads the glue with the first Dockerfile, once `after` settles (the diagnostics' first findings:
 * loading both at once would delay those).
 */
export function registerLinkedImageOnDemand(ctx: Ctx, after: Promise<unknown> = Promise.resolve()): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    waiting.dispose();
    after.then(() => linkedImage(ctx)).catch((err: unknown) => ctx.log.error(`Dockerfile lenses failed to load: ${err instanceof Error ? err.stack : String(err)}`));
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) start();
}
