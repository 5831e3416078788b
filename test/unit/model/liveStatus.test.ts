import * as assert from 'node:assert/strict';
import { ContainerTreeModel } from '../../../src/model/containers';
import { buildDanglingTree, retimeDanglingTree } from '../../../src/model/dangling';
import { buildImageTree, retimeImageTree } from '../../../src/model/images';
import { clockFromStatus, clockText, humanDuration, liveStatus, nextChangeDelayMs, parseHumanDuration } from '../../../src/model/liveStatus';
import { container, image } from './explorerFixtures';

describe('model/liveStatus', () => {
  it('reads every humanDuration wording back as its lower bound', () => {
    // Docker rounds hours to the nearest one before it words them: 1 h 36 min is already "2 hours".
    const roundedUp = [96 * 60_000, 47.6 * 3_600_000, (2 * 24 - 0.4) * 3_600_000, (14 * 24 - 0.4) * 3_600_000, (60 * 24 - 0.4) * 3_600_000];
    for (const ms of [0, 1000, 5000, 59_000, 60_000, 5 * 60_000, 3_600_000, 5 * 3_600_000, 3 * 86_400_000, 3 * 7 * 86_400_000, 3 * 30 * 86_400_000, 3 * 365 * 86_400_000, ...roundedUp]) {
      const text = humanDuration(ms);
      const back = parseHumanDuration(text)!;
      assert.ok(back <= ms, `${text}: ${back} <= ${ms}`);
      assert.equal(humanDuration(back), text, `${text} round-trips`);
    }
    assert.equal(parseHumanDuration('a while'), undefined);
  });

  it('splits list statuses around their duration; statuses without one have no clock', () => {
    const at = 1_000_000_000;
    assert.deepEqual(clockFromStatus('Up 2 minutes (healthy)', at), { before: 'Up ', since: at - 120_000, after: ' (healthy)' });
    assert.deepEqual(clockFromStatus('Exited (137) 3 hours ago', at), { before: 'Exited (137) ', since: at - 2.5 * 3_600_000, after: ' ago' });
    assert.deepEqual(clockFromStatus('Up Less than a second (Paused)', at), { before: 'Up ', since: at, after: ' (Paused)' });
    assert.deepEqual(clockFromStatus('Restarting (1) About a minute ago', at), { before: 'Restarting (1) ', since: at - 60_000, after: ' ago' });
    for (const s of ['Created', 'Dead', 'Removal In Progress', 'Up', '']) assert.equal(clockFromStatus(s, at), undefined, s);
  });

  it('re-words a status as time passes, never "Less than a second" 40 s later', () => {
    const clock = clockFromStatus('Up Less than a second', 0)!;
    assert.equal(clockText(clock, 40_000), 'Up 40 seconds');
    assert.equal(liveStatus({ status: 'Up Less than a second', statusClock: clock }, 125_000), 'Up 2 minutes');
    assert.equal(liveStatus({ status: 'Created' }, 125_000), 'Created');
  });

  it('waits a second while young, then until the next minute', () => {
    assert.equal(nextChangeDelayMs(0), 1000);
    assert.equal(nextChangeDelayMs(1500), 500);
    assert.equal(nextChangeDelayMs(59_999), 1);
    assert.equal(nextChangeDelayMs(60_000), 60_000);
    assert.equal(nextChangeDelayMs(90_000), 30_000);
    assert.equal(nextChangeDelayMs(-5), 1000);
  });

  it('the Containers model re-words only the rows that changed and says when to come back', () => {
    const start = 1_000_000;
    const young = container('young', { state: 'running', status: 'Up Less than a second', statusClock: clockFromStatus('Up Less than a second', start) });
    const old = container('old', { state: 'running', status: 'Up 3 hours', statusClock: clockFromStatus('Up 3 hours', start) });
    const created = container('fresh', { state: 'created', status: 'Created' });
    const m = new ContainerTreeModel([young, old, created], 'state', start);
    assert.match(m.node(young.id)!.item.description!, /Up Less than a second/);
    const first = m.retime(start + 40_000);
    assert.deepEqual(first.changed.map((n) => n.item.label), ['young']);
    assert.match(m.node(young.id)!.item.description!, /Up 40 seconds/);
    assert.equal(first.nextDelayMs, 1000);
    const same = m.retime(start + 40_100);
    assert.deepEqual(same.changed, [], 'nothing new to say within the second');
  });

  it('containers created but never started get their own group', () => {
    const m = new ContainerTreeModel([container('a', { state: 'created', status: 'Created' }), container('b'), container('c', { state: 'running', status: 'Up 1 second' })], 'state');
    assert.deepEqual(m.roots().map((g) => `${g.item.label} ${g.item.description}`), ['Running 1', 'Exited 1', 'Created 1']);
    // Starting it moves it out of Created.
    const change = m.apply('a'.padEnd(64, '0'), container('a', { state: 'running', status: 'Up Less than a second' }));
    assert.deepEqual(change.nodes, [undefined]);
    assert.deepEqual(m.roots().map((g) => g.item.label), ['Running', 'Exited']);
  });

  it('the Dangling tree re-words its images\' ages in place', () => {
    const now = 10_000_000_000;
    const roots = buildDanglingTree({ images: [image('d', { created: now / 1000 - 10 })], nowMs: now });
    const row = roots[0].children![0];
    assert.match(row.item.description!, /just now$/);
    const { changed, nextDelayMs } = retimeDanglingTree(roots, now + 120_000);
    assert.deepEqual(changed, [row]);
    assert.match(row.item.description!, /2 minutes ago$/);
    assert.equal(nextDelayMs, 50_000);
  });

  it('the Images tree re-words ages in place', () => {
    const now = 10_000_000_000;
    const roots = buildImageTree([image('a', { repoTags: ['a:1'], created: now / 1000 - 30 })], [], { groupBy: 'none', sortBy: 'created', filter: '', nowMs: now });
    assert.match(roots[0].item.description!, /just now/);
    const { changed, nextDelayMs } = retimeImageTree(roots, now + 45_000);
    assert.equal(changed.length, 1);
    assert.match(roots[0].item.description!, /1 minute ago/);
    assert.equal(nextDelayMs, 45_000);
  });
});
