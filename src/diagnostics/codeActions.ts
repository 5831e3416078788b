// Quick fixes: every Fix the rules attached to a finding, then "Ignore CODE for this instruction"
// and "Ignore CODE in this file" for every finding under the cursor.
import * as vscode from 'vscode';
import { suppressionFixes } from '../lint/suppress';
import type { Finding, Fix } from '../lint/types';
import type { DocumentLinter } from './linter';
import { codeOf, findingKey, toRange } from './toDiagnostic';

export class DockerfileCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly linter: DocumentLinter, private readonly log: vscode.LogOutputChannel) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    try {
      return this.actions(doc, context.diagnostics);
    } catch (err) {
      this.log.error(`Dockerfile quick fixes failed for ${doc.uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  private actions(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    // Rule fixes were computed for one version of the text; on any other version only the
    // suppressions (computed from the current text) are safe to offer.
    const byKey = new Map<string, Finding>();
    for (const f of this.linter.findingsFor(doc) ?? []) byKey.set(findingKey(f.code, f.range), f);
    const text = doc.getText();
    const ruleFixes: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      const code = codeOf(diagnostic);
      if (!code) continue;
      const finding = byKey.get(findingKey(code, diagnostic.range));
      for (const fix of finding?.fixes ?? []) ruleFixes.push(toAction(doc.uri, fix, diagnostic));
      const asFinding: Finding = finding ?? { code, level: 'info', message: diagnostic.message, range: diagnostic.range };
      for (const fix of suppressionFixes(text, asFinding)) {
        // Two findings of one rule on one instruction share the same suppression.
        if (seen.has(fix.title)) continue;
        seen.add(fix.title);
        suppressions.push(toAction(doc.uri, fix, diagnostic));
      }
    }
    return [...ruleFixes, ...suppressions];
  }
}

function toAction(uri: vscode.Uri, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  action.edit = edit;
  return action;
}
