// The Dockerfile ↔ image glue, loaded on first use (onDemand.ts): the service, its CodeLens, the
// measured findings, what the Layers panels learn from linked files, and the commands' actions.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isLintable } from '../diagnostics/documents';
import { DOCKERFILE_GLOB } from '../lint/dockerfileNames';
import { RuleDocs } from '../diagnostics/ruleDocs';
import { linkedImageActions, type LinkedImageActions } from './actions';
import { DockerfileLenses } from './codeLens';
import { MeasuredDiagnostics } from './measured';
import { PanelLinker } from './panelLinks';
import { LinkedImages } from './service';

const DOCKERFILES: vscode.DocumentSelector = [
  { language: 'dockerfile', scheme: 'file' },
  { language: 'plaintext', scheme: 'file', pattern: DOCKERFILE_GLOB },
];

export interface LinkedImageGlue {
  service: LinkedImages;
  lenses: DockerfileLenses;
  measured: MeasuredDiagnostics;
  /** What the commands do (src/linkedImage/commands.ts calls them). */
  actions: LinkedImageActions;
}

export function registerLinkedImage(ctx: Ctx): LinkedImageGlue {
  const service = new LinkedImages(ctx);
  const lenses = new DockerfileLenses(service, ctx.log);
  const panels = new PanelLinker(service);
  ctx.panels.whenLoaded((manager) => panels.attach(manager));
  const measured = new MeasuredDiagnostics(service, new RuleDocs(ctx.extension.extensionUri), ctx.log);
  const all = () => { for (const doc of vscode.workspace.textDocuments) if (isLintable(doc)) measured.schedule(doc); };
  ctx.push(
    service, panels, measured,
    vscode.languages.registerCodeLensProvider(DOCKERFILES, lenses),
    vscode.languages.registerCodeActionsProvider(DOCKERFILES, measured, MeasuredDiagnostics.metadata),
    service.onDidChange(all),
    vscode.workspace.onDidOpenTextDocument((doc) => { if (isLintable(doc)) measured.schedule(doc); }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && isLintable(e.document)) measured.schedule(e.document, 300); }),
    vscode.workspace.onDidCloseTextDocument((doc) => measured.forget(doc.uri)),
  );
  all();
  return { service, lenses, measured, actions: linkedImageActions(ctx, service) };
}
