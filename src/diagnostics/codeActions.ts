// Quick fixes: every Fix the rules attached to a finding, then "Ignore CODE for this instruction"
// and "Ignore CODE in this file" for every finding under the cursor; plus "fix all" (every
// preferred fix of the file) as a quick fix and as source.fixAll.layerscope for codeActionsOnSave.
import * as vscode from 'vscode';
import { lintDockerfile } from '../lint';
import { minimalEdit } from '../lint/fixAll';
import { safeFixAll } from '../lint/fixcheck';
import { suppressor } from '../lint/suppress';
import type { Finding, Fix } from '../lint/types';
import type { ConfigSource } from './configSource';
import type { DocumentLinter } from './linter';
import { lintOptions } from './run';
import { codeOf, findingKey, toRange } from './toDiagnostic';
import { errorText } from '../model/errorText';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('layerscope');
const FIX_ALL_TITLE = 'Fix all auto-fixable Dockerfile problems';

/** A "fix all" entry in the quick-fix list: its edit is computed only when chosen. */
class FixAllAction extends vscode.CodeAction {
  constructor(readonly doc: vscode.TextDocument, kind: vscode.CodeActionKind) {
    super(FIX_ALL_TITLE, kind);
  }
}

export class DockerfileCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL] };

  constructor(private readonly linter: DocumentLinter, private readonly configs: ConfigSource, private readonly log: vscode.LogOutputChannel) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      if (context.only && (context.only.contains(FIX_ALL) || FIX_ALL.contains(context.only))) {
        const action = new FixAllAction(doc, FIX_ALL);
        action.edit = await this.fixAllEdit(doc);
        return action.edit ? [action] : [];
      }
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
      const actions = this.actions(doc, context.diagnostics);
      // Offered when there is more than one thing to fix; computed lazily (resolveCodeAction).
      const fixable = (this.linter.findingsFor(doc) ?? []).filter((f) => f.fixes?.some((x) => x.preferred)).length;
      if (fixable > 1 && actions.length) actions.push(new FixAllAction(doc, vscode.CodeActionKind.QuickFix));
      return actions;
    } catch (err) {
      this.log.error(`Dockerfile quick fixes failed for ${doc.uri.fsPath}: ${errorText(err)}`);
      return [];
    }
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (action instanceof FixAllAction && !action.edit) {
      try {
        action.edit = await this.fixAllEdit(action.doc);
      } catch (err) {
        this.log.error(`Dockerfile fix all failed for ${action.doc.uri.fsPath}: ${errorText(err)}`);
      }
    }
    return action;
  }

  /** One edit applying every preferred fix that passes the check (re-linting between passes), or undefined. */
  private async fixAllEdit(doc: vscode.TextDocument): Promise<vscode.WorkspaceEdit | undefined> {
    const resolved = await this.configs.resolve(doc);
    if (!resolved.enable) return undefined;
    const options = lintOptions(doc, resolved, this.configs);
    const text = doc.getText();
    // Only fixes that pass the no-harm check, as `layerscope lint --fix` does.
    const edit = minimalEdit(text, safeFixAll(text, (t) => lintDockerfile(t, options)).text);
    if (!edit) return undefined;
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, toRange(edit.range), edit.newText);
    return we;
  }

  private actions(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    // Rule fixes were computed for one version of the text; on any other version only the
    // suppressions (computed from the current text) are safe to offer.
    const byKey = new Map<string, Finding>();
    for (const f of this.linter.findingsFor(doc) ?? []) byKey.set(findingKey(f.code, f.range), f);
    const suppress = suppressor(doc.getText());
    const ruleFixes: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      const code = codeOf(diagnostic);
      if (!code) continue;
      const finding = byKey.get(findingKey(code, diagnostic.range));
      for (const fix of finding?.fixes ?? []) ruleFixes.push(toAction(doc.uri, fix, diagnostic));
      const asFinding: Finding = finding ?? { code, level: 'info', message: diagnostic.message, range: diagnostic.range };
      for (const fix of suppress(asFinding)) {
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
