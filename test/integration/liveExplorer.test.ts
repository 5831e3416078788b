// The explorer never goes stale (issue 10 §5), in a real VS Code against the real engine: statuses
// re-worded by one timer without re-listing, a Created group, the current sort and grouping shown,
// intermediate images collapsed or hidden, Disk Usage that says what it counts, "Prune all unused
// images" removing only what it showed (on a daemon of its own), and a vanished container said in words.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { ContainerRef } from '../../src/model/containers';
import type { PruneReport } from '../../src/model/prune';
import type { TreeNode } from '../../src/model/tree';
import { Daemon, holdLock } from './support/engine';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { openViewContainer, selectors } from './support/workbench';
import { createContainer, docker, explorerSetup, findNode, removeQuietly } from './explorerSupport';

const prefix = `lsl-${process.pid}`;
const byName = (name: string) => (n: TreeNode) => (n.ref as ContainerRef | undefined)?.container?.names[0] === name;

describe('live explorer', function () {
  this.timeout(120_000);
  let api: LayerscopeApi;
  let repo: string;
  const answer = explorerSetup(async (found) => {
    ({ api, repo } = found);
    // The timer runs for visible views only: show the side bar.
    if (uiAvailable()) await openViewContainer('Layerscope');
    await api.views.refreshAll();
  });

  it('re-words "Up …" by one timer while visible, without re-listing; the Remove dialog shows the current text', async () => {
    const containers = api.views.containers;
    const name = `${prefix}-ticking`;
    const id = await createContainer(name, 'layerscope-fixture/multi:1', 'sleep 120');
    try {
      await containers.rootNodes();
      await waitUntil('the Containers view to be visible', () => containers.view.visible, 10_000);
      await docker(['start', id]);
      const row = () => findNode([...containers.shownRoots], byName(name), name);
      // Wait for the start, not for the next update: the create event may still be on its way and
      // update the row to "Created" first.
      const first = await waitUntil('the row to say "Up"', () => /Up /.test(row()?.item.description ?? '') && row().item.description!, 10_000, 50);
      assert.match(first, /Up (Less than a second|1 second)/);
      const loads = containers.loadCount;
      const ticks = api.views.relativeTimes.ticks;
      const later = await waitUntil('the row to say "Up 3 seconds" or more by itself', () => {
        const d = row().item.description!;
        return /Up ([3-9]|\d\d) seconds/.test(d) && d;
      }, 10_000, 100);
      assert.strictEqual(containers.loadCount, loads, `no re-list (${later})`);
      assert.ok(api.views.relativeTimes.ticks > ticks, 'the one timer ticked');
      // The engine agrees with what the row says now (within a second or two).
      const engineStatus = (await docker(['ps', '--filter', `id=${id}`, '--format', '{{.Status}}'])).trim();
      assert.match(engineStatus, /^Up \d+ seconds$/);
      assert.ok(Math.abs(Number(/Up (\d+)/.exec(later)![1]) - Number(/Up (\d+)/.exec(engineStatus)![1])) <= 2, `${later} vs ${engineStatus}`);

      const asked = answer({ confirm: async () => undefined });
      await vscode.commands.executeCommand('layerscope.container.remove', row());
      assert.match(asked.confirms[0].detail, /Up ([3-9]|\d\d) seconds/, 'the dialog shows the current status');
    } finally {
      await removeQuietly('container', id);
    }
  });

  it('puts containers created but never started in their own group', async () => {
    const name = `${prefix}-created`;
    const updated = api.views.containers.nextUpdate();
    const id = await createContainer(name, 'layerscope-fixture/multi:1', 'true');
    try {
      await updated;
      const roots = await api.views.containers.rootNodes();
      const group = roots.find((g) => g.item.label === 'Created');
      assert.ok(group, `a Created group among ${roots.map((g) => g.item.label).join(', ')}`);
      assert.ok(group.children!.some(byName(name)));
      const exited = roots.find((g) => g.item.label === 'Exited');
      assert.ok(!exited?.children?.some(byName(name)), 'not under Exited');
    } finally {
      await removeQuietly('container', id);
    }
  });

  it('shows the current sort and grouping in the title, and a check mark in the Group By picker', async () => {
    const images = api.views.images;
    const config = () => vscode.workspace.getConfiguration('layerscope');
    try {
      await images.refresh();
      assert.match(images.view.description!, /^sorted by created · grouped by repository · /);
      let next = images.nextRefresh();
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.images.sortedByCreated'), 'name');
      await next;
      assert.match(images.view.description!, /^sorted by name · /);
      if (uiAvailable()) {
        // The title bar's sort button is the one for the current order.
        const labels = await waitUntil('the title-bar sort button for "name"', async () => {
          const all = await page.attributes(`${selectors.sidebarPane('Images')} .pane-header .actions .action-label`, 'aria-label');
          return all.some((l) => l?.startsWith('Sorted by Name')) && all;
        }, 10_000, 200);
        assert.ok(!labels.some((l) => l?.startsWith('Sorted by Created')), labels.join(' | '));
      }
      const asked = answer({ pick: async (items) => items.find((i) => i.label === 'none') });
      next = images.nextRefresh();
      await vscode.commands.executeCommand('layerscope.images.groupBy');
      await next;
      const current = asked.picks[0].items.find((i) => i.label === 'repository')!;
      assert.match(current.description!, /\$\(check\) current/);
      assert.ok(asked.picks[0].items.filter((i) => /\$\(check\)/.test(i.description ?? '')).length === 1, 'one item checked');
      assert.match(images.view.description!, /grouped by none/);
    } finally {
      await config().update('images.sortBy', undefined, vscode.ConfigurationTarget.Global);
      await config().update('images.groupBy', undefined, vscode.ConfigurationTarget.Global);
      await images.refresh();
    }
  });

  it('keeps intermediate images in a stable order, collapsed, and hides them by the setting', async () => {
    const dangling = api.views.dangling;
    const config = vscode.workspace.getConfiguration('layerscope');
    try {
      await dangling.refresh();
      const group = (await dangling.rootNodes()).find((g) => g.item.label === 'Intermediate images');
      assert.ok(group);
      assert.strictEqual(group.item.collapse, 'collapsed');
      const order = group.children!.map((n) => n.item.id);
      await dangling.refresh();
      const again = (await dangling.rootNodes()).find((g) => g.item.label === 'Intermediate images')!;
      assert.deepStrictEqual(again.children!.map((n) => n.item.id), order, 'same order after a refresh');
      const next = dangling.nextRefresh();
      await config.update('dangling.showIntermediate', false, vscode.ConfigurationTarget.Global);
      await next;
      assert.ok(!(await dangling.rootNodes()).some((g) => g.item.label === 'Intermediate images'));
    } finally {
      await config.update('dangling.showIntermediate', undefined, vscode.ConfigurationTarget.Global);
      await dangling.refresh();
    }
  });

  it('Disk Usage says what each figure counts and how much of the images is dangling', async () => {
    await api.views.diskUsage.refresh();
    const images = (await api.views.diskUsage.rootNodes()).find((n) => n.item.label === 'Images')!;
    assert.match(images.item.description!, /reclaimable \([\d.]+ (B|kB|MB|GB) dangling\)$/);
    assert.match(images.item.tooltip as string, /Reclaimable: the layers of images no container uses, tagged or not: what "Prune All Unused Images" frees/);
    assert.match(images.item.tooltip as string, /Prune System/);
  });

  it('says "the container was removed" when it went while a picker was open', async () => {
    const name = `${prefix}-vanishing`;
    const id = await createContainer(name, 'layerscope-fixture/multi:1', 'true');
    const asked = answer({
      pick: async (items) => {
        const item = items.find((i) => i.label === name);
        await docker(['rm', '-f', id]);
        return item;
      },
    });
    await vscode.commands.executeCommand('layerscope.container.start');
    assert.strictEqual(asked.errors.length, 1, asked.errors.join('\n'));
    assert.match(asked.errors[0], /^The container was removed \(it no longer exists on the engine\), so could not start container [0-9a-f]{12}\.$/);
  });

  it('prunes all unused images, tagged or not, removing only those it showed (a daemon of its own)', async function () {
    this.timeout(300_000);
    const lock = await holdLock('layerscope-h10b-prune-test');
    const daemon = new Daemon('h10b-prune', repo);
    const settings = vscode.workspace.getConfiguration('layerscope');
    const dockerOn = (args: string[]) => new Promise<string>((resolve, reject) => execFile('docker', args,
      { env: { ...process.env, DOCKER_HOST: daemon.host, DOCKER_BUILDKIT: '0' }, timeout: 60_000 }, (err, out, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(out.trim()))));
    const build = async (tag: string, text: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsl-'));
      try {
        fs.writeFileSync(path.join(dir, 'f.txt'), text);
        fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY f.txt /f.txt\n');
        await dockerOn(['build', '-q', '-t', tag, dir]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    try {
      await daemon.ctl('start');
      for (const ref of ['lsl-keep:1', 'lsl-gone:1', 'lsl-gone:2', 'lsl-late:1']) await dockerOn(['rmi', '-f', ref]).catch(() => undefined);
      await dockerOn(['rm', '-f', 'lsl-keeper']).catch(() => undefined);
      await build('lsl-keep:1', 'kept: a container uses it');
      await dockerOn(['create', '--network', 'none', '--name', 'lsl-keeper', 'lsl-keep:1', '/none']);
      await build('lsl-gone:1', 'unused');
      await dockerOn(['tag', 'lsl-gone:1', 'lsl-gone:2']);
      await settings.update('host', daemon.host, vscode.ConfigurationTarget.Global);
      await waitUntil(`the extension on ${daemon.host}`, () => api.ctx.state === 'ready' && api.ctx.engine.info.endpoint === daemon.host, 30_000);
      const asked = answer({
        confirm: async (_m, _d, buttons) => {
          await build('lsl-late:1', 'made after the preview');
          return buttons[0];
        },
      });
      const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.unusedImages');
      assert.match(asked.confirms[0].detail, /lsl-gone:1, lsl-gone:2/);
      assert.doesNotMatch(asked.confirms[0].detail, /lsl-keep|lsl-late/);
      assert.strictEqual(report.failed.length, 0, JSON.stringify(report.failed));
      assert.deepStrictEqual(await daemon.tags(), ['lsl-keep:1', 'lsl-late:1']);
    } finally {
      await settings.update('host', undefined, vscode.ConfigurationTarget.Global);
      await daemon.ctl('stop').catch(() => undefined);
      lock.release();
    }
    await waitUntil('back on the suite daemon', () => api.ctx.state === 'ready' && api.ctx.engine.info.endpoint === process.env.DOCKER_HOST, 30_000);
  });
});
