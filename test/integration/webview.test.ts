// The layers panel in the real VS Code against the real test daemon: opened from the Images view,
// its rows read from the screen through Playwright, hostile text shown as text, the deep analysis
// run from the panel's own button, and the panel noticing when its image is removed.
import { strict as assert } from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { LayersPanel } from '../../src/webview/layersPanel';
import type { HostMessage } from '../../src/webview/protocol';
import { formatBytes } from '../../src/model/format';
import { engineGet, testDaemon } from './support/engine';
import { page } from './support/ui';
import { publishScreenshot, selectors } from './support/workbench';
import { waitUntil } from './support/wait';

const hostile = '<img src=x onerror=alert(1)>';
/** Frames whose URL contains this are webview contents (the inner frame VS Code puts each webview in). */
const webviewFrame = 'fake.html';

interface TreeNodeLike { item: { label: string; contextValue?: string }; ref?: unknown; children?: TreeNodeLike[] }

function extension(): vscode.Extension<LayerscopeApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'layerscope');
  assert.ok(ext, 'the extension under development is loaded');
  return ext as vscode.Extension<LayerscopeApi>;
}

/** The Images view's node for a tag, found the way a person would: in the tree the view shows. */
async function imagesViewNode(api: LayerscopeApi, tag: string): Promise<TreeNodeLike> {
  const views = api.views as unknown as { images: { rootNodes(): Promise<TreeNodeLike[]>; getChildren?(n?: TreeNodeLike): Promise<TreeNodeLike[]> } };
  return waitUntil(`the Images view to list ${tag}`, async () => {
    const stack = [...(await views.images.rootNodes())];
    while (stack.length) {
      const node = stack.pop()!;
      const ref = node.ref as { ref?: string } | undefined;
      if (ref?.ref === tag) return node;
      stack.push(...(node.children ?? []));
    }
    return undefined;
  }, 30_000);
}

/** The webview loaded its script and asked for data (fails instead of hanging when it never does). */
async function ready(panel: LayersPanel): Promise<void> {
  let done = false;
  void panel.ready.then(() => { done = true; });
  await waitUntil('the webview to load and say ready', () => done, 30_000);
}

async function renderedRows(panel: LayersPanel, rows: number): Promise<void> {
  await waitUntil(`the webview to render ${rows} history rows`, () => {
    const what = panel.lastRendered ? JSON.parse(panel.lastRendered) as { historyRows: number } : undefined;
    return what?.historyRows === rows;
  }, 20_000);
}

/**
 * The panel's notice as drawn, once it says `expected`: the host's state changes when it posts the
 * message, the webview draws it a moment later. Returns the last text read (for the assertion).
 */
async function noticeOnScreen(expected: RegExp): Promise<string> {
  let text = '';
  await waitUntil(`the notice to say ${expected}`, async () => {
    text = (await page.texts('#notice', { frame: webviewFrame })).join('\n');
    return expected.test(text);
  }, 10_000).catch(() => undefined);
  return text;
}

function docker(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('docker', args, { env: { ...process.env, DOCKER_BUILDKIT: '0' }, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`docker ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

describe('layers panel (webview)', function () {
  this.timeout(180_000);
  let api: LayerscopeApi;
  let repo: string;

  before(async () => {
    testDaemon();
    const ext = extension();
    repo = ext.extensionPath;
    api = await ext.activate();
    await api.explorer(); // the explorer's code loads on first use
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
    await vscode.commands.executeCommand('layerscope.images.focus');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from the Images view and shows every history row of multi:1 on screen', async () => {
    const node = await imagesViewNode(api, 'layerscope-fixture/multi:1');
    // A person's way in: select the tag's row in the Images view and click its inline "Show Layers".
    const images = (api.views as unknown as { images: { view: vscode.TreeView<TreeNodeLike> } }).images;
    await images.view.reveal(node, { select: true, focus: true });
    await page.click(`${selectors.paneRows('Images')}.selected .action-label[aria-label^="Show Layers"]`);
    const layerTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('layerscope.layers'));
    await waitUntil('the layers panel tab', () => layerTabs().some((t) => t.label === 'Layers: layerscope-fixture/multi:1'));
    // The same command with the view's node reveals that panel (no second one) and hands it to the test.
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', node);
    assert.ok(panel, 'showLayers returns the panel');
    assert.equal(layerTabs().length, 1);
    const inspect = await engineGet<{ Id: string }>('/images/layerscope-fixture/multi:1/json');
    assert.equal(panel.imageId, inspect.Id);
    await ready(panel);
    const history = await engineGet<{ CreatedBy: string }[]>('/images/layerscope-fixture/multi:1/history');
    assert.equal(history.length, 12);
    await renderedRows(panel, 12);

    // The state reached the webview: the host posted the image with 12 rows, 9 of them layers.
    const posted = panel.lastState?.type === 'image' ? panel.lastState.state : undefined;
    assert.ok(posted, `last state was ${panel.lastState?.type}`);
    assert.equal(posted.rows.filter((r) => !r.empty).length, 9);
    // base's two layers are shared with the other fixtures; everything above is unique to multi.
    assert.equal(posted.breakdown.known, true);
    assert.equal(posted.breakdown.shared, 1_982_256 + 3_216);
    assert.equal(posted.breakdown.total, 7_238_421);

    // What is on screen, read by Playwright inside the webview frame: newest first by default.
    const rows = await page.texts('#history-table tbody tr.step', { frame: webviewFrame });
    assert.equal(rows.length, 12);
    assert.match(rows[0], /CMD \["\/bin\/sh"\]/);
    assert.match(rows[0], /empty/);
    assert.match(rows[11], /COPY file:/);
    assert.ok(rows.some((r) => r.includes('RUN rm /big.bin')), rows.join('\n'));
    const badges = await page.texts('#history-table .badge.shared', { frame: webviewFrame });
    assert.equal(badges.length, 2);

    // Toggle to oldest first, through the panel's own button.
    await page.click('#history-order', { frame: webviewFrame });
    await waitUntil('oldest first', async () => (await page.texts('#history-table tbody tr.step', { frame: webviewFrame }))[0]?.includes('COPY file:'));

    // Sorted by size through the column header: the 5 MiB `dd` layer first.
    await page.click('#history-table th button', { frame: webviewFrame });
    await waitUntil('largest first', async () => (await page.texts('#history-table tbody tr.step', { frame: webviewFrame }))[0]?.includes('RUN dd'));
    await page.click('#history-table th button', { frame: webviewFrame });

    // Asking again reveals the same panel instead of opening a second one.
    const again = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/multi:latest');
    assert.equal(again, panel);

    await page.click('#history-order', { frame: webviewFrame });
    const shot = await page.screenshot(path.join(repo, 'test-results/layers.png'), { settleMs: 500 });
    publishScreenshot(repo, shot, 'layers.png');
  });

  it('renders hostile labels, CreatedBy and file names as text, never as HTML', async () => {
    const node = await imagesViewNode(api, 'layerscope-fixture/hostile:1');
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', node);
    await ready(panel);
    await renderedRows(panel, 5);
    await page.click('details.labels summary', { frame: webviewFrame });
    const labels = await page.texts('#labels tr', { frame: webviewFrame });
    assert.ok(labels.some((t) => t.includes('description') && t.includes(hostile)), labels.join('\n'));
    const rows = await page.texts('#history-table tbody tr.step', { frame: webviewFrame });
    assert.ok(rows.some((t) => t.includes(`echo '${hostile}'`)), rows.join('\n'));

    // The file name too, after the deep analysis (clicked in the panel).
    await page.click('#analyze', { frame: webviewFrame });
    await waitUntil('the analysis to finish', () => panel.analysisResult, 60_000);
    await page.waitFor('#file-tree .tree-row', { frame: webviewFrame });
    const treeRows = await page.texts('#file-tree .tree-row', { frame: webviewFrame });
    assert.ok(treeRows.some((t) => t.includes(`${hostile}.html`)), treeRows.join('\n'));

    // The document's policy: nothing by default, scripts and styles only with this panel's nonce.
    const csp = await page.attributes('meta[http-equiv="Content-Security-Policy"]', 'content', { frame: webviewFrame });
    assert.equal(csp.length, 1);
    assert.match(csp[0]!, /^default-src 'none'; style-src [^;]+ 'nonce-[A-Za-z0-9+/]{22}=='; script-src 'nonce-[A-Za-z0-9+/]{22}=='; img-src [^;]+ data:; font-src [^;]+$/);
    const scriptNonce = await page.evaluate<string>(`document.querySelector('script[src*="webview.js"]').nonce`, { frame: webviewFrame });
    assert.ok(csp[0]!.includes(`'nonce-${scriptNonce}'`));

    const imgs = await page.evaluate<number>('document.querySelectorAll("img").length', { frame: webviewFrame });
    assert.equal(imgs, 0, 'no <img> element exists in the webview');
    const html = await page.evaluate<string>('document.body.innerHTML', { frame: webviewFrame });
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the markup is escaped text in the DOM');
  });

  it('runs the deep analysis on multi:1 from the panel and shows the wasted bytes', async () => {
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/multi:1');
    await ready(panel);
    await renderedRows(panel, 12);
    const posted: string[] = [];
    const listening = panel.onDidPost((m) => posted.push(m.type));
    await page.click('#analyze', { frame: webviewFrame });
    const analysis = await waitUntil('the analysis to finish', () => panel.analysisResult, 60_000);
    // The panel was told about the progress first, then got the result, then the rows again (now
    // mapped onto the layers with the config's exact empty_layer flags).
    await waitUntil('the rows after the analysis', () => posted.includes('analysisDone') && posted.lastIndexOf('image') > posted.indexOf('analysisDone'));
    listening.dispose();
    assert.equal(posted[0], 'analysisProgress');
    assert.ok(posted.indexOf('analysisDone') > 0, posted.join(','));
    assert.equal(analysis.wastedBytes, 5_242_887);
    assert.equal(analysis.layers.length, 9);

    await page.waitFor('#wasted-bytes', { frame: webviewFrame });
    const [wasted] = await page.texts('#wasted-bytes', { frame: webviewFrame });
    assert.equal(wasted, formatBytes(5_242_887));
    const inefficient = await page.texts('#inefficiencies tbody tr', { frame: webviewFrame });
    assert.ok(inefficient[0].includes('big.bin') && inefficient[0].includes(formatBytes(5_242_880)), inefficient.join('\n'));
    assert.ok(inefficient.some((t) => t.includes('app/config.txt')), inefficient.join('\n'));
    const largest = await page.texts('#largest-files tbody tr', { frame: webviewFrame });
    assert.ok(largest[0].includes('bin/busybox'), largest.join('\n'));

    // After the analysis the history rows carry the wasted bytes of their layer.
    await waitUntil('the rows to show wasted bytes', async () =>
      (await page.texts('#history-table tbody tr.step', { frame: webviewFrame })).some((t) => t.includes('RUN dd') && t.includes(formatBytes(5_242_880))));

    // The top layer (`rm -rf /scratch`) is shown first: its removals are on screen.
    await waitUntil('the top layer\'s removals', async () =>
      (await page.texts('#file-tree .tree-row.removed', { frame: webviewFrame })).some((t) => t.includes('scratch/')));
    await page.evaluate('document.getElementById("files-heading").scrollIntoView()', { frame: webviewFrame });
    const shot = await page.screenshot(path.join(repo, 'test-results/layers-analysis.png'), { settleMs: 300 });
    publishScreenshot(repo, shot, 'layers-analysis.png');

    // Keyboard: the tree takes focus, Enter closes the first folder, ArrowRight opens it again.
    const expandedOfFirst = async () => (await page.attributes('#tree-row-0', 'aria-expanded', { frame: webviewFrame }))[0];
    assert.equal(await expandedOfFirst(), 'true');
    await page.evaluate('document.getElementById("file-tree").focus()', { frame: webviewFrame });
    await page.press('Home');
    await page.press('Enter');
    await waitUntil('Enter to close the folder', async () => (await expandedOfFirst()) === 'false');
    await page.press('ArrowRight');
    await waitUntil('ArrowRight to open it', async () => (await expandedOfFirst()) === 'true');
    await page.press('ArrowDown');
    assert.equal((await page.attributes('#file-tree', 'aria-activedescendant', { frame: webviewFrame }))[0], 'tree-row-1');
    // History rows: arrows move the focus from row to row.
    await page.evaluate('document.querySelector("#history-table tbody tr.step").focus()', { frame: webviewFrame });
    await page.press('ArrowDown');
    const focusedStep = await page.evaluate<string>('document.activeElement.dataset.step', { frame: webviewFrame });
    assert.equal(focusedStep, '10');

    // Aggregated changes up to the top layer: everything added above the base layer, /app among it.
    await page.click('#aggregated', { frame: webviewFrame });
    await waitUntil('the aggregated view', async () =>
      (await page.texts('#file-tree .tree-row.added', { frame: webviewFrame })).some((t) => t.includes('app/')));
    const aggregated = await page.texts('#file-tree .tree-row', { frame: webviewFrame });
    assert.ok(!aggregated.some((t) => t.includes('big.bin')), 'a file added and removed above the base is not a change of the result');
    await page.click('#aggregated', { frame: webviewFrame });

    // Pick the `rm /big.bin` layer: its change list shows the removal.
    const rmLayer = analysis.layers.findIndex((l) => l.createdBy.includes('rm /big.bin'));
    assert.ok(rmLayer > 0);
    await page.evaluate(`(() => { const s = document.querySelector('#layer-select'); s.value = '${rmLayer}'; s.dispatchEvent(new Event('change')); })()`, { frame: webviewFrame });
    await waitUntil('the removal to show', async () =>
      (await page.texts('#file-tree .tree-row.removed', { frame: webviewFrame })).some((t) => t.includes('big.bin')));
    // Filter by path: only matches (and their folders) stay.
    await page.click('#path-filter', { frame: webviewFrame });
    await page.type('nothing-matches-this');
    await waitUntil('the filter to apply', async () => (await page.texts('#file-tree .tree-row', { frame: webviewFrame })).length === 0);
    // The selected layer is highlighted in the history too.
    const selected = await page.texts('#history-table tr.step.selected', { frame: webviewFrame });
    assert.equal(selected.length, 1);
    assert.match(selected[0], /RUN rm \/big\.bin/);

    // Hidden behind another panel, the webview is torn down (not retained); shown again, it gets the
    // image and the analysis back from the host and its own view state (the chosen layer) from VS Code.
    const other = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/small:1');
    await ready(other);
    await waitUntil('the other panel on screen', async () =>
      (await page.texts('#image-title', { frame: webviewFrame })).includes('layerscope-fixture/small:1'));
    panel.reveal();
    await waitUntil('the first panel back, analysis included', async () =>
      (await page.texts('#image-title', { frame: webviewFrame })).includes('layerscope-fixture/multi:1')
      && (await page.texts('#wasted-bytes', { frame: webviewFrame })).includes(formatBytes(5_242_887)), 20_000);
    const layerValue = await page.evaluate<string>('document.querySelector("#layer-select").value', { frame: webviewFrame });
    assert.equal(layerValue, String(rmLayer));
  });

  it('compares two images into a Markdown report (second image picked in the quick pick)', async () => {
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.languageId === 'markdown' && doc.getText().startsWith('# Compare')) { sub.dispose(); resolve(doc); }
      });
    });
    const run = vscode.commands.executeCommand('layerscope.compareImages', 'layerscope-fixture/multi:1');
    await page.waitFor('.quick-input-widget', { state: 'visible' });
    await page.type('layerscope-fixture/shared:1');
    await waitUntil('the quick pick to filter', async () => {
      const rows = await page.texts('.quick-input-widget .monaco-list-row');
      return rows.length === 1 && rows[0].includes('layerscope-fixture/shared:1');
    });
    await page.press('Enter');
    await run;
    const doc = await waitUntil('the report', () => opened, 60_000);
    const text = doc.getText();
    assert.match(text, /^# Compare `layerscope-fixture\/multi:1` \(A\) with `layerscope-fixture\/shared:1` \(B\)/);
    assert.match(text, /\*\*2 shared layers\*\* \(1\.98 MB\); the bottom 2 are stored once on disk for both\./);
    assert.match(text, /## Files only in B \(1\)\n\n[^\n]+\n[^\n]+\n\| `\/shared\.txt` \| 7 B \|/);
    assert.match(text, /\| `\/app\/tenk\.txt` \| 10 kB \|/);
  });

  it('Analyze Image Files opens the panel and analyses small:1: one file, nothing wasted', async () => {
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.analyzeImage', 'layerscope-fixture/small:1');
    const analysis = panel.analysisResult;
    assert.ok(analysis);
    assert.equal(analysis.layers.length, 1);
    assert.equal(analysis.wastedBytes, 0);
    assert.equal(analysis.efficiency, 1);
    assert.deepEqual(analysis.largestFiles.map((f) => [f.path, f.sizeBytes]), [['hello.txt', 6]]);
    await ready(panel);
    await page.waitFor('#efficiency', { frame: webviewFrame });
    assert.deepEqual(await page.texts('#efficiency', { frame: webviewFrame }), ['100.0 %']);
    assert.deepEqual(await page.texts('#wasted-bytes', { frame: webviewFrame }), ['0 B']);
    // The tree's rows come from the host (treeQuery → treeRows), after the summary.
    await page.waitFor('#file-tree .tree-row', { frame: webviewFrame });
    const rows = await page.texts('#file-tree .tree-row', { frame: webviewFrame });
    assert.equal(rows.length, 1);
    assert.match(rows[0], /A\s*hello\.txt\s*6 B/);
  });

  it('cancels an analysis, and says so instead of failing', async () => {
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/multi:1');
    await ready(panel);
    const run = panel.analyze();
    assert.equal(panel.analysing, true);
    panel.cancelAnalysis();
    assert.equal(await run, undefined);
    assert.equal(panel.analysing, false);
    const last = panel.lastPosted;
    assert.ok(last?.type === 'analysisFailed' && last.cancelled, JSON.stringify(last));
  });

  it('cancels a running analysis from the panel\'s Cancel button, aborting the stream', async () => {
    // 300 MB of zeros: the engine needs a few seconds to stream it, time enough to press Cancel.
    const tag = `layerscope-it/slow:${Date.now()}`;
    await docker(['build', '-q', '-t', tag, '-'],
      `FROM layerscope-fixture/base:1\nRUN dd if=/dev/zero of=/zeros bs=1048576 count=300\nLABEL layerscope.it.slow="${tag}"\n`);
    try {
      const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', tag);
      await ready(panel);
      await page.click('#analyze', { frame: webviewFrame });
      await page.waitFor('#cancel-analysis', { frame: webviewFrame });
      const progress = await page.texts('#analysis-progress-text', { frame: webviewFrame });
      assert.match(progress[0], /read/);
      await page.click('#cancel-analysis', { frame: webviewFrame });
      const cancelledAt = Date.now();
      await waitUntil('the analysis to stop', () => !panel.analysing, 10_000, 20);
      const last = panel.lastPosted;
      assert.ok(last?.type === 'analysisFailed' && last.cancelled, JSON.stringify(last));
      assert.equal(panel.analysisResult, undefined);
      console.log(`    (stopped ${Date.now() - cancelledAt} ms after Cancel)`);
      await page.waitFor('#analyze', { frame: webviewFrame });
      assert.ok((await page.texts('section[aria-labelledby="files-heading"] > p', { frame: webviewFrame })).includes('Analysis cancelled.'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await docker(['rmi', '-f', tag]).catch(() => undefined);
    }
  });

  it('keeps the DOM small for a layer of 20,000 files (only the rows in view exist)', async () => {
    const tag = `layerscope-it/many:${Date.now()}`;
    await docker(['build', '-q', '-t', tag, '-'],
      `FROM layerscope-fixture/base:1\nRUN mkdir /many && cd /many && seq 1 20000 | xargs touch\nLABEL layerscope.it.many="${tag}"\n`);
    try {
      const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', tag);
      await ready(panel);
      // The webview gets the result without its change lists and asks the host for windows of rows.
      const posted: HostMessage[] = [];
      const listening = panel.onDidPost((m) => posted.push(m));
      await page.click('#analyze', { frame: webviewFrame });
      const analysis = await waitUntil('the analysis to finish', () => panel.analysisResult, 60_000);
      // The RUN layer adds the folder and its 20,000 files: the tree lists them all (folder open).
      assert.equal(analysis.layers[2].added, 20_001);
      await page.waitFor('#tree-count', { frame: webviewFrame });
      const [count] = await page.texts('#tree-count', { frame: webviewFrame });
      assert.equal(count, '20,001 rows shown');
      const domRows = await page.evaluate<number>('document.querySelectorAll("#file-tree .tree-row").length', { frame: webviewFrame });
      assert.ok(domRows > 10 && domRows < 100, `${domRows} row elements for 20,002 rows`);
      // Scrolled to the end, the last file is there and the DOM is still small.
      await page.evaluate('(() => { const t = document.getElementById("file-tree"); t.scrollTop = t.scrollHeight; })()', { frame: webviewFrame });
      await waitUntil('the last rows', async () =>
        (await page.texts('#file-tree .tree-row', { frame: webviewFrame })).some((t) => /\b9999\b/.test(t)));
      const domRowsAtEnd = await page.evaluate<number>('document.querySelectorAll("#file-tree .tree-row").length', { frame: webviewFrame });
      assert.ok(domRowsAtEnd < 100, `${domRowsAtEnd} row elements at the end`);
      listening.dispose();
      const done = posted.find((m) => m.type === 'analysisDone');
      assert.ok(done?.type === 'analysisDone' && done.analysis.layers.every((l) => !('changes' in l)), 'no change lists posted');
      const windows = posted.flatMap((m) => (m.type === 'treeRows' ? [m.rows] : []));
      assert.ok(windows.length >= 2, `${windows.length} windows of rows`);
      assert.ok(windows.every((w) => w.total === 20_001 && w.rows.length < 200), windows.map((w) => `${w.start}+${w.rows.length}/${w.total}`).join(' '));
      assert.ok(windows.some((w) => w.start + w.rows.length === 20_001), 'the last window reaches the end');
      // A path filter over the 20,000 names: the matches and their folder, answered by the host.
      await page.click('#path-filter', { frame: webviewFrame });
      await page.type('1999');
      await waitUntil('the filter to apply', async () => (await page.texts('#tree-count', { frame: webviewFrame }))[0] === '13 rows shown');
      const filtered = await page.evaluate<string[]>('[...document.querySelectorAll("#file-tree .tree-row")].map((r) => r.dataset.path)', { frame: webviewFrame });
      assert.deepEqual(filtered, ['many', 'many/11999', 'many/1999', ...Array.from({ length: 10 }, (_, i) => `many/1999${i}`)]);
      // Without the added files: this layer modifies and removes nothing.
      await page.click('input[data-kind="added"]', { frame: webviewFrame });
      await waitUntil('no rows', async () => (await page.texts('#tree-count', { frame: webviewFrame }))[0] === '0 rows shown');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await docker(['rmi', '-f', tag]).catch(() => undefined);
    }
  });

  it('says so when the engine goes away, and shows the image again when it is back', async () => {
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/small:1');
    await ready(panel);
    await renderedRows(panel, 2);
    const settings = vscode.workspace.getConfiguration('layerscope');
    const nowhere = 'unix:///tmp/layerscope-it-no-engine-here.sock';
    try {
      await settings.update('host', nowhere, vscode.ConfigurationTarget.Global);
      await waitUntil('the panel to say the engine is gone', () => panel.lastState?.type === 'error', 20_000);
      assert.match(await noticeOnScreen(/not reachable/i), /not reachable/i);
      assert.equal((await page.texts('#history-table tbody tr', { frame: webviewFrame })).length, 0, 'no stale rows');
    } finally {
      await settings.update('host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitUntil('the image back', () => panel.lastState?.type === 'image', 30_000);
    await renderedRows(panel, 2);
    assert.equal((await page.texts('#history-table tbody tr.step', { frame: webviewFrame })).length, 2);
  });

  it('says the image is gone when it is removed, instead of showing stale rows', async () => {
    const tag = `layerscope-it/gone:${Date.now()}`;
    await docker(['build', '-q', '-t', tag, '-'], `FROM layerscope-fixture/small:1\nLABEL layerscope.it.gone="${tag}"\n`);
    try {
      const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', tag);
      await ready(panel);
      await renderedRows(panel, 3);
      await docker(['rmi', tag]);
      await waitUntil('the panel to notice', () => panel.lastState?.type === 'gone', 20_000);
      assert.match(await noticeOnScreen(/no longer exists/), /no longer exists/);
      const rows = await page.texts('#history-table tbody tr', { frame: webviewFrame });
      assert.equal(rows.length, 0, 'no stale history rows remain');
    } finally {
      await docker(['rmi', '-f', tag]).catch(() => undefined);
    }
  });
});
