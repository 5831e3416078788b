// Read-only documents for inspect output: `layerscope-inspect:/image/<id>.json`,
// `layerscope-inspect:/container/<id>.json`, `layerscope-inspect:/container/<id>/top.txt`.
// The content is fetched from the engine each time the document is (re)opened. Loaded with the first
// document or command that needs it; door.ts registers the scheme at activation.
import * as vscode from 'vscode';
import { abortSignalOf } from '../cancellation';
import type { Ctx } from '../ctx';

export type InspectKind = 'image' | 'container' | 'top' | 'volume' | 'network';

export function inspectUri(scheme: string, kind: InspectKind, id: string, title: string): vscode.Uri {
  const safe = title.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'item';
  const path = kind === 'top' ? `/container/${safe}.top.txt` : `/${kind}/${safe}.json`;
  return vscode.Uri.from({ scheme, path, query: new URLSearchParams({ kind, id }).toString() });
}

/** A document's content, read from the engine each time VS Code asks (door.ts registers the scheme). */
export async function inspectContent(ctx: Ctx, uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
  const q = new URLSearchParams(uri.query);
  const id = q.get('id') ?? '';
  const signal = abortSignalOf(token);
  const engine = ctx.engine;
  switch (q.get('kind')) {
    case 'image': return JSON.stringify(await engine.inspectImage(id, signal), null, 2);
    case 'container': return JSON.stringify(await engine.inspectContainer(id, signal), null, 2);
    case 'volume': return JSON.stringify(await engine.inspectVolume(id, signal), null, 2);
    case 'network': return JSON.stringify(await engine.inspectNetwork(id, signal), null, 2);
    case 'top': {
      const top = await engine.containerTop(id, signal);
      const rows = [top.titles, ...top.processes];
      const widths = top.titles.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
      return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
    }
    default: throw new Error(`Unknown inspect document: ${uri.toString()}`);
  }
}

/** Opens a read-only inspect document (JSON for image/container), fresh from the engine. */
export async function openInspect(ctx: Ctx, kind: InspectKind, id: string, title: string): Promise<vscode.TextDocument> {
  const uri = inspectUri(ctx.inspect.scheme, kind, id, title);
  // Already open: VS Code would show its first content; have it read the engine again.
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) ctx.inspect.reload(uri);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (kind !== 'top' && doc.languageId !== 'json') doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}
