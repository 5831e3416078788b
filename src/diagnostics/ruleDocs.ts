// Where a diagnostic's code links to: our bundled docs/rules/<CODE>.md, opened in the Markdown
// preview through a command URI (works the same on desktop and in the browser workbench), or
// ShellCheck's wiki for SCxxxx codes.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export class RuleDocs {
  private readonly codes: Set<string>;

  constructor(private readonly extensionUri: vscode.Uri) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(vscode.Uri.joinPath(extensionUri, 'docs', 'rules').fsPath);
    } catch {
      // No bundled docs (a trimmed build): codes stay plain text.
    }
    this.codes = new Set(names.filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)));
  }

  /** Codes that have a bundled page, sorted. */
  get available(): string[] {
    return [...this.codes].sort();
  }

  /** The link target for a diagnostic's code, or undefined when there is nothing to open. */
  target(code: string): vscode.Uri | undefined {
    if (/^SC\d+$/.test(code)) return vscode.Uri.parse(`https://www.shellcheck.net/wiki/${code}`);
    if (!this.codes.has(code)) return undefined;
    return vscode.Uri.parse(`command:layerscope.showRuleDoc?${encodeURIComponent(JSON.stringify([code]))}`);
  }

  file(code: string): vscode.Uri | undefined {
    return this.codes.has(code) ? vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${code}.md`) : undefined;
  }

  /** Opens the rule's page in the Markdown preview; asks which rule when none is given. */
  async show(code?: string): Promise<void> {
    code ??= await vscode.window.showQuickPick(this.available, { placeHolder: 'Dockerfile rule' });
    if (!code) return;
    const file = this.file(code);
    if (!file) throw new Error(`No documentation is bundled for ${code}.`);
    await vscode.commands.executeCommand('markdown.showPreview', file);
  }
}
