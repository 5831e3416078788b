// CodeLens of a Dockerfile: the linked image above the first FROM, each instruction's layer above it.
import * as vscode from 'vscode';
import { abortSignalOf } from '../cancellation';
import { config } from '../config';
import { LintDocument } from '../lint/document';
import { errorText } from '../model/errorText';
import { linkedLenses, unlinkedLenses, type LensAction, type LensSpec } from './lensText';
import type { LinkedImages } from './service';

export class DockerfileLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly linked: LinkedImages, private readonly log: vscode.LogOutputChannel) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) =>
      linked.onDidChange(() => listener.call(thisArg), undefined, disposables);
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!config.dockerfile(doc.uri).codeLens) return [];
    return (await this.specs(doc, abortSignalOf(token))).map((s) => toLens(doc, s));
  }

  /** The lenses of a document as plain specs (the integration tests compare them with the screen). */
  async specs(doc: vscode.TextDocument, signal?: AbortSignal): Promise<LensSpec[]> {
    const view = await this.linked.view(doc, signal).catch((err) => {
      if (!signal?.aborted) this.log.warn(`Dockerfile lenses of ${doc.uri.fsPath}: ${errorText(err)}`);
      return undefined;
    });
    if (signal?.aborted) return [];
    const parsed = new LintDocument(doc.getText());
    // Lines come from the Dockerfile model (BuildKit's count); the editor also breaks at a lone \r.
    const onScreen = (specs: LensSpec[]) => (parsed.lineMap.identity ? specs
      : specs.map((s) => ({ ...s, line: parsed.lineMap.toEditor({ line: s.line, character: 0 }).line })));
    if (!view) return onScreen(parsed.stages.length ? unlinkedLenses(parsed.stages[0].from.range.start.line) : []);
    return onScreen(linkedLenses({
      image: view.image,
      tag: view.record.tag,
      targetStage: view.link.targetStage,
      stageCount: parsed.stages.length,
      firstFromLine: view.firstFromLine,
      rows: view.rows,
      analysis: view.insight,
    }));
  }
}

function toLens(doc: vscode.TextDocument, spec: LensSpec): vscode.CodeLens {
  return new vscode.CodeLens(new vscode.Range(spec.line, 0, spec.line, 0), {
    title: spec.title,
    tooltip: spec.tooltip,
    ...commandOf(doc.uri, spec.action),
  });
}

function commandOf(uri: vscode.Uri, action: LensAction): { command: string; arguments: unknown[] } {
  switch (action.kind) {
    case 'showImage': return { command: 'layerscope.showLayers', arguments: [{ imageId: action.imageId, ref: action.tag }] };
    case 'showLayer': return { command: 'layerscope.showInstructionLayer', arguments: [{ imageId: action.imageId, tag: action.tag, layer: action.layer }] };
    case 'build': return { command: 'layerscope.buildImage', arguments: [uri] };
    case 'link': return { command: 'layerscope.linkDockerfile', arguments: [uri] };
    case 'analyze': return { command: 'layerscope.analyzeLinkedImage', arguments: [uri] };
  }
}
