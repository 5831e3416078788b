// The test daemon from the test's side: read the truth straight from the Engine API (not through
// the extension), and stop/start the daemon with test/rig/dockerd.sh.
import { execFile } from 'child_process';
import * as http from 'http';
import * as path from 'path';

/** The daemon these tests run against, as with-dockerd.sh exported it. */
export function testDaemon(): { name: string; socket: string } {
  const host = process.env.DOCKER_HOST ?? '';
  const name = process.env.LAYERSCOPE_DOCKERD_NAME ?? '';
  if (!host.startsWith('unix://') || !name) {
    throw new Error(`integration tests need the rig's daemon (DOCKER_HOST=${host || 'unset'}, LAYERSCOPE_DOCKERD_NAME=${name || 'unset'}); run them through test/rig/with-dockerd.sh`);
  }
  return { name, socket: host.slice('unix://'.length) };
}

/** GET an Engine API path on the test daemon and parse the JSON answer. */
export function engineGet<T>(apiPath: string): Promise<T> {
  return engineRequest<T>('GET', apiPath);
}

export function engineRequest<T>(method: string, apiPath: string): Promise<T> {
  const { socket } = testDaemon();
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socket, path: apiPath, method, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${apiPath}: ${res.statusCode} ${body}`));
        else resolve((body ? JSON.parse(body) : undefined) as T);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Every repo:tag the daemon lists (the fixtures are named layerscope-fixture/…). */
export async function engineTags(): Promise<string[]> {
  const images = await engineGet<{ RepoTags: string[] | null }[]>('/images/json');
  return images.flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').sort();
}

/** Runs `bash test/rig/dockerd.sh stop|start NAME` on the test daemon. */
export function daemonCtl(repo: string, action: 'stop' | 'start'): Promise<string> {
  const { name } = testDaemon();
  if (name === 'test') {
    // The default daemon is shared with the engine tests and the benchmark: never stop it from here.
    return Promise.reject(new Error("refusing to stop the shared 'test' daemon; run with LAYERSCOPE_DOCKERD_NAME=it"));
  }
  return new Promise((resolve, reject) => {
    execFile('bash', [path.join(repo, 'test/rig/dockerd.sh'), action, name], { timeout: 90_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`dockerd.sh ${action} ${name}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

/** True when the test daemon answers GET /_ping within half a second. */
export async function enginePing(): Promise<boolean> {
  try {
    await engineRequestText('/_ping', 500);
    return true;
  } catch {
    return false;
  }
}

function engineRequestText(apiPath: string, timeoutMs: number): Promise<string> {
  const { socket } = testDaemon();
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: socket, path: apiPath, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => ((res.statusCode ?? 500) < 400 ? resolve(body) : reject(new Error(`${apiPath}: ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`${apiPath}: timed out`)));
    req.on('error', reject);
  });
}
