// Where to find the engine: the layerscope.host setting, DOCKER_HOST, the current docker context,
// then the platform default. Pure apart from the file reads, which are injected so tests can run
// against temporary home folders.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineInfo } from '../model/types';
import { EngineError } from './engine';
import { checkHostKey, parseKnownHosts } from './knownHosts';

/** What dockerode's modem needs to reach the engine. */
export type ModemOptions =
  | { socketPath: string }
  | {
      protocol: 'http' | 'https';
      host: string;
      port: number;
      ca?: string | Buffer;
      /** false for DOCKER_TLS without DOCKER_TLS_VERIFY, or a context's SkipTLSVerify. */
      verify?: boolean;
      cert?: string | Buffer;
      key?: string | Buffer;
    }
  | { protocol: 'ssh'; host: string; port: number; username?: string; sshOptions: SshOptions };

/** What ssh2 gets: the agent or else the first default key file, and a known_hosts check. */
export interface SshOptions {
  agent?: string;
  privateKey?: Buffer;
  /** False unless the host key is in known_hosts for this host and port. */
  hostVerifier: (key: Buffer) => boolean;
}

export type Connection =
  | { info: EngineInfo; options: ModemOptions; error?: undefined }
  | { info: EngineInfo; error: EngineError; options?: undefined };

export interface ConnectionInputs {
  /** The layerscope.host setting ('' when unset). */
  setting: string;
  /** The layerscope.context setting: a docker context chosen in Switch Engine… ('' when unset). */
  contextSetting?: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform?: NodeJS.Platform;
  /** Injected for tests; defaults to node:fs. */
  readFile?: (file: string) => Buffer;
  exists?: (file: string) => boolean;
}

const WINDOWS_PIPE = 'npipe:////./pipe/docker_engine';

export function resolveConnection(inputs: ConnectionInputs): Connection {
  const io = {
    readFile: inputs.readFile ?? ((f: string) => fs.readFileSync(f)),
    exists: inputs.exists ?? ((f: string) => fs.existsSync(f)),
  };
  const { env } = inputs;
  const setting = inputs.setting.trim();
  if (setting) return fromHost(setting, { endpoint: setting, source: 'setting' }, inputs, io);
  // A context picked in the extension wins over the environment, like the host setting; it is
  // resolved here (not copied into layerscope.host) so its TLS material comes along.
  const chosen = inputs.contextSetting?.trim();
  if (chosen && chosen !== 'default') return fromContext(contextByName(chosen, inputs, io), inputs, io);
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) return fromHost(dockerHost, { endpoint: dockerHost, source: 'env' }, inputs, io);

  const context = currentContext(inputs, io);
  if (context) return fromContext(context, inputs, io);
  const endpoint = defaultEndpoint(inputs, io);
  return fromHost(endpoint, { endpoint, source: 'default' }, inputs, io);
}

type Io = Required<Pick<ConnectionInputs, 'readFile' | 'exists'>>;

function defaultEndpoint(inputs: ConnectionInputs, io: Io): string {
  if ((inputs.platform ?? process.platform) === 'win32') return WINDOWS_PIPE;
  const system = '/var/run/docker.sock';
  // Docker Desktop (macOS/Linux) and rootless dockerd put the socket under the user's folders.
  const candidates = [
    path.join(inputs.homeDir, '.docker', 'run', 'docker.sock'),
    inputs.env.XDG_RUNTIME_DIR ? path.join(inputs.env.XDG_RUNTIME_DIR, 'docker.sock') : '',
  ].filter(Boolean);
  if (io.exists(system)) return `unix://${system}`;
  const found = candidates.find((c) => io.exists(c));
  return `unix://${found ?? system}`;
}

interface ContextChoice { name: string; host: string; tlsDir?: string; skipTlsVerify?: boolean }

function fromContext(context: ContextChoice | EngineError, inputs: ConnectionInputs, io: Io): Connection {
  if (context instanceof EngineError) return { info: { endpoint: '', source: 'context' }, error: context };
  const info: EngineInfo = { endpoint: context.host, source: 'context', contextName: context.name };
  return fromHost(context.host, info, inputs, io, context);
}

const dockerConfigDir = (inputs: ConnectionInputs) => inputs.env.DOCKER_CONFIG?.trim() || path.join(inputs.homeDir, '.docker');

/** The docker CLI's current context (DOCKER_CONTEXT, else config.json currentContext); undefined for "default". */
function currentContext(inputs: ConnectionInputs, io: Io): ContextChoice | EngineError | undefined {
  const configDir = dockerConfigDir(inputs);
  let name = inputs.env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const configFile = path.join(configDir, 'config.json');
    let raw: Buffer;
    try { raw = io.readFile(configFile); } catch { return undefined; }
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      const value = (parsed as { currentContext?: unknown } | null)?.currentContext;
      name = typeof value === 'string' ? value.trim() : '';
    } catch (e) {
      return configError(`${configFile} is not valid JSON (${(e as Error).message}). Fix it or set layerscope.host.`);
    }
  }
  if (!name || name === 'default') return undefined;
  return contextByName(name, inputs, io);
}

/** The docker CLI's contexts (name and docker endpoint), sorted by name; unreadable ones are left out. */
export function listContexts(inputs: Pick<ConnectionInputs, 'env' | 'homeDir'>): { name: string; host: string }[] {
  const metaDir = path.join(dockerConfigDir(inputs as ConnectionInputs), 'contexts', 'meta');
  let dirs: string[];
  try { dirs = fs.readdirSync(metaDir); } catch { return []; }
  const out: { name: string; host: string }[] = [];
  for (const dir of dirs) {
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(metaDir, dir, 'meta.json'), 'utf8')) as { Name?: unknown; Endpoints?: { docker?: { Host?: unknown } } };
      const host = meta.Endpoints?.docker?.Host;
      if (typeof meta.Name === 'string' && typeof host === 'string' && host.trim()) out.push({ name: meta.Name, host: host.trim() });
    } catch { /* a broken context is reported when it is selected, by contextByName */ }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** One docker context by name: its endpoint and TLS material. */
function contextByName(name: string, inputs: ConnectionInputs, io: Io): ContextChoice | EngineError {
  const configDir = dockerConfigDir(inputs);
  // The CLI stores each context under the SHA-256 of its name.
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(io.readFile(metaFile).toString('utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return configError(`Docker context "${name}" is selected but ${metaFile} cannot be read (${why}). Run \`docker context use default\`, pick another engine in Switch Engine…, or set layerscope.host.`);
  }
  const host = meta?.Endpoints?.docker?.Host;
  if (typeof host !== 'string' || !host.trim()) {
    return configError(`Docker context "${name}" has no docker endpoint in ${metaFile}. Set layerscope.host.`);
  }
  const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
  return {
    name, host: host.trim(), tlsDir: io.exists(tlsDir) ? tlsDir : undefined,
    skipTlsVerify: meta.Endpoints?.docker?.SkipTLSVerify === true,
  };
}

function fromHost(host: string, info: EngineInfo, inputs: ConnectionInputs, io: Io, context?: ContextChoice): Connection {
  const contextTlsDir = context?.tlsDir;
  const parsed = parseHost(host);
  if (parsed instanceof EngineError) return { info, error: parsed };
  const withEndpoint: EngineInfo = { ...info, endpoint: parsed.endpoint };
  if (parsed.kind === 'socket') return { info: withEndpoint, options: { socketPath: parsed.socketPath } };
  if (parsed.kind === 'ssh') {
    const port = parsed.port ?? 22;
    const username = parsed.username ?? inputs.env.USER ?? inputs.env.USERNAME;
    return { info: withEndpoint, options: { protocol: 'ssh', host: parsed.host, port, username, sshOptions: sshOptions(parsed.host, port, inputs, io) } };
  }
  // TCP: TLS when DOCKER_TLS_VERIFY is set (any non-empty value, as the docker CLI reads it), or when
  // the context carries certificates.
  const env = inputs.env;
  const tls = Boolean(env.DOCKER_TLS_VERIFY) || Boolean(contextTlsDir) || env.DOCKER_TLS === '1';
  const port = parsed.port ?? (tls ? 2376 : 2375);
  if (!tls) return { info: withEndpoint, options: { protocol: 'http', host: parsed.host, port } };
  const certDir = contextTlsDir ?? (env.DOCKER_CERT_PATH?.trim() || path.join(inputs.homeDir, '.docker'));
  const files: Record<'ca' | 'cert' | 'key', Buffer | undefined> = { ca: undefined, cert: undefined, key: undefined };
  for (const name of ['ca', 'cert', 'key'] as const) {
    const file = path.join(certDir, `${name}.pem`);
    try {
      files[name] = io.readFile(file);
    } catch (e) {
      // Only the CA is needed to verify the server; client certificates are optional.
      if (name === 'ca' && env.DOCKER_TLS_VERIFY) {
        const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        return {
          info: withEndpoint,
          error: configError(`TLS is required for ${parsed.endpoint} but ${file} cannot be read (${why}). Set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem.`),
        };
      }
    }
  }
  const verify = context ? !context.skipTlsVerify : Boolean(env.DOCKER_TLS_VERIFY);
  return { info: withEndpoint, options: { protocol: 'https', host: parsed.host, port, ...files, verify } };
}

function sshOptions(host: string, port: number, inputs: ConnectionInputs, io: Io): SshOptions {
  const read = (file: string) => { try { return io.readFile(file); } catch { return undefined; } };
  const sshDir = path.join(inputs.homeDir, '.ssh');
  const knownHosts = [path.join(sshDir, 'known_hosts'), '/etc/ssh/ssh_known_hosts']
    .map((f) => read(f)?.toString('utf8') ?? '').join('\n');
  const entries = parseKnownHosts(knownHosts);
  const agent = inputs.env.SSH_AUTH_SOCK?.trim() || undefined;
  // Without an agent, the keys `ssh` itself would try first (unencrypted ones only: no prompt here).
  const privateKey = agent ? undefined
    : ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => read(path.join(sshDir, f))).find(Boolean);
  return {
    ...(agent ? { agent } : {}),
    ...(privateKey ? { privateKey } : {}),
    hostVerifier: (key: Buffer) => checkHostKey(entries, host, port, key.toString('base64')) === 'trusted',
  };
}

export type ParsedHost =
  | { kind: 'socket'; socketPath: string; endpoint: string }
  | { kind: 'tcp'; host: string; port?: number; endpoint: string }
  | { kind: 'ssh'; host: string; port?: number; username?: string; endpoint: string };

/** Parses an engine address as DOCKER_HOST spells it. */
export function parseHost(raw: string): ParsedHost | EngineError {
  const host = raw.trim();
  const bad = (why: string) => configError(
    `Cannot use the engine address "${host}": ${why}. Use unix:///path/to/docker.sock, tcp://host:2375, ssh://user@host or npipe:////./pipe/docker_engine.`,
  );
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1]?.toLowerCase();
  if (scheme === 'unix') {
    const socketPath = host.slice('unix://'.length);
    if (!socketPath.startsWith('/')) return bad('the socket path must be absolute');
    return { kind: 'socket', socketPath, endpoint: `unix://${socketPath}` };
  }
  if (scheme === 'npipe') {
    const pipe = host.slice('npipe://'.length).replace(/\//g, '\\');
    if (!/^\\\\[^\\]+\\pipe\\./i.test(pipe)) return bad('expected npipe:////./pipe/NAME');
    return { kind: 'socket', socketPath: pipe, endpoint: `npipe://${pipe.replace(/\\/g, '/')}` };
  }
  if (scheme && !['tcp', 'http', 'https', 'ssh'].includes(scheme)) return bad(`unsupported scheme "${scheme}://"`);
  let url: URL;
  try {
    url = new URL(scheme ? host : `tcp://${host}`);
  } catch {
    return bad('not a valid address');
  }
  if (!url.hostname) return bad('no host name');
  const port = url.port ? Number(url.port) : undefined;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (scheme === 'ssh') {
    const username = url.username ? decodeURIComponent(url.username) : undefined;
    const endpoint = `ssh://${username ? `${username}@` : ''}${url.host}`;
    return { kind: 'ssh', host: hostname, port, username, endpoint };
  }
  if (url.pathname && url.pathname !== '/') return bad('paths after the port are not supported');
  return { kind: 'tcp', host: hostname, port, endpoint: `tcp://${url.host}` };
}

function configError(message: string): EngineError {
  return new EngineError('config', message, '');
}
