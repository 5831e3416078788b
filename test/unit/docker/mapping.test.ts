// API JSON -> model: both /system/df shapes, images, containers (list and inspect), stats, events.
import * as assert from 'node:assert/strict';
import {
  containerFromInspect, mapContainer, mapEvent, mapHistory, mapImage,
  mapRemoved, mapStats, normaliseDiskUsage,
} from '../../../src/docker/mapping';
import { humanDuration, humanStatus } from '../../../src/docker/status';
import { compareVersions, minVersion, seg } from '../../../src/docker/transport';

// Shapes as engine 20.10 returns them (trimmed from the test daemon's fixtures).
const image = {
  Containers: 2, Created: 1795498715, Id: 'sha256:aaa', Labels: { 'layerscope.fixture': 'multi' },
  ParentId: 'sha256:ppp', RepoDigests: null, RepoTags: ['layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest'],
  SharedSize: 1985472, Size: 7238421, VirtualSize: 7238421,
};
const container = {
  Id: '8ecb', Names: ['/layerscope-fixture-exited'], Image: 'layerscope-fixture/multi:1', ImageID: 'sha256:aaa',
  Command: "sh -c 'echo bye; exit 3'", Created: 1795498716, Ports: [], SizeRw: 12, SizeRootFs: 7238421,
  Labels: { 'layerscope.fixture': 'container' }, State: 'exited', Status: 'Exited (3) About a minute ago',
  HostConfig: { NetworkMode: 'none' }, Mounts: [],
};
const volume = { Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Labels: null, Scope: 'local', UsageData: { Size: 4096, RefCount: 1 } };
const cache = { ID: 'c1', Parent: '', Type: 'regular', Description: 'mount / from exec /bin/sh -c make', InUse: false, Shared: true, Size: 1000, CreatedAt: '2026-11-24T05:00:00Z', LastUsedAt: '2026-11-24T05:10:00Z', UsageCount: 3 };

const legacyDf = { LayersSize: 7238471, Images: [image], Containers: [container], Volumes: [volume], BuildCache: [cache], BuilderSize: 0 };
const modernDf = {
  ImageUsage: { ActiveCount: 1, TotalCount: 1, Reclaimable: 0, TotalSize: 7238471, Items: [image] },
  ContainerUsage: { ActiveCount: 0, TotalCount: 1, Reclaimable: 12, TotalSize: 12, Items: [container] },
  VolumeUsage: { ActiveCount: 1, TotalCount: 1, Reclaimable: 0, TotalSize: 4096, Items: [volume] },
  BuildCacheUsage: { ActiveCount: 0, TotalCount: 1, Reclaimable: 1000, TotalSize: 1000, Items: [cache] },
};

describe('docker/mapping: disk usage', () => {
  it('the API <= 1.51 shape', () => {
    const df = normaliseDiskUsage(legacyDf);
    assert.equal(df.layersSize, 7238471);
    assert.deepEqual(df.images.map((i) => [i.repoTags, i.sharedSize, i.containers]), [[image.RepoTags, 1985472, 2]]);
    assert.deepEqual(df.containers.map((c) => [c.names, c.sizeRw, c.sizeRootFs, c.state]), [[['layerscope-fixture-exited'], 12, 7238421, 'exited']]);
    assert.deepEqual(df.volumes, [{ name: 'data', driver: 'local', mountpoint: volume.Mountpoint, size: 4096, refCount: 1, labels: {} }]);
    assert.deepEqual(df.buildCache, [{
      id: 'c1', type: 'regular', description: cache.Description, inUse: false, shared: true, size: 1000,
      createdAt: cache.CreatedAt, lastUsedAt: cache.LastUsedAt, usageCount: 3,
    }]);
  });

  it('the newer *Usage.Items shape gives exactly the same result', () => {
    assert.deepEqual(normaliseDiskUsage(modernDf, 0), normaliseDiskUsage(legacyDf, 0));
  });

  it('null lists (20.10 sends BuildCache: null) and a non-verbose modern answer are empty, not a crash', () => {
    const df = normaliseDiskUsage({ ...legacyDf, BuildCache: null, Volumes: null });
    assert.deepEqual([df.volumes, df.buildCache], [[], []]);
    const summary = normaliseDiskUsage({ ImageUsage: { TotalSize: 5, ActiveCount: 0, TotalCount: 0, Reclaimable: 0 } });
    assert.deepEqual(summary, { layersSize: 5, images: [], containers: [], volumes: [], buildCache: [] });
  });
});

describe('docker/mapping: images, history, removal', () => {
  it('drops <none> placeholders and maps -1 to "not computed"', () => {
    const i = mapImage({ ...image, RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'], SharedSize: -1, Containers: -1, Labels: null });
    assert.deepEqual([i.repoTags, i.repoDigests, i.sharedSize, i.containers, i.labels], [[], [], undefined, undefined, {}]);
    assert.equal(mapImage(image).parentId, 'sha256:ppp');
  });

  it('a bare 64-hex ID (Podman\'s /system/df) gets its sha256: prefix', () => {
    const hex = '7fab56efb5a98c564b833d74c85d0f4d1cb2e5c00cecc6f1af542054c4f6f844';
    assert.equal(mapImage({ ...image, Id: hex }).id, `sha256:${hex}`);
    assert.equal(mapImage({ ...image, ParentId: '' }).parentId, '');
  });

  it('history keeps <missing> ids and empty tags', () => {
    assert.deepEqual(mapHistory([{ Id: '<missing>', Created: 1, CreatedBy: '/bin/sh -c rm /big.bin', Tags: null, Size: 0, Comment: '' }]),
      [{ id: '<missing>', created: 1, createdBy: '/bin/sh -c rm /big.bin', tags: [], size: 0, comment: '' }]);
  });

  it('removal lists untagged and deleted references in order', () => {
    assert.deepEqual(mapRemoved([{ Untagged: 'x:1' }, { Deleted: 'sha256:a' }, { Deleted: 'sha256:b' }]),
      [{ kind: 'untagged', ref: 'x:1' }, { kind: 'deleted', ref: 'sha256:a' }, { kind: 'deleted', ref: 'sha256:b' }]);
  });
});

describe('docker/mapping: containers', () => {
  it('list entries: names without slash, health from the status text, ports', () => {
    const c = mapContainer({ ...container, State: 'running', Status: 'Up 2 minutes (healthy)', Ports: [{ PrivatePort: 80, PublicPort: 8080, Type: 'tcp', IP: '127.0.0.1' }, { PrivatePort: 53, Type: 'udp' }] });
    assert.equal(c.health, 'healthy');
    assert.deepEqual(c.names, ['layerscope-fixture-exited']);
    assert.deepEqual(c.ports, [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '127.0.0.1' }, { privatePort: 53, type: 'udp' }]);
    assert.equal(mapContainer({ ...container, Status: 'Up 1 second (health: starting)' }).health, 'starting');
  });

  it('Podman states map onto ours', () => {
    assert.equal(mapContainer({ ...container, State: 'stopped' }).state, 'exited');
    assert.equal(mapContainer({ ...container, State: 'configured' }).state, 'created');
  });

  const inspect = {
    Id: '8ecb', Created: '2026-11-24T05:38:36.300069035Z', Path: 'sh', Args: ['-c', 'echo bye; exit 3'],
    State: { Status: 'exited', Running: false, Paused: false, Restarting: false, ExitCode: 3, StartedAt: '2026-11-24T05:38:36.615Z', FinishedAt: '2026-11-24T05:38:36.617Z' },
    Image: 'sha256:aaa', Name: '/layerscope-fixture-exited',
    Config: { Image: 'layerscope-fixture/multi:1', Labels: { 'layerscope.fixture': 'container' } },
    NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }], '53/udp': null } },
  };

  it('inspect maps to the same summary the list gives', () => {
    const now = Date.parse('2026-11-24T05:40:00Z');
    const c = containerFromInspect(inspect, now);
    assert.deepEqual({ ...c, ports: [], statusClock: undefined }, { ...mapContainer(container), status: 'Exited (3) About a minute ago', ports: [], statusClock: undefined });
    // inspect counts from the exact finish time, so the status can be re-worded as time passes.
    assert.deepEqual(c.statusClock, { before: 'Exited (3) ', since: Date.parse('2026-11-24T05:38:36.617Z'), after: ' ago' });
    assert.deepEqual(c.ports, [{ privatePort: 80, type: 'tcp', publicPort: 8080, ip: '0.0.0.0' }, { privatePort: 53, type: 'udp' }]);
  });

  it('status text for each state, in docker\'s words', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const at = (ago: number) => new Date(now - ago).toISOString();
    assert.equal(humanStatus({ Status: 'running', Running: true, StartedAt: at(3 * 60_000) }, now), 'Up 3 minutes');
    assert.equal(humanStatus({ Status: 'running', Running: true, StartedAt: at(500), Health: { Status: 'healthy' } }, now), 'Up Less than a second (healthy)');
    assert.equal(humanStatus({ Status: 'running', Running: true, StartedAt: at(5000), Health: { Status: 'starting' } }, now), 'Up 5 seconds (health: starting)');
    assert.equal(humanStatus({ Status: 'paused', Running: true, Paused: true, StartedAt: at(2 * 3600_000) }, now), 'Up 2 hours (Paused)');
    assert.equal(humanStatus({ Status: 'exited', ExitCode: 137, FinishedAt: at(3 * 86400_000) }, now), 'Exited (137) 3 days ago');
    assert.equal(humanStatus({ Status: 'created', FinishedAt: '0001-01-01T00:00:00Z' }, now), 'Created');
    assert.equal(humanStatus({ Status: 'dead' }, now), 'Dead');
    assert.equal(humanStatus({ Status: 'removing' }, now), 'Removal In Progress');
  });

  it('humanDuration steps', () => {
    assert.deepEqual([999, 1000, 59_000, 61_000, 3_540_000, 3_600_000, 47 * 3600_000, 10 * 86400_000, 30 * 86400_000, 90 * 86400_000, 800 * 86400_000].map(humanDuration),
      ['Less than a second', '1 second', '59 seconds', 'About a minute', '59 minutes', 'About an hour', '47 hours', '10 days', '4 weeks', '3 months', '2 years']);
  });
});

describe('docker/mapping: stats and events', () => {
  it('CPU % from the delta to precpu, times online CPUs; memory without page cache', () => {
    const s = mapStats({
      cpu_stats: { cpu_usage: { total_usage: 300 }, system_cpu_usage: 2000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 },
      memory_stats: { usage: 1000, limit: 4000, stats: { inactive_file: 200 } },
    });
    assert.deepEqual(s, { cpuPercent: 40, memoryUsage: 800, memoryLimit: 4000 });
  });

  it('CPU % is 0 when there is no previous sample, and percpu_usage counts CPUs on old engines', () => {
    assert.equal(mapStats({ cpu_stats: { cpu_usage: { total_usage: 5 }, system_cpu_usage: 10 }, precpu_stats: {} }).cpuPercent, 50);
    assert.equal(mapStats({ cpu_stats: { cpu_usage: { total_usage: 5 } }, precpu_stats: {} }).cpuPercent, 0);
    assert.equal(mapStats({
      cpu_stats: { cpu_usage: { total_usage: 20, percpu_usage: [1, 1, 1, 1] }, system_cpu_usage: 200 },
      precpu_stats: { cpu_usage: { total_usage: 10 }, system_cpu_usage: 100 },
    }).cpuPercent, 40);
  });

  it('events: current fields, and the old status/id ones', () => {
    assert.deepEqual(mapEvent({ Type: 'container', Action: 'start', Actor: { ID: 'abc', Attributes: { name: 'web', image: 'x' } }, scope: 'local', time: 10, timeNano: 10_000_000_001 }),
      { type: 'container', action: 'start', id: 'abc', attributes: { name: 'web', image: 'x' }, time: 10, timeNano: 10_000_000_001 });
    assert.deepEqual(mapEvent({ status: 'die', id: 'def', from: 'x', time: 3 }),
      { type: 'container', action: 'die', id: 'def', attributes: {}, time: 3, timeNano: 3e9 });
    assert.equal(mapEvent({ foo: 1 }), undefined);
  });
});

describe('docker/transport: helpers', () => {
  it('negotiates the lower API version, numerically', () => {
    assert.equal(minVersion('1.41', '1.53'), '1.41');
    assert.equal(minVersion('1.9', '1.10'), '1.9');
    assert.equal(minVersion('1.54', '1.53'), '1.53');
    assert.ok(compareVersions('1.100', '1.53') > 0);
  });

  it('path segments keep repo slashes and escape the rest', () => {
    assert.equal(seg('layerscope-fixture/multi:1'), 'layerscope-fixture/multi%3A1');
    assert.equal(seg('a?b#c'), 'a%3Fb%23c');
  });
});
