// The implementation behind language/index.ts, loaded on first use: dockerfile-language-service (MIT,
// the author of dockerfile-ast) for instructions, flags, stage names in COPY --from, variables,
// instruction docs and formatting; lint/assist.ts on top for our pragmas, rule codes, RUN's BuildKit
// flags and `--mount` keys, and stage names after FROM.
import * as vscode from 'vscode';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import type * as lsp from 'vscode-languageserver-types';
import { assistCompletions, assistHover, AssistItem } from '../lint/assist';
import { rules } from '../lint/registry';
import { syntaxRules } from '../lint/validity';
import type { RuleMeta } from '../lint/types';

const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities({
  completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true } },
  hover: { contentFormat: ['markdown', 'plaintext'] },
});

const metas: RuleMeta[] = [...rules.map((r) => r.meta), ...syntaxRules].sort((a, b) => a.code.localeCompare(b.code));

const toPosition = (p: lsp.Position) => new vscode.Position(p.line, p.character);
const toRange = (r: lsp.Range) => new vscode.Range(toPosition(r.start), toPosition(r.end));

/** Items made by the library keep their LSP form here until resolved. */
class LibraryItem extends vscode.CompletionItem {
  constructor(readonly source: lsp.CompletionItem) {
    super(source.label, kindOf(source.kind));
  }
}

function kindOf(k: lsp.CompletionItemKind | undefined): vscode.CompletionItemKind {
  // LSP kinds are VS Code's plus one.
  return k === undefined ? vscode.CompletionItemKind.Text : (k - 1) as vscode.CompletionItemKind;
}

function documentation(d: string | lsp.MarkupContent | undefined): string | vscode.MarkdownString | undefined {
  if (d === undefined || typeof d === 'string') return d;
  return d.kind === 'markdown' ? new vscode.MarkdownString(d.value) : d.value;
}

function fromLibrary(item: lsp.CompletionItem): vscode.CompletionItem {
  const out = new LibraryItem(item);
  out.detail = item.detail;
  out.documentation = documentation(item.documentation);
  out.sortText = item.sortText;
  out.filterText = item.filterText;
  out.tags = item.deprecated ? [vscode.CompletionItemTag.Deprecated] : undefined;
  const edit = item.textEdit;
  const text = edit?.newText ?? item.insertText ?? item.label;
  out.insertText = item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  if (edit && 'range' in edit) out.range = toRange(edit.range);
  if (item.command) out.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  return out;
}

const ASSIST_KIND: Record<AssistItem['kind'], vscode.CompletionItemKind> = {
  pragma: vscode.CompletionItemKind.Snippet, rule: vscode.CompletionItemKind.Constant, flag: vscode.CompletionItemKind.Property,
  key: vscode.CompletionItemKind.Field, value: vscode.CompletionItemKind.EnumMember, stage: vscode.CompletionItemKind.Reference,
};

function fromAssist(a: AssistItem): vscode.CompletionItem {
  const out = new vscode.CompletionItem({ label: a.label, description: a.detail }, ASSIST_KIND[a.kind]);
  out.detail = a.detail;
  out.insertText = a.insertText;
  out.range = toRange(a.range);
  if (a.retrigger) out.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return out;
}

export async function completions(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const text = doc.getText();
  const ours = assistCompletions(text, pos, metas);
  if (ours) return ours.map(fromAssist);
  const items = await service.computeCompletionItems(text, pos);
  return items.map(fromLibrary);
}

export function resolveCompletion(item: vscode.CompletionItem): vscode.CompletionItem {
  if (!(item instanceof LibraryItem) || item.documentation) return item;
  const resolved = service.resolveCompletionItem(item.source);
  item.documentation = documentation(resolved.documentation);
  item.detail ??= resolved.detail;
  return item;
}

export function hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
  const text = doc.getText();
  const ours = assistHover(text, pos, metas);
  if (ours) return new vscode.Hover(new vscode.MarkdownString(ours.markdown), toRange(ours.range));
  const h = service.computeHover(text, pos);
  if (!h) return undefined;
  const parts = (Array.isArray(h.contents) ? h.contents : [h.contents]).map((c) =>
    typeof c === 'string' ? new vscode.MarkdownString(c)
      : 'kind' in c ? (c.kind === 'markdown' ? new vscode.MarkdownString(c.value) : new vscode.MarkdownString().appendText(c.value))
        : new vscode.MarkdownString().appendCodeblock(c.value, c.language));
  return new vscode.Hover(parts, h.range ? toRange(h.range) : undefined);
}

const toEdits = (edits: lsp.TextEdit[]) => edits.map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText));

export function format(doc: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
  return toEdits(service.format(doc.getText(), { tabSize: options.tabSize, insertSpaces: options.insertSpaces }));
}

export function formatRange(doc: vscode.TextDocument, range: vscode.Range, options: vscode.FormattingOptions): vscode.TextEdit[] {
  return toEdits(service.formatRange(doc.getText(), range, { tabSize: options.tabSize, insertSpaces: options.insertSpaces }));
}
