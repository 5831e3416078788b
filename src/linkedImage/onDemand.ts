// The Dockerfile ↔ image glue's door at activation: its code (the linker, the Dockerfile parser,
// the analysis) loads with the first Dockerfile opened or the first of its commands, not before.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from '../diagnostics/documents';
import { errorDetail } from '../model/errorText';
import { OnFirstUse } from '../onFirstUse';
import type { LinkedImageGlue } from './index';

/** The glue of this extension instance (`ctx.linkedImage`): it loads on first use. */
export function linkedImageOnFirstUse(ctx: Ctx): OnFirstUse<LinkedImageGlue> {
  return new OnFirstUse(() => import('./index').then((m) => m.registerLinkedImage(ctx)));
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
    after.then(() => ctx.linkedImage.get()).catch((err: unknown) => ctx.log.error(`Dockerfile lenses failed to load: ${errorDetail(err)}`));
  };
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) start(); });
  ctx.push(waiting);
  if (vscode.workspace.textDocuments.some(isLintable)) start();
}
