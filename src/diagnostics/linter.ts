// Keeps one DiagnosticCollection in step with the open Dockerfiles: lint on open, on a debounced
// change (per document, the stale run cancelled), drop on close. Remembers the findings of the
// version on screen so code actions can offer their fixes.
import * as vscode from 'vscode';
import type { Finding } from '../lint/types';
import type { RuleDocs } from './ruleDocs';
import { markFirstLint } from './firstLint';
import { toDiagnostic } from './toDiagnostic';
import { errorDetail } from '../model/errorText';

/**
 * Lints one document's current text; rejects or returns early when `signal` aborts. May hand
 * `preliminary` the findings it has before a slower part finishes (ShellCheck's processes), which
 * says whether it put them on screen.
 */
export type LintRun = (doc: vscode.TextDocument, signal: AbortSignal, preliminary: (findings: Finding[]) => boolean) => Promise<Finding[] | undefined>;

interface Pending { timer?: ReturnType<typeof setTimeout>; abort?: AbortController }

export class DocumentLinter implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly shown = new Map<string, { version: number; findings: Finding[] }>();

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly run: LintRun,
    private readonly docs: RuleDocs,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Lints after `delayMs` of quiet; a newer call for the same document replaces this one. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    this.cancel(key);
    const entry: Pending = {};
    entry.timer = setTimeout(() => { entry.timer = undefined; void this.lint(doc, entry); }, delayMs);
    this.pending.set(key, entry);
  }

  /**
   * Lints now (open, activation, configuration change). Settles when the run ends; `firstShown`
   * `onShown` runs earlier when findings reach the screen before a slower part finishes (ShellCheck).
   */
  lintNow(doc: vscode.TextDocument, onShown?: () => void): Promise<void> {
    const key = doc.uri.toString();
    this.cancel(key);
    const entry: Pending = {};
    this.pending.set(key, entry);
    return this.lint(doc, entry, onShown);
  }

  /** Forgets a document: no pending run, no diagnostics. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    // Only documents this linter worked on: other entries (problems shown on a .hadolint.yaml) stay.
    const known = this.shown.delete(key) || this.pending.has(key);
    this.cancel(key);
    if (known) this.collection.delete(uri);
  }

  /** The findings behind the diagnostics on screen, if they belong to this version of the text. */
  findingsFor(doc: vscode.TextDocument): Finding[] | undefined {
    const s = this.shown.get(doc.uri.toString());
    return s && s.version === doc.version ? s.findings : undefined;
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
    this.pending.clear();
    this.shown.clear();
  }

  private async lint(doc: vscode.TextDocument, entry: Pending, onShown?: () => void): Promise<void> {
    const key = doc.uri.toString();
    const abort = new AbortController();
    entry.abort = abort;
    const version = doc.version;
    // A newer edit, a close or a newer run owns the document now: drop this result.
    const stale = () => abort.signal.aborted || doc.isClosed || doc.version !== version || this.pending.get(key) !== entry;
    const show = (findings: Finding[]) => {
      this.shown.set(key, { version, findings });
      this.collection.set(doc.uri, findings.map((f) => toDiagnostic(f, this.docs)));
      markFirstLint('shown');
      onShown?.();
    };
    // Early findings only while nothing is shown: on a re-lint they would hide ShellCheck's for a moment.
    const first = !this.shown.has(key);
    try {
      const findings = await this.run(doc, abort.signal, (early) => {
        if (!first || stale()) return false;
        show(early);
        return true;
      });
      if (stale() || !findings) return;
      show(findings);
    } catch (err) {
      if (abort.signal.aborted) return;
      // The linter never throws into the editor: keep the last diagnostics and say why in the log.
      this.log.error(`Dockerfile lint failed for ${doc.uri.fsPath || key}: ${errorDetail(err)}`);
    } finally {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    }
  }

  private cancel(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    p.abort?.abort();
    this.pending.delete(key);
  }
}
