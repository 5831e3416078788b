// Measured findings (LS2xxx) in the real VS Code on the planted fixture (test/rig/fixtures/insight):
// built through Build Image… (legacy builder, the stage question answered), analysed after the
// build, the findings placed on the instructions with their bytes — in the Problems panel, read from
// the screen — then the "merge the two RUNs" quick fix applied, the image rebuilt with BuildKit
// through Build Image…, and the written-then-deleted finding gone with the lens sizes changed.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { LinkedImageGlue } from '../../src/linkedImage';
import type { BuildOutcome } from '../../src/linkedImage/build';
import { MEASURED_SOURCE } from '../../src/linkedImage/measured';
import { formatBytes } from '../../src/model/format';
import { makeInsightContext, PLANTED, type InsightContext } from '../rig/fixtures/insight/context';
import { buildThroughEditor, cleanUp, extension, useBuilder } from './insightSupport';
import { page } from './support/ui';
import { waitUntil } from './support/wait';
import { publishScreenshot, resultsPath, selectors } from './support/workbench';
import type { LayersPanel } from '../../src/webview/layersPanel';

const tag = `lsx-insight-findings-${process.pid}:dev`;
const webviewFrame = 'fake.html';
/** 0-based lines of the planted Dockerfile (see test/rig/fixtures/insight/README.md). */
const LINE = { key: 13, apkCache: 14, big: 15, rm: 16, app: 17 };

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const measured = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === MEASURED_SOURCE);
const summary = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ') || '(none)';

describe('Dockerfile ↔ image: measured findings on the planted fixture (insight)', function () {
  this.timeout(300_000);
  let api: LayerscopeApi;
  let glue: LinkedImageGlue;
  let fixture: InsightContext;
  let uri: vscode.Uri;
  const images: string[] = [];

  async function build(): Promise<BuildOutcome> {
    const { outcome, asked } = await buildThroughEditor(api, uri, {
      input: async () => tag,
      // The last stage (the image's own), as a person would leave the default.
      pick: async (items) => items.find((i) => (i as { target?: string }).target === ''),
    });
    assert.ok(outcome, 'the build finished');
    assert.deepEqual(asked.picks[0]?.items.map((i) => i.label), ['stage 1', 'tools'], 'asked which stage, the last first');
    images.push(outcome.imageId);
    return outcome;
  }

  async function findingsWhen(what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
    try {
      return await waitUntil(what, () => { const ds = measured(uri); return ok(ds) ? ds : undefined; }, timeoutMs, 100);
    } catch (err) {
      throw new Error(`${(err as Error).message}; measured findings: ${summary(measured(uri))}`);
    }
  }

  before(async () => {
    api = await extension().activate();
    glue = await api.linkedImage();
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
    const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
    fixture = makeInsightContext(path.join(workspace, `insight-findings-${process.pid}`), path.join(extension().extensionPath, 'test', 'rig', 'fixtures', 'insight'));
    uri = vscode.Uri.file(path.join(fixture.dir, 'Dockerfile'));
    await useBuilder('legacy');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  });

  after(async () => {
    await cleanUp(api, uri, tag, images);
    fixture.remove();
  });

  it('after Build Image… and its analysis, each planted problem is a finding on its instruction, with the bytes', async () => {
    const outcome = await build();
    assert.equal(outcome.buildKit, false);
    assert.ok(outcome.insight, 'analysed after the build');
    const ds = await findingsWhen('the measured findings', (d) => d.some((x) => codeOf(x) === 'LS2001'));
    const at = (code: string, line: number) => ds.filter((d) => codeOf(d) === code && d.range.start.line === line);
    const cache = at('LS2001', LINE.apkCache);
    assert.equal(cache.length, 1, summary(ds));
    assert.match(cache[0].message, new RegExp(`^${formatBytes(PLANTED.apkCacheBytes)} of .*\\(/var/cache/apk\\)`));
    const big = formatBytes(PLANTED.bigBinBytes);
    assert.ok(at('LS2002', LINE.big).some((d) => d.message.startsWith(`${big} written here`) && d.message.includes('/app/big.bin')), summary(ds));
    assert.ok(at('LS2002', LINE.rm).some((d) => d.message.includes(`Deletes or overwrites ${big}`)), summary(ds));
    const key = at('LS2003', LINE.key);
    assert.equal(key.length, 1, `the fake key is named on its COPY: ${summary(ds)}`);
    assert.match(key[0].message, /\/root\/\.ssh\/id_rsa/);
    assert.ok(!ds.some((d) => d.message.includes('LAYERSCOPE-TEST-FAKE-KEY') || d.message.includes('layerscope-test-fake-token')), 'never the secret itself');
    assert.ok(at('LS2004', LINE.app).some((d) => d.message.includes('/app/.git') && d.message.includes(formatBytes(fixture.gitBytes))), summary(ds));
    assert.equal(key[0].severity, vscode.DiagnosticSeverity.Error);

    // The analysis is kept on disk per image ID (the extension's global storage).
    const hex = outcome.imageId.replace(/^sha256:/, '');
    assert.ok(fs.existsSync(path.join(glue.service.cache.dir, `${hex}.insight.json`)), 'the insight is cached on disk');

    // What a person sees: the Problems panel.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const rows = await waitUntil('the Problems panel to list the measured findings', async () => {
      const texts = await page.texts(selectors.problemsRows);
      return texts.some((t) => t.includes(`${formatBytes(PLANTED.apkCacheBytes)} of`)) && texts.some((t) => t.includes(`${big} written here`)) ? texts : undefined;
    }, 30_000);
    assert.ok(rows.some((t) => t.includes('LS2003') && t.includes('/root/.ssh/id_rsa')), JSON.stringify(rows));

    // The README's picture: the lenses above the instructions, the findings below.
    // A smaller font and no side bar, so the whole file with its lenses fits above the findings.
    const editorSettings = vscode.workspace.getConfiguration('editor');
    await editorSettings.update('fontSize', 11, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(LINE.key, 0, LINE.key, 0) });
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await waitUntil('the lenses with the analysis figures on screen', async () => {
        const titles = await page.texts('.monaco-editor .codelens-decoration a');
        return titles.some((t) => t.startsWith(`+${big} · ${big} wasted`)) && titles.some((t) => t.startsWith(`${tag} · built`));
      }, 30_000);
      const repo = extension().extensionPath;
      const shot = resultsPath(repo, 'insight.png');
      await page.screenshot(shot, { settleMs: 800 });
      publishScreenshot(repo, shot, 'insight.png');
    } finally {
      await editorSettings.update('fontSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the Layers panel of the linked image ranks what would shrink it, with the Dockerfile lines', async () => {
    const imageId = glue.service.store.link(uri)!.imageId;
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', { imageId });
    await waitUntil('the savings report to render', () => {
      const what = panel.lastRendered ? JSON.parse(panel.lastRendered) as { savings: number } : undefined;
      return (what?.savings ?? 0) > 0;
    }, 30_000);
    const report = panel.panelLinks!.savings!;
    assert.deepEqual(report.items.map((i) => i.bytes), [...report.items.map((i) => i.bytes)].sort((a, b) => b - a), 'largest first');
    assert.equal(report.total, report.items.reduce((sum, i) => sum + i.bytes, 0));
    const items = await waitUntil('the report on screen', async () => {
      const texts = await page.texts('#savings li.saving', { frame: webviewFrame });
      return texts.length === report.items.length ? texts : undefined;
    }, 20_000);
    // The biggest: 3 MB written by one RUN and deleted by the next, on both lines.
    assert.ok(items[0].startsWith(formatBytes(PLANTED.bigBinBytes)) && items[0].includes(`line ${LINE.big + 1}`) && items[0].includes(`line ${LINE.rm + 1}`), JSON.stringify(items));
    assert.ok(items.some((t) => t.startsWith(formatBytes(PLANTED.apkCacheBytes)) && t.includes(`line ${LINE.apkCache + 1}`)), JSON.stringify(items));
    const total = await page.texts('#savings-total', { frame: webviewFrame });
    assert.equal(total[0], `up to ${formatBytes(report.total)} smaller with ${report.items.length} changes`);
    panel.dispose();
  });

  it('the merge quick fix, a BuildKit rebuild through Build Image…: the wasted bytes are gone and the lens sizes changed', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    // The lens reads the analysis the earlier tests started; on a loaded machine it may still be coming.
    let before = '';
    await waitUntil('the dd line\'s lens with its size and wasted bytes', async () => {
      before = (await glue.lenses.specs(doc)).find((s) => s.line === LINE.big)?.title ?? '';
      return before.startsWith(`+${formatBytes(PLANTED.bigBinBytes)}`) && before.includes('wasted');
    }, 30_000).catch(() => undefined);
    assert.ok(before.startsWith(`+${formatBytes(PLANTED.bigBinBytes)}`) && before.includes('wasted'), `the dd line's lens before: ${before}`);

    const diagnostic = measured(uri).find((d) => codeOf(d) === 'LS2002' && d.range.start.line === LINE.big)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const merge = actions.find((a) => a.title.startsWith(`Merge with the RUN on line ${LINE.rm + 1}`));
    assert.ok(merge?.edit, `the merge fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(merge.edit));
    // One RUN now, continued on the next line: the later lines keep their numbers.
    assert.match(`${doc.lineAt(LINE.big).text}\n${doc.lineAt(LINE.rm).text}`, /^RUN dd if=\/dev\/zero of=big\.bin .*\\\n\s*&& rm big\.bin \/root\/\.ssh\/id_rsa$/);
    assert.match(doc.lineAt(LINE.app).text, /^COPY app\/ \.\/$/);
    // The edited instruction's findings go at once: they described the old text.
    await findingsWhen('the findings of the edited lines to go', (d) => !d.some((x) => codeOf(x) === 'LS2002' && x.range.start.line === LINE.big));
    await doc.save();

    await useBuilder('buildkit');
    const outcome = await build();
    assert.equal(outcome.buildKit, true);
    const ds = await findingsWhen('the findings of the rebuilt image', (d) =>
      d.some((x) => codeOf(x) === 'LS2001') && glue.service.store.link(uri)?.imageId === outcome.imageId);
    assert.ok(!ds.some((d) => d.message.includes('/app/big.bin')), `the rebuilt image wastes nothing on big.bin: ${summary(ds)}`);
    assert.ok(ds.some((d) => codeOf(d) === 'LS2001' && d.range.start.line === LINE.apkCache), 'the cache is still there: still reported');
    const after = (await glue.lenses.specs(doc)).find((s) => s.line === LINE.big)?.title ?? '';
    assert.ok(after.startsWith('+0 B') && !after.includes('wasted'), `the merged RUN's lens: ${after}`);
  });
});
