// Where a diagnostic's code links to: our bundled docs/rules/<CODE>.md, opened in the Markdown
// preview through a command URI (works the same on desktop and in the browser workbench), or
// ShellCheck's wiki for SCxxxx codes.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

/** Asks for one item (the injectable prompter's pick, which matches on description and detail too). */
export type PickRule = (items: vscode.QuickPickItem[], placeHolder: string) => Promise<vscode.QuickPickItem | undefined>;

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

  /** One pick item per bundled page: the code, and the rule's title to search by. */
  async pickItems(): Promise<vscode.QuickPickItem[]> {
    // The rule list is part of the lint core, loaded on first use.
    const [{ rules }, { syntaxRules }] = await Promise.all([import('../lint/registry'), import('../lint/validity')]);
    const metas = new Map([...rules.map((r) => r.meta), ...syntaxRules].map((m) => [m.code, m]));
    return this.available.map((code) => {
      const m = metas.get(code);
      return { label: code, description: m?.title, detail: m?.aliases?.length ? `Also: ${m.aliases.join(', ')}` : undefined };
    });
  }

  /** Opens the rule's page in the Markdown preview; asks which rule (searching codes and titles) when none is given. */
  async show(code: string | undefined, pick: PickRule): Promise<void> {
    code ??= (await pick(await this.pickItems(), 'Dockerfile rule: type a code or words from its title'))?.label;
    if (!code) return;
    const file = this.file(code);
    if (!file) throw new Error(`No documentation is bundled for ${code}.`);
    await vscode.commands.executeCommand('markdown.showPreview', file);
  }
}
