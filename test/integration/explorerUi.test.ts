// What a person sees: Playwright (through the rig's UI channel) opens the Layerscope side bar in the
// real VS Code and reads the fixture tags, the dangling total and a container's state from the DOM.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import { engineGet } from './support/engine';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { openViewContainer, paneRowTexts, publishScreenshot, resultsPath, setPanesExpanded, setSidebarWidth } from './support/workbench';

describe('explorer on screen', function () {
  this.timeout(120_000);
  let api: LayerscopeApi;
  let repo: string;

  before(async function () {
    if (!uiAvailable()) throw new Error('the explorer screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
    const ext = vscode.extensions.getExtension<LayerscopeApi>('layerscope.layerscope')!;
    repo = ext.extensionPath;
    api = await ext.activate();
    await api.explorer(); // the explorer's code loads on first use
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
  });

  const spare = ['Disk Usage', 'Volumes', 'Networks'];
  after(async () => {
    await setPanesExpanded(['Dangling', 'Containers', ...spare], true).catch(() => undefined);
    await vscode.workspace.getConfiguration('layerscope').update('images.groupBy', undefined, vscode.ConfigurationTarget.Global);
    await api.views.images.setFilter('');
  });

  it('shows the fixture tags, the dangling total and a running container in the side bar', async () => {
    // Fixture tags as full names, one row each, and only those: fits the pane.
    await vscode.workspace.getConfiguration('layerscope').update('images.groupBy', 'none', vscode.ConfigurationTarget.Global);
    await api.views.images.setFilter('layerscope-fixture/');
    await api.views.refreshAll();
    // A clean window for the README screenshot: no editors, panel or notifications left by other tests.
    for (const command of ['workbench.action.closeAllEditors', 'workbench.action.closePanel', 'notifications.clearAll']) {
      await vscode.commands.executeCommand(command);
    }
    await openViewContainer('Layerscope');
    // Room for the three views this checks (and the README screenshot): the others fold away.
    // Images first with the whole side bar (seven fixture tags), then Dangling and Containers open beside it.
    await setPanesExpanded(['Dangling', 'Containers', ...spare], false);
    // Wide enough that descriptions (size, age, status) are readable in the screenshot.
    await setSidebarWidth(760);

    const fixtureTags = ['layerscope-fixture/base:1', 'layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest', 'layerscope-fixture/small:1'];
    let seen: string[] = [];
    const imageRows = await waitUntil('the fixture tags in the Images pane', async () => {
      const rows = seen = await paneRowTexts('Images');
      return fixtureTags.every((t) => rows.some((r) => r.includes(t))) ? rows : undefined;
    }, 20_000, 200).catch((err: Error) => { throw new Error(`${err.message}; the pane showed: ${seen.join(' | ')}`); });
    assert.ok(imageRows.some((r) => /layerscope-fixture\/multi:1.*in use/.test(r)), `multi:1 shows it is in use: ${imageRows.join(' | ')}`);

    await setPanesExpanded(['Dangling', 'Containers'], true);
    const danglingCount = (await engineGet<unknown[]>(`/images/json?filters=${encodeURIComponent('{"dangling":["true"]}')}`)).length;
    const totalRow = await waitUntil('the dangling total in the Dangling pane', async () =>
      (await paneRowTexts('Dangling')).find((r) => /Dangling images.*\d+ items?, [\d.]+ (B|kB|MB|GB) reclaimable/.test(r)), 20_000, 200);
    assert.match(totalRow, new RegExp(`${danglingCount} items?, `));

    const containerRows = await waitUntil('the running fixture in the Containers pane', async () => {
      const rows = await paneRowTexts('Containers');
      return rows.some((r) => r.includes('layerscope-fixture-running')) ? rows : undefined;
    }, 20_000, 200);
    const running = containerRows.find((r) => r.includes('layerscope-fixture-running'))!;
    assert.match(running, /Up /, 'the running container shows its state');
    assert.ok(containerRows.some((r) => /^Running/.test(r.trim())), `a Running group: ${containerRows.join(' | ')}`);

    const file = await page.screenshot(resultsPath(repo, 'explorer.png'), { settleMs: 500 });
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
    publishScreenshot(repo, file, 'explorer.png');
  });
});
