// The `layerscope-inspect:` documents as activation registers them (`ctx.inspect`): the scheme and
// reload() live here, and reading a document loads inspect/index.ts with its first request, so
// activation loads no inspect code of its own (nor the cancellation bridge it uses).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export class InspectDocuments implements vscode.TextDocumentContentProvider {
  /** `layerscope-inspect:/image/<id>.json`, `…/container/<id>.json`, `…/container/<id>.top.txt`, … */
  readonly scheme = 'layerscope-inspect';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly ctx: Ctx) {
    ctx.push(this.changed, vscode.workspace.registerTextDocumentContentProvider(this.scheme, this));
  }

  /** An open document keeps its first content: ask VS Code to read it again. */
  reload(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    return (await import('./index')).inspectContent(this.ctx, uri, token);
  }
}
