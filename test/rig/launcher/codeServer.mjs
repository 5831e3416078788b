// Starts code-server (installed by install-code-server.sh) on a free loopback port and stops it
// with every process it spawned (extension host, pty host, file watcher).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rigDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The code-server tool folder, installing it first when needed (a no-op once installed). */
export function codeServerDir() {
  if (process.env.LAYERSCOPE_CODE_SERVER_DIR) return process.env.LAYERSCOPE_CODE_SERVER_DIR;
  const out = execFileSync('bash', [path.join(rigDir, 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Quiet defaults so the workbench opens straight onto the workspace, with nothing in front of it. */
function writeUserSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    'window.commandCenter': false,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Starts code-server and resolves once it answers /healthz. Returns { url, stop, logFile }.
 * extraArgs go to code-server as is (e.g. the folder to open, --extensions-dir).
 */
export async function startCodeServer({ toolDir, userDataDir, extensionsDir, logFile, env, port, extraArgs = [], startTimeoutMs = 60_000 }) {
  port ??= await freePort();
  writeUserSettings(userDataDir);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const configFile = path.join(userDataDir, 'code-server.yaml');
  fs.writeFileSync(configFile, '');
  const args = [
    path.join(toolDir, 'node_modules/code-server/out/node/entry.js'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', configFile,
    ...extraArgs,
  ];
  const log = fs.openSync(logFile, 'a');
  // detached: its own process group, so stop() can end the extension host and helpers too.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = signal ?? code; });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) during start-up.\n${tail(logFile)}`);
    if (await answers(`${url}/healthz`)) break;
    if (Date.now() > deadline) {
      await stopGroup(child);
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000}s.\n${tail(logFile)}`);
    }
    await sleep(200);
  }
  return { url, port, logFile, stop: () => stopGroup(child), exited: () => exited };
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Ends code-server's whole process group and waits until it is gone: the extension host inherits
 * the callers' lock files (with-dockerd.sh holds one per daemon user), so none may outlive us.
 */
async function stopGroup(child) {
  const alive = () => { try { process.kill(-child.pid, 0); return true; } catch { return false; } };
  for (const [signal, waitMs] of [['SIGTERM', 5000], ['SIGKILL', 2000]]) {
    if (!alive()) return;
    try { process.kill(-child.pid, signal); } catch { return; }
    const deadline = Date.now() + waitMs;
    while (alive() && Date.now() < deadline) await sleep(50);
  }
}

export function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return `---- last ${Math.min(lines, text.length)} lines of ${file} ----\n${text.slice(-lines).join('\n')}`;
  } catch {
    return `(no log at ${file})`;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installs a .vsix into a profile (code-server's own --install-extension; no network for a file). */
export function installExtension({ toolDir, userDataDir, extensionsDir, vsix }) {
  execFileSync(process.execPath, [
    path.join(toolDir, 'node_modules/code-server/out/node/entry.js'),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
}
