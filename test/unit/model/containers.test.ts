import * as assert from 'node:assert/strict';
import { ContainerTreeModel, containerIcon, containerTooltip, formatPorts } from '../../../src/model/containers';
import { container } from './explorerFixtures';

describe('model/containers', () => {
  const list = () => [
    container('web', { state: 'running', status: 'Up 1 minute', ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }] }),
    container('db', { state: 'exited', labels: { 'com.docker.compose.project': 'shop' } }),
    container('cache', { state: 'paused', labels: { 'com.docker.compose.project': 'shop' } }),
  ];

  it('groups by state with counts and state contextValues', () => {
    const m = new ContainerTreeModel(list(), 'state');
    assert.deepEqual(m.roots().map((g) => `${g.item.label} ${g.item.description}`), ['Running 1', 'Paused 1', 'Exited 1']);
    assert.equal(m.node('web'.padEnd(64, '0'))!.item.contextValue, 'container.running');
    assert.match(m.node('web'.padEnd(64, '0'))!.item.description!, /app:1 · Up 1 minute · 8080->80\/tcp/);
    assert.equal(m.node('web'.padEnd(64, '0'))!.item.tooltip, undefined, 'built on hover');
    assert.match(containerTooltip(list()[1], Date.now()), /State exited\nStatus Exited \(0\) 1 minute ago\nCommand sh\nCompose project shop/);
  });

  it('groups by compose project, projectless last', () => {
    const m = new ContainerTreeModel(list(), 'compose');
    assert.deepEqual(m.roots().map((g) => g.item.label), ['shop', 'No compose project']);
  });

  it('updates one container in place when its group stays', () => {
    const m = new ContainerTreeModel(list(), 'state');
    const id = 'web'.padEnd(64, '0');
    const node = m.node(id)!;
    const change = m.apply(id, container('web', { state: 'running', status: 'Up 2 minutes', health: 'unhealthy' }));
    assert.deepEqual(change.nodes, [node]);
    assert.equal(node.item.icon!.id, 'error');
  });

  it('moves a container between groups and redraws both groups', () => {
    const m = new ContainerTreeModel([...list(), container('api', { state: 'running' }), container('zz')], 'state');
    const id = 'db'.padEnd(64, '0');
    const [running, , exited] = m.roots();
    const change = m.apply(id, container('db', { state: 'running', status: 'Up' }));
    assert.deepEqual(change.nodes, [exited, running]);
    assert.equal(running.item.description, '3');
    assert.deepEqual(running.children!.map((n) => n.item.label), ['api', 'db', 'web']);
  });

  it('redraws the root when a group appears or empties, and drops removed containers', () => {
    const m = new ContainerTreeModel(list(), 'state');
    const change = m.apply('web'.padEnd(64, '0'), container('web', { state: 'exited' }));
    assert.deepEqual(change.nodes, [undefined]);
    assert.deepEqual(m.roots().map((g) => g.item.label), ['Paused', 'Exited']);
    m.apply('cache'.padEnd(64, '0'), undefined);
    assert.deepEqual(m.roots().map((g) => g.item.label), ['Exited']);
    assert.equal(m.size, 2);
  });

  it('adds a created container in name order (a create event), without rebuilding the others', () => {
    const m = new ContainerTreeModel(list(), 'state');
    const web = m.node('web'.padEnd(64, '0'));
    const change = m.apply('api'.padEnd(64, '0'), container('api', { state: 'running' }));
    assert.deepEqual(m.roots()[0].children!.map((n) => n.item.label), ['api', 'web']);
    // Its group was shown already: only that group redraws, not the root (and every expanded row below it).
    assert.deepEqual(change.nodes, [m.roots()[0]]);
    assert.equal(m.node('web'.padEnd(64, '0')), web, 'the other rows are the same objects');
    assert.equal(m.size, 4);
  });

  it('picks icons by state and health', () => {
    assert.equal(containerIcon(container('a', { state: 'running', health: 'healthy' })).id, 'pass-filled');
    assert.equal(containerIcon(container('a', { state: 'paused' })).id, 'debug-pause');
    assert.equal(containerIcon(container('a', { state: 'exited' })).id, 'vm-outline');
    assert.equal(formatPorts(container('a', { ports: [{ privatePort: 53, type: 'udp' }] })), '53/udp');
  });
});
