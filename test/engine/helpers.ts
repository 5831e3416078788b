// Shared set-up for the real-engine tests: they run under test/rig/with-dockerd.sh, which starts the
// test daemon, builds the fixtures (test/rig/fixtures/README.md) and exports DOCKER_HOST.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../src/docker/connect';
import type { Engine } from '../../src/docker/engine';

export const RIG = path.resolve(__dirname, '../rig');

export function dockerHost(): string {
  const host = process.env.DOCKER_HOST;
  if (!host?.startsWith('unix:///run/layerscope-')) {
    throw new Error('Engine tests need the test daemon: run them through `bash test/rig/with-dockerd.sh` (npm run test:engine).');
  }
  return host;
}

/** The Engine exactly as the extension builds it, from the environment. */
export function testEngine(): Engine {
  dockerHost();
  return createEngine({ setting: '', env: process.env, homeDir: os.homedir() });
}

/** The docker CLI, for test set-up only (creating throwaway containers); the code under test never uses it. */
export function docker(...args: string[]): string {
  return execFileSync('docker', args, { env: { ...process.env, DOCKER_HOST: dockerHost() }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

let counter = 0;
/** A name no other test (or earlier run) uses. */
export function throwawayName(kind: string): string {
  return `layerscope-throwaway-${kind}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

/** A stopped container from the multi fixture that stops at once on SIGTERM; --network none. */
export function createThrowawayContainer(name: string, command = 'trap "exit 0" TERM; echo tick; while true; do sleep 1; done', extra: string[] = []): string {
  return docker('create', '--network', 'none', '--name', name, '--label', 'layerscope.throwaway=1', ...extra,
    'layerscope-fixture/multi:1', 'sh', '-c', command);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

/**
 * A pass-through unix socket in front of the test engine that notes the request line of every
 * request sent through it (keep-alive connections carry several), to show which calls were made.
 */
export async function recordingProxy(): Promise<{ socket: string; requests: string[]; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-proxy-'));
  const socket = path.join(dir, 'docker.sock');
  const requests: string[] = [];
  const proxy = net.createServer((client) => {
    const upstream = net.connect(dockerHost().replace(/^unix:\/\//, ''));
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(/^(?:GET|HEAD|POST|PUT|DELETE) \S+ HTTP\/1\.1$/gm)) requests.push(m[0]);
    });
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(socket, resolve));
  return { socket, requests, close: () => { proxy.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}
