// Containers against the real test daemon: the two fixtures, plus throwaway ones (--network none).
import * as assert from 'node:assert/strict';
import { type Engine, EngineError } from '../../src/docker/engine';
import { createThrowawayContainer, docker, readAll, testEngine, throwawayName, waitFor } from './helpers';

const RUNNING = 'layerscope-fixture-running';
const EXITED = 'layerscope-fixture-exited';

describe('engine: containers', () => {
  let engine: Engine;
  const created: string[] = [];
  before(() => { engine = testEngine(); });
  after(() => {
    for (const id of created) { try { docker('rm', '-f', id); } catch { /* already gone */ } }
  });
  const throwaway = (kind: string, command?: string, extra?: string[]) => {
    const id = createThrowawayContainer(throwawayName(kind), command, extra);
    created.push(id);
    return id;
  };

  it('lists both fixtures with all=true, and only the running one without', async () => {
    const all = await engine.listContainers({ all: true });
    const running = all.find((c) => c.names.includes(RUNNING));
    const exited = all.find((c) => c.names.includes(EXITED));
    assert.equal(running?.state, 'running');
    assert.match(running?.status ?? '', /^Up /);
    assert.equal(exited?.state, 'exited');
    assert.match(exited?.status ?? '', /^Exited \(3\) /);
    assert.equal(exited?.image, 'layerscope-fixture/multi:1');
    assert.equal(exited?.command, "sh -c 'echo bye; exit 3'");
    assert.equal(exited?.labels['layerscope.fixture'], 'container');
    const onlyRunning = await engine.listContainers({ all: false });
    assert.ok(onlyRunning.some((c) => c.names.includes(RUNNING)));
    assert.ok(!onlyRunning.some((c) => c.names.includes(EXITED)));
  });

  it('getContainer (inspect) agrees with the list entry, field by field', async () => {
    const list = await engine.listContainers({ all: true });
    for (const name of [RUNNING, EXITED]) {
      const fromList = list.find((c) => c.names.includes(name))!;
      const one = await engine.getContainer(fromList.id);
      assert.ok(one, name);
      assert.deepEqual({ ...one, status: '', statusClock: undefined }, { ...fromList, status: '', statusClock: undefined });
      assert.equal(one.status.split(' ')[0], fromList.status.split(' ')[0]);
      // inspect knows the exact moment; the list's wording only bounds it ("2 hours" means at least 2 hours).
      assert.equal(one.statusClock?.before, fromList.statusClock?.before);
      assert.ok(one.statusClock!.since <= fromList.statusClock!.since + 1000, `${one.statusClock!.since} vs ${fromList.statusClock!.since}`);
    }
  });

  it('getContainer of a removed container is undefined; other calls say notFound', async () => {
    assert.equal(await engine.getContainer('layerscope-no-such-container'), undefined);
    await assert.rejects(engine.startContainer('layerscope-no-such-container'), (e: EngineError) =>
      e.code === 'notFound' && e.message === 'The container was removed (it no longer exists on the engine), so could not start container layerscope-no-such-container.');
  });

  it('lifecycle of a throwaway container: start, pause, unpause, restart, stop, remove', async () => {
    const id = throwaway('life');
    const state = async () => (await engine.getContainer(id))?.state;
    assert.equal(await state(), 'created');
    await engine.startContainer(id);
    assert.equal(await state(), 'running');
    await engine.startContainer(id); // 304 "already started" is success
    await engine.pauseContainer(id);
    assert.equal(await state(), 'paused');
    assert.match((await engine.getContainer(id))!.status, /\(Paused\)$/);
    await engine.unpauseContainer(id);
    assert.equal(await state(), 'running');
    await engine.restartContainer(id);
    assert.equal(await state(), 'running');
    await engine.stopContainer(id);
    assert.equal(await state(), 'exited');
    await assert.rejects(engine.pauseContainer(id), (e: EngineError) => e.code === 'conflict' && /is not running/.test(e.message));
    await engine.removeContainer(id, {});
    assert.equal(await engine.getContainer(id), undefined);
  });

  it('removing a running container needs force: conflict without, gone with', async () => {
    const id = throwaway('rm');
    await engine.startContainer(id);
    await assert.rejects(engine.removeContainer(id, {}), (e: EngineError) => e.code === 'conflict' && /stop the container before removing|force/i.test(e.message));
    await engine.removeContainer(id, { force: true });
    assert.equal(await engine.getContainer(id), undefined);
  });

  it('logs are demultiplexed: stdout and stderr text, no frame headers', async () => {
    const text = (await readAll(await engine.containerLogs(RUNNING, { follow: false }))).toString('utf8');
    // Each stream has its own copier in the daemon, so their relative order is not fixed; and the
    // fixture restarts with its daemon, printing both lines again each time.
    const lines = text.split('\n');
    assert.equal(lines.pop(), '');
    const count = (l: string) => lines.filter((x) => x === l).length;
    assert.ok(count('fixture-stdout') >= 1, text);
    assert.equal(count('fixture-stdout'), count('fixture-stderr'), text);
    assert.equal(count('fixture-stdout') * 2, lines.length, text);
    const last = (await readAll(await engine.containerLogs(EXITED, { follow: false, tail: 1, timestamps: true }))).toString('utf8');
    assert.match(last, /^\d{4}-\d\d-\d\dT\S+ bye\n$/);
  });

  it('a TTY container\'s log is passed through raw', async () => {
    const id = throwaway('tty', 'echo tty-out', ['-t']);
    docker('start', '-a', id);
    const text = (await readAll(await engine.containerLogs(id, { follow: false }))).toString('utf8');
    assert.equal(text, 'tty-out\r\n');
  });

  it('follow streams new lines and ends quietly on abort', async () => {
    const id = throwaway('follow', 'trap "exit 0" TERM; while true; do echo tick; sleep 0.2; done');
    await engine.startContainer(id);
    const controller = new AbortController();
    const stream = await engine.containerLogs(id, { follow: true }, controller.signal);
    let text = '';
    stream.on('data', (c: Buffer) => { text += c.toString('utf8'); });
    await waitFor('two ticks', () => (text.split('tick').length > 2 ? true : undefined), 10_000);
    const ended = new Promise<string>((resolve) => { stream.on('end', () => resolve('end')); stream.on('error', (e) => resolve(`error ${e.message}`)); });
    controller.abort();
    assert.equal(await ended, 'end');
  });

  it('top lists the fixture\'s processes', async () => {
    const top = await engine.containerTop(RUNNING);
    assert.ok(top.titles.includes('PID') && top.titles.includes('CMD'), top.titles.join(','));
    const cmd = top.titles.indexOf('CMD');
    assert.ok(top.processes.some((p) => p[cmd].startsWith('sh -c trap')), JSON.stringify(top.processes));
  });

  it('stats: one sample with memory and a finite CPU %', async () => {
    const s = await engine.containerStats(RUNNING);
    assert.ok(s.memoryUsage > 0 && s.memoryLimit >= s.memoryUsage, JSON.stringify(s));
    assert.ok(Number.isFinite(s.cpuPercent) && s.cpuPercent >= 0, JSON.stringify(s));
  });

  it('an aborted stats call rejects as aborted', async () => {
    const controller = new AbortController();
    const pending = engine.containerStats(RUNNING, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (e: EngineError) => e instanceof EngineError && e.code === 'aborted');
  });
});
