import * as assert from 'node:assert/strict';
import { buildNetworkTree, networkInUse } from '../../../src/model/networks';
import { planPrune, unusedNetworkItems } from '../../../src/model/prune';
import type { NetworkSummary, VolumeSummary } from '../../../src/model/types';
import { buildVolumeTree, volumeInUse, volumeLabel } from '../../../src/model/volumes';
import { container, df } from './explorerFixtures';

const volume = (name: string, over: Partial<VolumeSummary> = {}): VolumeSummary =>
  ({ name, driver: 'local', mountpoint: `/var/lib/docker/volumes/${name}/_data`, size: -1, refCount: -1, labels: {}, ...over });
const network = (name: string, over: Partial<NetworkSummary> = {}): NetworkSummary =>
  ({ id: `${name}-id`.padEnd(64, '0'), name, driver: 'bridge', scope: 'local', internal: false, subnets: [], created: 0, labels: {}, ...over });

describe('model/volumes and model/networks', () => {
  const users = [
    container('web', { state: 'running', status: 'Up 1 second', attachments: { volumes: ['data'], networks: [{ name: 'backend', id: network('backend').id }] } }),
    container('job', { attachments: { volumes: ['data', 'logs'], networks: [] } }),
    // Never started: on the network by name only (no endpoint ID yet).
    container('idle', { state: 'created', status: 'Created', attachments: { volumes: [], networks: [{ name: 'waiting', id: '' }] } }),
  ];

  it('volumes: size from /system/df, driver, users as children, in-use context', () => {
    const roots = buildVolumeTree([volume('logs'), volume('data'), volume('spare'), volume('f'.repeat(64))], users, new Map([['data', 2_000_000], ['spare', 0]]));
    assert.deepEqual(roots.map((r) => r.item.label), ['data', 'f'.repeat(12), 'logs', 'spare']);
    const [data, anon, logs, spare] = roots;
    assert.equal(data.item.description, '2 MB · local · in use by 2 (1 running)');
    assert.equal(data.item.contextValue, 'volume.inUse');
    assert.deepEqual(data.children!.map((c) => `${c.item.label} ${c.item.description}`), ['web running · app:1', 'job exited · app:1']);
    assert.match(data.item.tooltip!, /Mountpoint \/var\/lib\/docker\/volumes\/data\/_data/);
    assert.equal(logs.item.contextValue, 'volume.inUse');
    assert.equal(spare.item.description, '0 B · local · unused');
    assert.equal(spare.item.contextValue, 'volume');
    assert.equal(anon.item.description, 'size ? · local · unused');
    assert.equal(volumeLabel('f'.repeat(64)), 'f'.repeat(12));
  });

  it('refuses to remove a volume in use, naming its users', () => {
    assert.equal(volumeInUse('data', users), 'Volume data is in use by web (running), job (exited). Remove those containers first.');
    assert.equal(volumeInUse('logs', users), 'Volume logs is in use by job (exited). Remove that container first.');
    assert.equal(volumeInUse('spare', users), undefined);
  });

  it('networks: driver, scope, internal, subnet, attached containers; built-ins last and not removable', () => {
    const roots = buildNetworkTree([network('none', { driver: 'null' }), network('backend', { internal: true, subnets: ['172.30.0.0/24'] }), network('host', { driver: 'host' }), network('empty')], users);
    assert.deepEqual(roots.map((r) => r.item.label), ['backend', 'empty', 'host', 'none']);
    assert.equal(roots[0].item.description, 'bridge · local · internal · 172.30.0.0/24 · 1 container');
    assert.equal(roots[0].item.contextValue, 'network.inUse');
    assert.deepEqual(roots[0].children!.map((c) => c.item.label), ['web']);
    assert.equal(roots[1].item.contextValue, 'network');
    assert.equal(roots[2].item.contextValue, 'network.builtin');
    assert.match(networkInUse(network('backend'), users)!, /has containers attached: web \(running\)/);
    assert.match(networkInUse(network('host'), users)!, /made by the engine/);
    assert.equal(networkInUse(network('empty'), users), undefined);
  });

  it('prunes only networks without containers, never the built-ins', () => {
    const nets = [network('backend'), network('empty', { internal: true }), network('waiting'), network('bridge'), network('none')];
    assert.deepEqual(unusedNetworkItems(nets, users).map((i) => i.label), ['empty (bridge, internal)']);
    const plan = planPrune('unusedNetworks', { images: [], containers: users, df: df(), networks: nets });
    assert.deepEqual(plan.items.map((i) => [i.kind, i.id]), [['network', network('empty').id]]);
  });
});
