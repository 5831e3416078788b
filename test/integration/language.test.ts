// Help while typing in Dockerfiles, in the real VS Code: completion items and hover text read from
// the screen (the suggest widget and the hover, through the Playwright channel), formatting applied,
// and nothing from us when layerscope.languageFeatures.enable is off. Fixture: workspace/language/.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import { page } from './support/ui';
import { waitUntil } from './support/wait';

const EXTENSION_ID = 'layerscope.layerscope';
const SETTING = 'languageFeatures.enable';
const fixture = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'language', 'Dockerfile');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SUGGEST_ROWS = '.monaco-editor .suggest-widget.visible .monaco-list-row';
const HOVER = '.monaco-editor .monaco-hover .hover-contents';

async function setMode(mode: 'auto' | 'on' | 'off' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('layerscope').update(SETTING, mode, vscode.ConfigurationTarget.Global);
}

describe('Dockerfile help while typing (real VS Code)', function () {
  this.timeout(120_000);
  let api: LayerscopeApi;
  let editor: vscode.TextEditor;
  let original = '';

  before(async () => {
    api = await vscode.extensions.getExtension<LayerscopeApi>(EXTENSION_ID)!.activate();
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    const doc = await vscode.workspace.openTextDocument(fixture());
    original = doc.getText();
    editor = await vscode.window.showTextDocument(doc);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('hideSuggestWidget');
    if (editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(editor.document.getText(), original, 'the fixture is back as on disk');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setMode(undefined);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Replaces line `line` with `text` and puts the cursor at its end. */
  async function typeLine(line: number, text: string): Promise<vscode.Position> {
    const doc = editor.document;
    await editor.edit((e) => e.replace(doc.lineAt(line).range, text));
    const end = new vscode.Position(line, text.length);
    editor.selection = new vscode.Selection(end, end);
    return end;
  }

  /** Opens the suggest widget where the cursor is and reads its rows from the screen. */
  async function suggestRows(expect: string): Promise<string[]> {
    let rows: string[] = [];
    await waitUntil(`a suggestion '${expect}' on screen`, async () => {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(400);
      rows = await page.texts(SUGGEST_ROWS);
      return rows.some((r) => r.includes(expect));
    }, 20_000, 300).catch((e: Error) => { throw new Error(`${e.message}; rows: ${rows.join(' | ')}`); });
    return rows;
  }

  /** Shows the hover at a position and reads it from the screen. */
  async function hoverText(line: number, character: number, expect: string): Promise<string> {
    // A hover already open stays when the cursor moves by API: close it first.
    if ((await page.texts(HOVER)).length) await page.press('Escape');
    editor.selection = new vscode.Selection(line, character, line, character);
    let text = '';
    await waitUntil(`a hover with '${expect}'`, async () => {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(300);
      text = (await page.texts(HOVER)).join('\n');
      return text.includes(expect);
    }, 20_000, 300).catch((e: Error) => { throw new Error(`${e.message}; hover: ${text}`); });
    return text;
  }

  it('is on by default when neither Container Tools nor the Docker extension is installed', () => {
    assert.equal(api.language.overlapping(), undefined);
    assert.equal(api.language.active, true);
  });

  it('hover: the instruction documentation, and a rule title inside a pragma', async () => {
    const workdir = await hoverText(2, 3, 'working directory');
    assert.match(workdir, /Set the working directory/);
    const rule = await hoverText(0, 20, 'Pin versions in apt-get install');
    assert.match(rule, /DL3008/);
    await page.screenshot(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-results', 'language-hover.png'), { settleMs: 200 });
  });

  it('completion: --mount keys and values, RUN flags, stage names after FROM and COPY --from', async () => {
    await typeLine(4, 'RUN --mount=');
    // The widget draws only the rows in view (about 12 of the 14 keys, sorted): check some of them.
    const keys = await suggestRows('target=');
    assert.ok(keys.some((r) => r.includes('sharing=')) && keys.some((r) => r.includes('Where the mount appears')), keys.join(' | '));
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, 'RUN --mount=ty');
    await suggestRows('type=');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, 'RUN --mount=type=');
    assert.ok((await suggestRows('cache')).some((r) => r.includes('secret')));
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, 'RUN --');
    assert.ok((await suggestRows('--network=')).some((r) => r.includes('--mount=')));
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, 'FROM ');
    await suggestRows('build');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, 'COPY --from=');
    await suggestRows('build');
  });

  it('completion: instructions, variables, our pragmas and rule codes with their titles', async () => {
    await typeLine(4, 'WORK');
    await suggestRows('WORKDIR');
    await vscode.commands.executeCommand('hideSuggestWidget');
    // An ARG of the stage after `$` (two lines where the empty one was).
    await typeLine(4, 'ARG APP_HOME=/app\nRUN echo $');
    editor.selection = new vscode.Selection(5, 10, 5, 10);
    await suggestRows('APP_HOME');
    await vscode.commands.executeCommand('hideSuggestWidget');
    await editor.edit((e) => e.replace(new vscode.Range(4, 0, 5, 10), ''));
    await typeLine(4, '# hadolint ');
    assert.ok((await suggestRows('hadolint ignore=')).some((r) => r.includes('hadolint global ignore=')));
    await vscode.commands.executeCommand('hideSuggestWidget');
    await typeLine(4, '# hadolint ignore=DL3000,DL301');
    const codes = await suggestRows('DL3015');
    assert.ok(codes.some((r) => r.includes('DL3015') && r.includes('no-install-recommends')), `the title beside the code: ${codes.join(' | ')}`);
    await page.screenshot(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-results', 'language-completion.png'), { settleMs: 200 });
  });

  it('formatting: Format Document fixes the indentation', async () => {
    await typeLine(2, '    workdir /src');
    await typeLine(4, '   ');
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitUntil('the document formatted', () => editor.document.lineAt(2).text === 'workdir /src' && editor.document.lineAt(4).text === '');
  });

  it('setting off: no completion, hover or formatting from us; back on: they return', async () => {
    await setMode('off');
    await waitUntil('the providers unregistered', () => !api.language.active);
    await typeLine(4, 'RUN --mount=');
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 12));
    assert.deepEqual(items.items.filter((i) => ['type=', 'target=', 'sharing='].includes(typeof i.label === 'string' ? i.label : i.label.label)), []);
    // On screen: the suggest widget shows none of our items.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1500);
    const rows = await page.texts(SUGGEST_ROWS);
    assert.ok(!rows.some((r) => r.includes('target=') || r.includes('sharing=')), `rows when off: ${rows.join(' | ')}`);
    await vscode.commands.executeCommand('hideSuggestWidget');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 3));
    assert.ok(!hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('working directory'))), 'no instruction hover');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: true });
    assert.equal(edits?.length ?? 0, 0, 'no formatter');

    await setMode('auto');
    await waitUntil('the providers back', () => api.language.active);
    editor.selection = new vscode.Selection(4, 12, 4, 12);
    await suggestRows('target=');
  });
});

describe('Show Dockerfile Rule Documentation: search by title (real VS Code)', function () {
  this.timeout(90_000);

  it('typing words of a title finds the rule; the row shows code and title', async () => {
    await vscode.extensions.getExtension<LayerscopeApi>(EXTENSION_ID)!.activate();
    // A quick pick closes when something else takes focus: ask again until it stays up.
    for (let attempt = 1; ; attempt++) {
      const shown = vscode.commands.executeCommand('layerscope.showRuleDoc');
      try {
        await page.waitFor('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'DL3006', timeoutMs: 10_000 });
        await page.type('versions in apt-get');
        const rows = await waitUntil('the title search to filter', async () => {
          const texts = await page.texts('.quick-input-widget .quick-input-list .monaco-list-row');
          return texts.length > 0 && texts.every((t) => !t.includes('DL3006')) ? texts : undefined;
        }, 10_000, 200);
        assert.ok(rows.some((r) => r.includes('DL3008') && r.includes('Pin versions in apt-get install')), rows.join(' | '));
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await shown;
        break;
      } catch (e) {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await shown;
        if (attempt === 3) throw e;
      }
    }
  });
});
