// Measured findings (LS2xxx) as diagnostics: computed from the deep analysis of a Dockerfile's linked
// image and placed on the instruction that caused them, in their own DiagnosticCollection (they come
// from the image, not the text: the lint collection stays the text's). Quick fixes come with them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { config } from '../config';
import { measuredFindings } from '../insight';
import type { RuleDocs } from '../diagnostics/ruleDocs';
import { toDiagnostic, toRange } from '../diagnostics/toDiagnostic';
import { PositionMap } from '../lint/lineModel';
import type { Finding, Fix, Range } from '../lint/types';
import { formatBytes } from '../model/format';
import type { LinkedImages, LinkedView } from './service';
import { errorText } from '../model/errorText';

export const MEASURED_SOURCE = 'layerscope (image)';

/** The findings of the built text moved to where their instructions are now; edited instructions lose theirs. */
export function findingsForView(view: LinkedView, largeFileBytes: number, dockerignoreText: string | undefined): Finding[] {
  if (!view.insight) return [];
  const found = measuredFindings(view.insight, view.link, { largeFileBytes, dockerfileText: view.builtText, dockerignoreText });
  const out: Finding[] = [];
  for (const f of found) {
    const now = view.currentLine.get(f.range.start.line);
    if (now === undefined) continue;
    const delta = now - f.range.start.line;
    const shift = (r: Range): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });
    out.push({
      ...f,
      range: shift(f.range),
      fixes: f.fixes?.map((fix) => (fix.file ? fix : { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shift(e.range) })) })),
    });
  }
  return out;
}

/** The message as shown: the measured bytes always in it. */
function withBytes(f: Finding): Finding {
  if (f.bytes === undefined || f.message.includes(formatBytes(f.bytes))) return f;
  return { ...f, message: `${f.message} (${formatBytes(f.bytes)})` };
}

export class MeasuredDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  readonly collection = vscode.languages.createDiagnosticCollection('layerscope-measured');
  private readonly shown = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's measured findings were recomputed (tests wait on it). */
  readonly onDidUpdate = this.changed.event;

  constructor(private readonly linked: LinkedImages, private readonly docs: RuleDocs, private readonly log: vscode.LogOutputChannel) {}

  /** Recomputes one document's findings (after a debounce when `delayMs`). */
  schedule(doc: vscode.TextDocument, delayMs = 0): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.update(doc); }, delayMs));
  }

  /** The findings behind the diagnostics on screen, when they belong to this version of the text. */
  findingsFor(doc: vscode.TextDocument): Finding[] | undefined {
    const s = this.shown.get(doc.uri.toString());
    return s && s.version === doc.version ? s.findings : undefined;
  }

  async update(doc: vscode.TextDocument): Promise<void> {
    const version = doc.version;
    try {
      const view = await this.linked.view(doc);
      if (doc.isClosed || doc.version !== version) return;
      // Placed by the Dockerfile model's lines (BuildKit's count); shown on the editor's (a lone \r breaks too).
      const onScreen = new PositionMap(doc.getText());
      const findings = view ? findingsForView(view, config.dockerfile(doc.uri).largeFileMB * 1e6, readDockerignore(doc.uri)).map((f) => onScreen.findingToEditor(withBytes(f))) : [];
      this.shown.set(doc.uri.toString(), { version, findings });
      // Nothing to show where nothing was shown: setting [] again would still tell every listener
      // (the Problems panel, other extensions) that this file's diagnostics changed, on each keystroke.
      if (findings.length || this.collection.get(doc.uri)?.length) {
        this.collection.set(doc.uri, findings.map((f) => Object.assign(toDiagnostic(f, this.docs), { source: MEASURED_SOURCE })));
      }
      this.changed.fire(doc.uri);
    } catch (err) {
      this.log.warn(`Measured findings of ${doc.uri.fsPath}: ${errorText(err)}`);
    }
  }

  forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.shown.delete(uri.toString());
    this.collection.delete(uri);
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.findingsFor(doc) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== MEASURED_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = findings.find((f) => f.code === code && toRange(f.range).isEqual(diagnostic.range));
      for (const fix of finding?.fixes ?? []) actions.push(toAction(doc.uri, fix, diagnostic));
    }
    return actions;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.changed.dispose();
    this.collection.dispose();
  }
}

function readDockerignore(dockerfile: vscode.Uri): string | undefined {
  try {
    return fs.readFileSync(path.join(path.dirname(dockerfile.fsPath), '.dockerignore'), 'utf8');
  } catch {
    return undefined;
  }
}

/** A fix of the Dockerfile, or of a file beside it (`.dockerignore`, created when missing). */
function toAction(dockerfile: vscode.Uri, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  const edit = new vscode.WorkspaceEdit();
  const target = fix.file ? vscode.Uri.file(path.join(path.dirname(dockerfile.fsPath), fix.file)) : dockerfile;
  if (fix.file && !fs.existsSync(target.fsPath)) edit.createFile(target, { ignoreIfExists: true });
  for (const e of fix.edits) edit.replace(target, toRange(e.range), e.newText);
  action.edit = edit;
  return action;
}
