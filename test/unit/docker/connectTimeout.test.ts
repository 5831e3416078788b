// A tcp:// engine whose host never completes the TCP handshake must be reported unreachable after
// the connect timeout, not after the OS's minutes. The black hole is real: a loopback listener with
// a full accept queue in a process that never accepts, so the kernel drops further SYNs.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import { createEngine } from '../../../src/docker/connect';
import type { EngineError } from '../../../src/docker/engine';

const NEVER_ACCEPTS = `
const s = require('net').createServer();
s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(s.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // block: never accept
});`;

describe('docker/transport: tcp connect timeout', function () {
  this.timeout(20_000);
  let child: ChildProcess;
  let port = 0;
  const fillers: net.Socket[] = [];

  before(async () => {
    child = spawn(process.execPath, ['-e', NEVER_ACCEPTS], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    for (let i = 0; i < 4; i++) fillers.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
    await new Promise((r) => setTimeout(r, 200));
  });
  after(() => {
    for (const f of fillers) f.destroy();
    child.kill();
  });

  it('gives up after connectTimeoutMs with the actionable unreachable message', async () => {
    const engine = createEngine({ setting: `tcp://127.0.0.1:${port}`, env: {}, homeDir: os.homedir() }, { connectTimeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(engine.ping(), (e: EngineError) =>
      e.code === 'unreachable' &&
      e.message === `Docker engine not reachable at tcp://127.0.0.1:${port} (ETIMEDOUT). Start Docker or set layerscope.host.`);
    assert.ok(Date.now() - started >= 290, 'not before the timeout');
  });

  it('the same for https (TLS) engines', async () => {
    const engine = createEngine({ setting: `tcp://127.0.0.1:${port}`, env: { DOCKER_TLS: '1' }, homeDir: os.homedir() }, { connectTimeoutMs: 300 });
    await assert.rejects(engine.ping(), (e: EngineError) => e.code === 'unreachable' && /\(ETIMEDOUT\)/.test(e.message));
  });
});
