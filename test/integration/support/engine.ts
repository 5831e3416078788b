// Test daemons from the test's side: read the truth straight from the Engine API (not through the
// extension), stop/start a daemon with test/rig/dockerd.sh, build a tiny image with the docker CLI.
import { execFile, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

export class Daemon {
  readonly socket: string;

  /** name: a test/rig/dockerd.sh daemon name; its socket is /run/layerscope-NAME/docker.sock. */
  constructor(readonly name: string, readonly repo: string, socket?: string) {
    this.socket = socket ?? `/run/layerscope-${name}/docker.sock`;
  }

  get host(): string { return `unix://${this.socket}`; }

  /** GET an Engine API path and parse the JSON answer. */
  get<T>(apiPath: string): Promise<T> { return this.request<T>('GET', apiPath); }

  request<T>(method: string, apiPath: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = http.request({ socketPath: this.socket, path: apiPath, method, timeout: timeoutMs }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { body += c; });
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${apiPath}: ${res.statusCode} ${body}`));
          else resolve((body && res.headers['content-type']?.includes('json') ? JSON.parse(body) : body) as T);
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath}: timed out`)));
      req.on('error', reject);
      req.end();
    });
  }

  /** True when the daemon answers GET /_ping within half a second. */
  async ping(): Promise<boolean> {
    try {
      await this.request('GET', '/_ping', 500);
      return true;
    } catch {
      return false;
    }
  }

  /** Every repo:tag the daemon lists, sorted. */
  async tags(): Promise<string[]> {
    const images = await this.get<{ RepoTags: string[] | null }[]>('/images/json');
    return images.flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').sort();
  }

  /** `bash test/rig/dockerd.sh stop|start NAME`. */
  ctl(action: 'stop' | 'start'): Promise<string> {
    return run('bash', [path.join(this.repo, 'test/rig/dockerd.sh'), action, this.name], {}, 90_000);
  }

  /** Builds `tag` FROM scratch with one small file (legacy builder, nothing pulled). */
  async buildTinyImage(tag: string): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-tiny-'));
    try {
      fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello from a Layerscope test image\n');
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\nLABEL layerscope.fixture=tiny\n');
      await run('docker', ['build', '-q', '-t', tag, dir], { DOCKER_HOST: this.host, DOCKER_BUILDKIT: '0' }, 60_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The daemon the suite runs against, as with-dockerd.sh exported it (DOCKER_HOST, LAYERSCOPE_DOCKERD_NAME). */
export function suiteDaemon(repo = ''): Daemon {
  const host = process.env.DOCKER_HOST ?? '';
  const name = process.env.LAYERSCOPE_DOCKERD_NAME ?? '';
  if (!host.startsWith('unix://') || !name) {
    throw new Error(`integration tests need the rig's daemon (DOCKER_HOST=${host || 'unset'}, LAYERSCOPE_DOCKERD_NAME=${name || 'unset'}); run them through test/rig/with-dockerd.sh`);
  }
  return new Daemon(name, repo, host.slice('unix://'.length));
}

/** The suite daemon's name and socket (throws when the tests do not run through with-dockerd.sh). */
export function testDaemon(): { name: string; socket: string } {
  const { name, socket } = suiteDaemon();
  return { name, socket };
}

/** GET an Engine API path on the suite daemon and parse the JSON answer. */
export function engineGet<T>(apiPath: string): Promise<T> {
  return suiteDaemon().get<T>(apiPath);
}

export function engineRequest<T>(method: string, apiPath: string): Promise<T> {
  return suiteDaemon().request<T>(method, apiPath);
}

/** Every repo:tag the suite daemon lists, sorted. */
export function engineTags(): Promise<string[]> {
  return suiteDaemon().tags();
}

/**
 * Holds an exclusive lock (flock on /tmp/NAME.lock) until release() is called: serializes tests of
 * concurrent runs that stop a shared daemon. The lock lives in a child `flock` process.
 */
export async function holdLock(name: string, timeoutMs = 300_000): Promise<{ release(): void }> {
  const child: ChildProcess = spawn('flock', ['-w', String(Math.ceil(timeoutMs / 1000)), `/tmp/${name}.lock`, 'sh', '-c', 'echo locked; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`could not take /tmp/${name}.lock (flock exit ${code})`)));
  });
  return { release: () => { child.stdin!.end(); } };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}
