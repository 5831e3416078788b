import * as assert from 'node:assert/strict';
import { mapAttachments, mapNetwork, mapStatsFrame, runSpecBody } from '../../../src/docker/mapResources';
import { cpuPercent } from '../../../src/model/stats';

describe('docker/mapResources', () => {
  it('maps a network with its IPAM subnets', () => {
    assert.deepEqual(mapNetwork({ Id: 'abc', Name: 'backend', Driver: 'bridge', Scope: 'local', Internal: true, Created: '2026-11-30T01:00:00Z',
      IPAM: { Config: [{ Subnet: '172.30.0.0/24' }, {}] }, Labels: { a: 'b' } }),
    { id: 'abc', name: 'backend', driver: 'bridge', scope: 'local', internal: true, subnets: ['172.30.0.0/24'], created: Date.parse('2026-11-30T01:00:00Z') / 1000, labels: { a: 'b' } });
    assert.equal(mapNetwork({ Name: 'x', IPAM: null }).subnets.length, 0);
  });

  it('reads named volumes and network IDs of a container (list or inspect shape)', () => {
    assert.deepEqual(mapAttachments({
      Mounts: [{ Type: 'volume', Name: 'data' }, { Type: 'bind', Source: '/x' }, { Type: 'volume', Name: '' }],
      NetworkSettings: { Networks: { none: { NetworkID: 'n1' }, backend: { NetworkID: 'n2' } } },
    }), { volumes: ['data'], networks: [{ name: 'none', id: 'n1' }, { name: 'backend', id: 'n2' }] });
    assert.deepEqual(mapAttachments({}), { volumes: [], networks: [] });
  });

  it('turns a RunSpec into the create body docker run would send', () => {
    const body = runSpecBody({ image: 'app:1', name: 'web', command: ['sh', '-c', 'x'], env: ['A=1'], ports: [{ container: '80/tcp', host: '8080', hostIp: '127.0.0.1' }],
      volumes: ['data:/data'], network: 'none', autoRemove: true, interactive: false });
    assert.deepEqual(body, {
      Image: 'app:1', Cmd: ['sh', '-c', 'x'], Env: ['A=1'], ExposedPorts: { '80/tcp': {} }, Labels: {},
      Tty: false, OpenStdin: false, AttachStdin: false, AttachStdout: false, AttachStderr: false,
      HostConfig: { Binds: ['data:/data'], PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }, AutoRemove: true, NetworkMode: 'none' },
    });
    const engineDefault = runSpecBody({ image: 'app:1', command: [], env: [], ports: [], volumes: [], network: '', autoRemove: false, interactive: true });
    assert.equal('Cmd' in engineDefault, false, 'no command: the image\'s own');
    assert.equal('NetworkMode' in (engineDefault.HostConfig as object), false, 'no network: the engine\'s default');
    assert.equal(engineDefault.Tty, true);
  });

  it('reduces a stats frame: memory without page cache, summed network and block I/O', () => {
    const f = mapStatsFrame({
      read: '2026-11-30T01:00:01Z',
      cpu_stats: { cpu_usage: { total_usage: 300 }, system_cpu_usage: 2000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 },
      memory_stats: { usage: 1000, limit: 4000, stats: { inactive_file: 200 } },
      networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 5 }, { op: 'Write', value: 7 }, { op: 'read', value: 1 }] },
      pids_stats: { current: 3 },
    });
    assert.equal(f.readAt, Date.parse('2026-11-30T01:00:01Z'));
    assert.equal(f.memoryUsage, 800);
    assert.deepEqual([f.netRx, f.netTx, f.blockRead, f.blockWrite, f.pids], [11, 22, 6, 7, 3]);
    assert.equal(cpuPercent(f), 40);
    assert.equal(mapStatsFrame({ blkio_stats: { io_service_bytes_recursive: null } }).blockRead, 0);
  });
});
