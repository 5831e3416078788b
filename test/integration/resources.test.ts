// Volumes and Networks views, Run…, and the live Stats panel (issue 10 §3–4), in a real VS Code
// against the real engine. Containers always run with --network none; networks are created but no
// container ever joins a bridge network.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/commands/run';
import type { LayerscopeApi } from '../../src/extension';
import type { NetworkRef } from '../../src/model/networks';
import type { PruneReport } from '../../src/model/prune';
import type { TreeNode } from '../../src/model/tree';
import type { VolumeRef } from '../../src/model/volumes';
import { engineGet } from './support/engine';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { openViewContainer, paneRowTexts, resultsPath } from './support/workbench';
import { createContainer, docker, explorerSetup, findNode, removeQuietly } from './explorerSupport';

const prefix = `lsr-${process.pid}`;
const volumeRow = (name: string) => (n: TreeNode) => (n.ref as VolumeRef | undefined)?.kind === 'volume' && (n.ref as VolumeRef).volume.name === name;
const networkRow = (name: string) => (n: TreeNode) => (n.ref as NetworkRef | undefined)?.kind === 'network' && (n.ref as NetworkRef).network.name === name;
const exists = (apiPath: string) => engineGet(apiPath).then(() => true, () => false);

describe('volumes, networks, run and stats', function () {
  this.timeout(120_000);
  let api: LayerscopeApi;
  let repo: string;
  const answer = explorerSetup((found) => { ({ api, repo } = found); });

  describe('Volumes view', () => {
    const vol = `${prefix}-data`;
    let user = '';
    after(async () => {
      await removeQuietly('container', user);
      await removeQuietly('volume', vol);
    });

    it('creates a volume, shows its size, driver and users, refuses removal while used, then removes it', async () => {
      const volumes = api.views.volumes;
      answer({ input: async () => vol });
      await vscode.commands.executeCommand('layerscope.volume.create');
      assert.ok(await exists(`/volumes/${vol}`), 'the engine has it');
      let row = findNode(await volumes.rootNodes(), volumeRow(vol), vol);
      assert.match(row.item.description!, /^0 B · local · unused$/);
      assert.match(row.item.tooltip as string, new RegExp(`Mountpoint /.*/volumes/${vol}/_data`));

      // A container that writes into it (network none); the view follows the events by itself.
      user = await docker(['create', '--network', 'none', '--name', `${prefix}-writer`, '-v', `${vol}:/data`, 'layerscope-fixture/multi:1', 'sh', '-c', 'dd if=/dev/zero of=/data/blob bs=1k count=64']);
      await docker(['start', '-a', user]);
      // The container's start and die events arrive one after the other: wait for both to be drawn.
      row = await waitUntil('the volume row to name its user (exited) and size', async () => {
        const r = findNode(await volumes.rootNodes(), volumeRow(vol), vol);
        return /in use by 1$/.test(r.item.description!) && /^6\d(\.\d+)? kB/.test(r.item.description!) && /^exited/.test(r.children?.[0]?.item.description ?? '') && r;
      }, 20_000, 200);
      assert.strictEqual(row.item.contextValue, 'volume.inUse');
      assert.deepStrictEqual(row.children!.map((c) => c.item.label), [`${prefix}-writer`]);
      assert.match(row.children![0].item.description!, /^exited/);

      let asked = answer({ confirm: async (_m, _d, b) => b[0] });
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.volume.remove', row), undefined);
      assert.deepStrictEqual(asked.errors, [`Volume ${vol} is in use by ${prefix}-writer (exited). Remove that container first.`]);
      assert.strictEqual(asked.confirms.length, 0, 'not even asked');
      assert.ok(await exists(`/volumes/${vol}`));

      await removeQuietly('container', user);
      asked = answer({ confirm: async (_m, _d, b) => b[0] });
      await volumes.refresh();
      row = findNode(await volumes.rootNodes(), volumeRow(vol), vol);
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.volume.remove', row), true);
      assert.match(asked.confirms[0].message, new RegExp(`Remove volume ${vol}\\?`));
      assert.strictEqual(await exists(`/volumes/${vol}`), false);
      assert.ok(!(await volumes.rootNodes()).some(volumeRow(vol)));
    });

    it('inspects a volume as JSON', async () => {
      await docker(['volume', 'create', vol]);
      await api.views.volumes.refresh();
      const row = findNode(await api.views.volumes.rootNodes(), volumeRow(vol), vol);
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.volume.inspect', row);
      assert.strictEqual(JSON.parse(doc.getText()).Name, vol);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('prunes only the unused volumes it showed: one made after the preview survives', async () => {
      await removeQuietly('container', user);
      const late = `${prefix}-late`;
      const used = `${prefix}-used`;
      const holder = await docker(['create', '--network', 'none', '-v', `${used}:/x`, 'layerscope-fixture/multi:1', 'true']);
      try {
        const asked = answer({
          confirm: async (_m, _d, buttons) => {
            await docker(['volume', 'create', late]);
            return buttons[0];
          },
        });
        const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.unusedVolumes');
        assert.match(asked.confirms[0].detail, new RegExp(vol));
        assert.doesNotMatch(asked.confirms[0].detail, new RegExp(`${late}|${used}`));
        assert.ok(report.removed.some((i) => i.id === vol));
        assert.strictEqual(await exists(`/volumes/${vol}`), false);
        assert.ok(await exists(`/volumes/${late}`), 'made after the preview: kept');
        assert.ok(await exists(`/volumes/${used}`), 'in use: kept');
      } finally {
        await removeQuietly('container', holder);
        await removeQuietly('volume', late, used);
      }
    });
  });

  describe('Networks view', () => {
    const net = `${prefix}-net`;
    after(async () => { await docker(['network', 'rm', net]).catch(() => undefined); });

    it('creates an internal network by default, shows driver, scope and subnet, inspects and removes it', async () => {
      const networks = api.views.networks;
      const asked = answer({
        input: async (o) => (o.prompt?.startsWith('Subnet') ? '172.31.250.0/24' : net),
        pick: async (items) => items[0],
        confirm: async (_m, _d, b) => b[0],
      });
      await vscode.commands.executeCommand('layerscope.network.create');
      assert.strictEqual(asked.picks[0].items[0].label, 'Internal', 'internal is the first (default) answer');
      const inspected = await engineGet<{ Internal: boolean; IPAM: { Config: { Subnet: string }[] } }>(`/networks/${net}`);
      assert.strictEqual(inspected.Internal, true);
      assert.strictEqual(inspected.IPAM.Config[0].Subnet, '172.31.250.0/24');
      const row = findNode(await networks.rootNodes(), networkRow(net), net);
      assert.strictEqual(row.item.description, 'bridge · local · internal · 172.31.250.0/24 · no containers');
      assert.strictEqual(row.item.contextValue, 'network');
      // Built-in networks are marked and not removable.
      const none = findNode(await networks.rootNodes(), networkRow('none'), 'none');
      assert.strictEqual(none.item.contextValue, 'network.builtin');
      await vscode.commands.executeCommand('layerscope.network.remove', none);
      assert.match(asked.errors.at(-1)!, /none is made by the engine and cannot be removed/);

      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.network.inspect', row);
      assert.strictEqual(JSON.parse(doc.getText()).Name, net);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      assert.strictEqual(await vscode.commands.executeCommand('layerscope.network.remove', row), true);
      assert.strictEqual(await exists(`/networks/${net}`), false);
      await waitUntil('the row to go (network destroy event)', async () => !(await networks.rootNodes()).some(networkRow(net)), 10_000);
    });

    it('prunes only the unused networks it showed; built-ins and one made after the preview stay', async () => {
      await docker(['network', 'create', '--internal', net]);
      const late = `${prefix}-late-net`;
      try {
        const asked = answer({
          confirm: async (_m, _d, buttons) => {
            await docker(['network', 'create', '--internal', late]);
            return buttons[0];
          },
        });
        const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.unusedNetworks');
        assert.match(asked.confirms[0].detail, new RegExp(`network ${net} \\(bridge, internal\\)`));
        assert.doesNotMatch(asked.confirms[0].detail, /network (none|host|bridge) /);
        assert.ok(report.removed.some((i) => i.label.startsWith(net)));
        assert.strictEqual(await exists(`/networks/${net}`), false);
        assert.ok(await exists(`/networks/${late}`), 'made after the preview: kept');
        assert.ok(await exists('/networks/none'));
      } finally {
        await docker(['network', 'rm', late]).catch(() => undefined);
      }
    });
  });

  describe('Run… and Stats', () => {
    const name = `${prefix}-run`;
    after(async () => { await removeQuietly('container', name, `${prefix}-stats-1`, `${prefix}-stats-2`); });

    it('runs an image from a form the test fills (network none), remembers the answers for that image', async () => {
      const answers: Record<string, string> = {
        'Container name': name, Command: 'sh -c "echo $GREETING; sleep 30"', Environment: 'GREETING=hello-from-form', 'Published ports': '', Volumes: '',
      };
      const asked = answer({
        input: async (o) => answers[Object.keys(answers).find((k) => o.prompt!.startsWith(k))!],
        pick: async (items, placeHolder) => (placeHolder === 'Network' ? items.find((i) => i.label === 'none') : items.find((i) => /Keep it/.test(i.label))),
      });
      const images = api.views.images;
      const tag = findNode(await images.rootNodes(), (n) => (n.ref as { ref?: string } | undefined)?.ref === 'layerscope-fixture/multi:1', 'multi:1');
      const result = await vscode.commands.executeCommand<RunResult>('layerscope.image.run', tag);
      const inspected = await engineGet<{ Name: string; State: { Status: string }; HostConfig: { NetworkMode: string; AutoRemove: boolean }; Config: { Env: string[] } }>(`/containers/${result.id}/json`);
      assert.strictEqual(inspected.Name, `/${name}`);
      assert.strictEqual(inspected.HostConfig.NetworkMode, 'none');
      assert.strictEqual(inspected.HostConfig.AutoRemove, false);
      assert.ok(inspected.Config.Env.includes('GREETING=hello-from-form'));
      assert.strictEqual(inspected.State.Status, 'running');
      const logs = await waitUntil('the greeting in the logs', async () => (await docker(['logs', result.id])).includes('hello-from-form'), 10_000);
      assert.ok(logs);
      assert.ok(findNode([...api.views.containers.shownRoots], (n) => (n.ref as { container?: { id: string } } | undefined)?.container?.id === result.id, 'the new container row'));

      // Asked again: every field is prefilled with the last answer.
      const again = answer({ input: async () => undefined });
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.image.run', tag), undefined);
      assert.strictEqual(again.inputs[0].value, name);
      assert.ok(asked.inputs.length >= 5);
    });

    it('Run Interactive… creates a TTY container and attaches a terminal with the docker CLI', async () => {
      const tty = `${prefix}-tty`;
      answer({
        input: async (o) => (o.prompt!.startsWith('Container name') ? tty : o.prompt!.startsWith('Command') ? 'sh' : ''),
        pick: async (items, placeHolder) => (placeHolder === 'Network' ? items.find((i) => i.label === 'none') : items.find((i) => /--rm/.test(i.label))),
      });
      const tag = findNode(await api.views.images.rootNodes(), (n) => (n.ref as { ref?: string } | undefined)?.ref === 'layerscope-fixture/multi:1', 'multi:1');
      const result = await vscode.commands.executeCommand<RunResult>('layerscope.image.runInteractive', tag);
      try {
        assert.strictEqual(result.terminal?.name, `Run: ${tty}`);
        const state = () => engineGet<{ State: { Status: string }; Config: { Tty: boolean; OpenStdin: boolean }; HostConfig: { NetworkMode: string; AutoRemove: boolean } }>(`/containers/${result.id}/json`);
        const first = await state();
        assert.deepStrictEqual([first.Config.Tty, first.Config.OpenStdin, first.HostConfig.NetworkMode, first.HostConfig.AutoRemove], [true, true, 'none', true]);
        // The terminal's `docker start -ai` starts it; typing `exit` into the shell ends it, and --rm removes it.
        await waitUntil('the terminal to start the container', async () => (await state()).State.Status === 'running', 30_000, 200);
        result.terminal!.sendText('exit');
        await waitUntil('the container to exit and be removed (--rm)', async () => !(await exists(`/containers/${result.id}/json`)), 30_000, 200);
      } finally {
        result.terminal?.dispose();
        await removeQuietly('container', result.id);
      }
    });

    it('follows live stats of two containers in one panel from the stream, and stops streaming when hidden', async function () {
      this.timeout(180_000);
      const ids: string[] = [];
      const containers = api.views.containers;
      await containers.rootNodes();
      for (const n of [1, 2]) {
        const id = await createContainer(`${prefix}-stats-${n}`, 'layerscope-fixture/multi:1', 'while true; do :; done');
        await docker(['start', id]);
        ids.push(id);
      }
      const stats = api.views.stats;
      for (const id of ids) {
        const row = await waitUntil('the running row', () => {
          const node = containers.nodeOf(id);
          return (node?.ref as { container?: { state: string } } | undefined)?.container?.state === 'running' && node;
        }, 10_000, 100);
        await vscode.commands.executeCommand('layerscope.container.stats', row);
      }
      assert.deepStrictEqual(stats.containerIds, ids);
      await waitUntil('three frames from each stream', () => ids.every((id) => stats.frames(id) >= 3), 30_000, 200);
      assert.strictEqual(stats.openStreams, 2, 'one stream per container');
      const card = stats.card(ids[0])!;
      assert.strictEqual(card.state, 'live');
      assert.match(card.view!.cpu, /^\d+\.\d %$/);
      // A busy loop: never 0 (the machine may be shared, so no more than that is promised).
      assert.ok(Number.parseFloat(card.view!.cpu) > 0, `a busy loop uses CPU: ${card.view!.cpu}`);
      assert.match(card.view!.memory, /\d.* \/ /);
      assert.match(card.view!.pids, /^\d+$/);
      assert.ok(card.view!.cpuLine.split(' ').length >= 3, 'a sparkline of the samples so far');

      if (uiAvailable()) {
        const shown = await waitUntil('the panel to show CPU for both containers', async () => {
          const values = await page.texts('.card .row-cpu .value', { frame: '*' });
          return values.filter((v) => /%$/.test(v)).length >= 2 && values;
        }, 20_000, 300);
        assert.ok(shown);
        await page.screenshot(resultsPath(repo, 'stats-panel.png'), { settleMs: 300 });
      }

      // Hidden (another editor in front of it, in its own column): every stream stops; shown again: they resume.
      const cover = await vscode.workspace.openTextDocument({ content: 'covers the Stats panel' });
      await vscode.window.showTextDocument(cover, { viewColumn: stats.viewColumn, preview: false });
      await waitUntil('the panel to be hidden', () => !stats.visible, 10_000);
      await waitUntil('no stream open', () => stats.openStreams === 0, 5_000);
      const frozen = stats.frames(ids[0]);
      await new Promise((r) => setTimeout(r, 2500));
      assert.strictEqual(stats.frames(ids[0]), frozen, 'no frames while hidden');
      await vscode.window.showTextDocument(cover);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitUntil('the panel visible again', () => stats.visible, 10_000);
      await waitUntil('frames again', () => stats.frames(ids[0]) > frozen, 15_000, 200);

      // A container that stops ends its stream; the card says so.
      await docker(['kill', ids[1]]);
      await waitUntil('the stopped container\'s card to end', () => stats.card(ids[1])?.state === 'ended', 15_000, 200);
      assert.match(stats.card(ids[1])!.note!, /stopped/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitUntil('closing the panel to stop every stream', () => stats.openStreams === 0 && stats.containerIds.length === 0, 5_000);
    });
  });

  describe('on screen', () => {
    it('reads a volume and a network from the side bar', async function () {
      if (!uiAvailable()) throw new Error('the screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
      const vol = `${prefix}-screen-vol`;
      const net = `${prefix}-screen-net`;
      await docker(['volume', 'create', vol]);
      await docker(['network', 'create', '--internal', net]);
      try {
        await api.views.refreshAll();
        await openViewContainer('Layerscope');
        await vscode.commands.executeCommand('layerscope.volumes.focus');
        const volumeText = await waitUntil('the volume in the Volumes pane', async () => (await paneRowTexts('Volumes')).find((r) => r.includes(vol)), 20_000, 200);
        assert.match(volumeText, /local · unused/);
        await vscode.commands.executeCommand('layerscope.networks.focus');
        const networkText = await waitUntil('the network in the Networks pane', async () => (await paneRowTexts('Networks')).find((r) => r.includes(net)), 20_000, 200);
        assert.match(networkText, /bridge · local · internal/);
        await page.screenshot(resultsPath(repo, 'volumes-networks.png'), { settleMs: 300 });
      } finally {
        await removeQuietly('volume', vol);
        await docker(['network', 'rm', net]).catch(() => undefined);
      }
    });
  });
});
