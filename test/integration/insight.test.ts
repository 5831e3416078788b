// Dockerfile ↔ image in the real VS Code against the real test daemon: Build Image… runs `docker
// build` as a task (both builders), links the new image, and the CodeLens above each instruction —
// read from the screen with Playwright — show its layer; a lens opens the Layers panel at that
// layer, the panel's "Go to instruction" comes back, edits make lenses stale, and a rebuild of the
// same tag (from the editor or from a terminal) moves the link.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { LinkedImageGlue } from '../../src/linkedImage';
import type { BuildOutcome } from '../../src/linkedImage/build';
import { NOT_BUILT, STALE } from '../../src/linkedImage/lensText';
import { formatBytes } from '../../src/model/format';
import type { LayersPanel } from '../../src/webview/layersPanel';
import { docker } from './explorerSupport';
import { buildThroughEditor, cleanUp, extension, useBuilder } from './insightSupport';
import { engineGet, engineRequest } from './support/engine';
import { page } from './support/ui';
import { waitUntil } from './support/wait';

const webviewFrame = 'fake.html';
const tag = `lsx-insight-${process.pid}:dev`;

/** The planted Dockerfile: a 600 kB fake apt archive left in its layer, 3 MB written then deleted. */
const DOCKERFILE = [
  'FROM scratch',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
  'ENV APP=demo',
  'RUN mkdir -p /var/cache/apt/archives && dd if=/dev/zero of=/var/cache/apt/archives/pkg.deb bs=1000 count=600',
  'RUN dd if=/dev/zero of=/big.bin bs=1000 count=3000',
  'RUN rm /big.bin',
  'COPY app.txt /app/app.txt',
  'CMD ["sh"]',
  '',
].join('\n');
const LINE = { from: 0, copyBusybox: 1, env: 3, apt: 4, big: 5, rm: 6, copyApp: 7, cmd: 8 };

interface InspectJson { Id: string; Size: number; RepoTags: string[] }

/** Every CodeLens title on screen (the editor must be visible). */
function lensesOnScreen(): Promise<string[]> {
  return page.texts('.monaco-editor .codelens-decoration a');
}

async function waitForLenses(what: string, ok: (titles: string[]) => boolean, timeoutMs = 30_000): Promise<string[]> {
  let last: string[] = [];
  try {
    return await waitUntil(what, async () => {
      last = await lensesOnScreen();
      return ok(last) ? last : undefined;
    }, timeoutMs, 200);
  } catch (err) {
    throw new Error(`${(err as Error).message}; lenses on screen: ${JSON.stringify(last)}`);
  }
}

describe('Dockerfile ↔ image: Build Image…, CodeLens, Layers panel (insight)', function () {
  this.timeout(240_000);
  let api: LayerscopeApi;
  let glue: LinkedImageGlue;
  let dir: string;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let first: BuildOutcome;
  const restore: vscode.Disposable[] = [];
  const settings = () => vscode.workspace.getConfiguration('layerscope');

  async function showDockerfile(): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  /** Answers the tag question and runs Build Image… on the file, through the command a person uses. */
  async function build(): Promise<BuildOutcome> {
    const { outcome, asked } = await buildThroughEditor(api, uri, { input: async () => tag });
    assert.ok(outcome, `the build finished (asked: ${JSON.stringify(asked.inputs.map((i) => i.value))})`);
    assert.equal(asked.inputs.length, 1, 'Build Image… asked for the tag once (one stage: no stage question)');
    return outcome;
  }

  before(async () => {
    api = await extension().activate();
    glue = await api.linkedImage();
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
    dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, `insight-run-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
    fs.writeFileSync(path.join(dir, 'app.txt'), 'hello\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    uri = vscode.Uri.file(path.join(dir, 'Dockerfile'));
    await useBuilder('legacy');
    doc = await vscode.workspace.openTextDocument(uri);
    await showDockerfile();
  });

  afterEach(() => { for (const d of restore.splice(0)) d.dispose(); });

  after(async () => {
    await cleanUp(api, uri, tag, [first?.imageId]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('before any build the first FROM says so and offers Build…', async () => {
    await waitForLenses('the "not built yet" lens', (t) => t.includes(NOT_BUILT));
  });

  it('without a docker CLI, Build Image… says so and offers what still works', async () => {
    await useBuilder('legacy', path.join(dir, 'no-such-docker'));
    try {
      const { outcome, asked } = await buildThroughEditor(api, uri, {});
      assert.equal(outcome, undefined);
      assert.equal(asked.inputs.length, 0, 'no tag asked: nothing can be built');
      assert.equal(asked.confirms.length, 1);
      assert.match(asked.confirms[0].message, /needs the docker CLI/);
      assert.match(asked.confirms[0].detail, /no-such-docker, which is not an executable/);
      assert.deepEqual(asked.confirms[0].buttons, ['Link to an Existing Image…']);
    } finally {
      await useBuilder('legacy');
    }
  });

  it('Build Image… (legacy builder) builds in a task, links the image, analyses it and the lenses show each layer', async () => {
    first = await build();
    assert.equal(first.buildKit, false);
    const inspect = await engineGet<InspectJson>(`/images/${encodeURIComponent(tag)}/json`);
    assert.equal(first.imageId, inspect.Id, 'the linked image is the one the tag names');
    assert.ok(first.insight, 'analysed after the build (layerscope.dockerfile.analyzeAfterBuild defaults to on)');
    const record = glue.service.store.link(uri);
    assert.equal(record?.imageId, inspect.Id);

    await showDockerfile();
    const expectedFrom = new RegExp(`^${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · built (just now|1 minute ago) · ${formatBytes(inspect.Size).replace('.', '\\.')}$`);
    // Planted bytes: 3,000,000 written by one RUN and removed by the next; 600,000 of fake apt archive.
    const titles = await waitForLenses('the lenses of the analysed image', (t) =>
      t.some((x) => expectedFrom.test(x)) && t.includes('+3 MB · 3 MB wasted · 1 added, 0 changed, 0 removed'));
    assert.ok(titles.some((t) => /^\+0 B · \d+ added, \d+ changed, 1 removed$/.test(t)), `the rm line shows its removal: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => /^\+600 kB · \d+ added, 0 changed, 0 removed$/.test(t)), `the apt line shows its 600 kB and the paths it added: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Build…'));
    assert.ok(!titles.some((t) => t.startsWith('stale')), 'nothing is stale right after the build');

    // The same lenses as the provider computes them, line by line: nothing on ENV and CMD (metadata).
    const specs = await glue.lenses.specs(doc);
    const lines = new Set(specs.map((s) => s.line));
    assert.ok(!lines.has(LINE.env) && !lines.has(LINE.cmd), `no lens on metadata-only instructions: ${JSON.stringify(specs.map((s) => [s.line, s.title]))}`);
    assert.equal(specs.find((s) => s.line === LINE.big)?.title, '+3 MB · 3 MB wasted · 1 added, 0 changed, 0 removed');
    for (const title of specs.map((s) => s.title)) assert.ok(titles.includes(title), `on screen: ${title}`);
  });

  it('a click on a lens opens the Layers panel at that layer; "Go to instruction" comes back to the line', async () => {
    await showDockerfile();
    await page.click('.monaco-editor .codelens-decoration a', { hasText: '+3 MB · 3 MB wasted' });
    const panel = await waitUntil('the Layers panel of the linked image', async () =>
      vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', { imageId: first.imageId }), 20_000);
    const view = (await glue.service.view(doc))!;
    const step = view.rows.find((r) => r.line === LINE.big)!.step;
    assert.ok(step !== undefined);
    await waitUntil(`the panel to select step ${step}`, () => {
      const what = panel.lastRendered ? JSON.parse(panel.lastRendered) as { selectedStep: number | null; goToInstruction: number } : undefined;
      return what?.selectedStep === step && what.goToInstruction > 0;
    }, 20_000);
    const selected = await waitUntil('the selected row on screen', async () => (await page.texts('#history-table tbody tr.step.selected', { frame: webviewFrame }))[0], 20_000);
    assert.match(selected, /RUN dd if=\/dev\/zero of=\/big\.bin/);

    await page.click('#history-table tbody tr.step.selected button.go-to-instruction', { frame: webviewFrame });
    await waitUntil('the Dockerfile with the cursor on the instruction', () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && editor.selection.active.line === LINE.big;
    }, 20_000);
  });

  it('an edit makes the lenses stale from the first changed instruction on', async () => {
    const editor = await showDockerfile();
    // Write and delete in one RUN: what the wasted bytes ask for.
    await editor.edit((b) => b.replace(new vscode.Range(LINE.big, 0, LINE.rm + 1, 0), 'RUN dd if=/dev/zero of=/big.bin bs=1000 count=3000 && rm /big.bin\n'));
    // The edited RUN and the COPY after it; not the CMD (metadata only).
    const titles = await waitForLenses('two stale lenses', (t) => t.filter((x) => x === STALE).length === 2);
    const specs = await glue.lenses.specs(doc);
    assert.match(specs.find((s) => s.line === LINE.apt)?.title ?? '', /^\+600 kB · /, 'lines before the edit keep their figures');
    assert.equal(specs.find((s) => s.line === LINE.big)?.title, STALE);
    assert.ok(titles.some((t) => t.startsWith('+600 kB')), `the unchanged lines keep theirs: ${JSON.stringify(titles)}`);
    await doc.save();
  });

  it('rebuilding the same tag through Build Image… (BuildKit) moves the link; the old panel offers a comparison', async () => {
    await settings().update('dockerfile.builder', 'auto', vscode.ConfigurationTarget.Global);
    const oldPanel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', { imageId: first.imageId });
    const second = await build();
    assert.equal(second.buildKit, true, 'auto picks BuildKit for the 20.10 CLI');
    assert.notEqual(second.imageId, first.imageId);
    const record = glue.service.store.link(uri)!;
    assert.equal(record.imageId, second.imageId);
    assert.equal(record.previousId, first.imageId);
    await showDockerfile();
    const titles = await waitForLenses('the lenses of the new build', (t) => !t.includes(STALE) && !t.some((x) => x.includes('3 MB wasted')) && t.some((x) => x.startsWith('+600 kB')));
    const merged = (await glue.lenses.specs(doc)).find((s) => s.line === LINE.big)?.title;
    assert.ok(merged && !merged.includes('wasted') && merged.startsWith('+0 B'), `the merged RUN stores nothing: ${merged} (${JSON.stringify(titles)})`);
    await waitUntil('the old image\'s panel to offer the new build', () => {
      const what = oldPanel.lastRendered ? JSON.parse(oldPanel.lastRendered) as { newerBuild: boolean } : undefined;
      return what?.newerBuild;
    }, 20_000);
    oldPanel.reveal();
    await waitUntil('the banner on screen', async () =>
      (await page.texts('#newer-build', { frame: webviewFrame })).some((t) => t.includes('was rebuilt') && t.includes('Compare with the new build')), 20_000);
    oldPanel.dispose();
  });

  it('a rebuild of the tag from a terminal moves the link by itself (engine events)', async () => {
    const before = glue.service.store.link(uri)!.imageId;
    fs.writeFileSync(path.join(dir, 'app.txt'), 'hello again, a longer file this time\n');
    await docker(['build', '--network', 'none', '-q', '-t', tag, dir]);
    const after = (await engineGet<InspectJson>(`/images/${encodeURIComponent(tag)}/json`)).Id;
    assert.notEqual(after, before);
    await waitUntil('the link to follow the tag', () => glue.service.store.link(uri)?.imageId === after, 20_000);
    await showDockerfile();
    const inspect = await engineGet<InspectJson>(`/images/${after}/json`);
    await waitForLenses('the first-FROM lens of the new image', (t) => t.some((x) => x.startsWith(`${tag} · built`) && x.endsWith(formatBytes(inspect.Size))));
    await engineRequest('DELETE', `/images/${before}?force=1`).catch(() => undefined);
  });
});
