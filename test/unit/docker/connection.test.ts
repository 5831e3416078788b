// Where the engine is: setting, DOCKER_HOST, docker context, platform default, with real temp folders.
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Connection, type ConnectionInputs, listContexts, parseHost, resolveConnection } from '../../../src/docker/connection';
import { EngineError } from '../../../src/docker/engine';

let home: string;
beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-home-')); });
afterEach(() => { fs.rmSync(home, { recursive: true, force: true }); });

const noSystemSocket = (f: string) => f !== '/var/run/docker.sock' && fs.existsSync(f);
function resolve(over: Partial<ConnectionInputs>): Connection {
  return resolveConnection({ setting: '', env: {}, homeDir: home, platform: 'linux', exists: (f) => f === '/var/run/docker.sock' || fs.existsSync(f), ...over });
}
function options(c: Connection) {
  assert.equal(c.error, undefined, c.error?.message);
  return c.options as Record<string, unknown>;
}
function writeContext(name: string, host: string, configDir = path.join(home, '.docker')): string {
  const id = createHash('sha256').update(name).digest('hex');
  const dir = path.join(configDir, 'contexts', 'meta', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  return id;
}
function useContext(name: string, configDir = path.join(home, '.docker')): void {
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: {}, currentContext: name }));
}

describe('docker/connection: resolution order', () => {
  it('the layerscope.host setting wins over DOCKER_HOST and the context', () => {
    writeContext('remote', 'tcp://ctx:2375');
    useContext('remote');
    const c = resolve({ setting: ' unix:///srv/docker.sock ', env: { DOCKER_HOST: 'tcp://env:2375' } });
    assert.deepEqual(c.info, { endpoint: 'unix:///srv/docker.sock', source: 'setting' });
    assert.deepEqual(options(c), { socketPath: '/srv/docker.sock' });
  });

  it('DOCKER_HOST comes next (unix://)', () => {
    writeContext('remote', 'tcp://ctx:2375');
    useContext('remote');
    const c = resolve({ env: { DOCKER_HOST: 'unix:///run/x/docker.sock' } });
    assert.equal(c.info.source, 'env');
    assert.deepEqual(options(c), { socketPath: '/run/x/docker.sock' });
  });

  it('then the current context from config.json and its meta.json (stored under sha256 of the name)', () => {
    writeContext('remote', 'tcp://ctx.example:2375');
    useContext('remote');
    const c = resolve({});
    assert.deepEqual(c.info, { endpoint: 'tcp://ctx.example:2375', source: 'context', contextName: 'remote' });
    assert.deepEqual(options(c), { protocol: 'http', host: 'ctx.example', port: 2375 });
  });

  it('a context chosen in the extension (layerscope.context) comes after the host setting and before DOCKER_HOST', () => {
    writeContext('picked', 'tcp://picked.example:2375');
    writeContext('current', 'tcp://current.example:2375');
    useContext('current');
    const env = { DOCKER_HOST: 'tcp://env:2375' };
    assert.deepEqual(resolve({ contextSetting: 'picked', env }).info, { endpoint: 'tcp://picked.example:2375', source: 'context', contextName: 'picked' });
    assert.equal(resolve({ contextSetting: 'picked', env, setting: 'unix:///srv/d.sock' }).info.source, 'setting');
    // "default" and blank mean: no choice, resolve as usual.
    assert.equal(resolve({ contextSetting: 'default', env }).info.source, 'env');
    assert.equal(resolve({ contextSetting: '  ', env: {} }).info.contextName, 'current');
  });

  it('a chosen context keeps its TLS material; a chosen context that is gone is a config error', () => {
    const id = writeContext('secure', 'tcp://secure.example:2376');
    const tlsDir = path.join(home, '.docker', 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(tlsDir, { recursive: true });
    fs.writeFileSync(path.join(tlsDir, 'ca.pem'), 'picked-ca');
    const o = options(resolve({ contextSetting: 'secure' }));
    assert.equal(o.protocol, 'https');
    assert.equal(String(o.ca), 'picked-ca');
    const gone = resolve({ contextSetting: 'vanished' });
    assert.ok(gone.error instanceof EngineError);
    assert.equal(gone.error.code, 'config');
    assert.match(gone.error.message, /context "vanished" is selected but .*meta\.json cannot be read/);
  });

  it('lists the docker contexts by name, leaving out unreadable ones', () => {
    writeContext('zeta', 'unix:///z.sock');
    writeContext('alpha', 'tcp://a:2375');
    const broken = path.join(home, '.docker', 'contexts', 'meta', 'broken');
    fs.mkdirSync(broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'meta.json'), '{not json');
    assert.deepEqual(listContexts({ env: {}, homeDir: home }), [{ name: 'alpha', host: 'tcp://a:2375' }, { name: 'zeta', host: 'unix:///z.sock' }]);
    assert.deepEqual(listContexts({ env: { DOCKER_CONFIG: path.join(home, 'nowhere') }, homeDir: home }), []);
  });

  it('DOCKER_CONTEXT overrides config.json, and DOCKER_CONFIG moves the folder', () => {
    const cfg = path.join(home, 'elsewhere');
    writeContext('a', 'unix:///a.sock', cfg);
    writeContext('b', 'unix:///b.sock', cfg);
    useContext('a', cfg);
    assert.equal(resolve({ env: { DOCKER_CONFIG: cfg } }).info.endpoint, 'unix:///a.sock');
    assert.equal(resolve({ env: { DOCKER_CONFIG: cfg, DOCKER_CONTEXT: 'b' } }).info.endpoint, 'unix:///b.sock');
  });

  it('the "default" context and a missing config.json fall through to the platform default', () => {
    assert.deepEqual(resolve({}).info, { endpoint: 'unix:///var/run/docker.sock', source: 'default' });
    useContext('default');
    assert.deepEqual(resolve({}).info, { endpoint: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('default: Docker Desktop socket under the home folder when /var/run/docker.sock is missing', () => {
    const desktop = path.join(home, '.docker', 'run', 'docker.sock');
    fs.mkdirSync(path.dirname(desktop), { recursive: true });
    fs.writeFileSync(desktop, '');
    assert.equal(resolve({ exists: noSystemSocket }).info.endpoint, `unix://${desktop}`);
  });

  it('default: rootless socket in XDG_RUNTIME_DIR', () => {
    fs.writeFileSync(path.join(home, 'docker.sock'), '');
    const c = resolve({ env: { XDG_RUNTIME_DIR: home }, exists: noSystemSocket });
    assert.equal(c.info.endpoint, `unix://${home}/docker.sock`);
  });

  it('default on Windows is the docker_engine named pipe', () => {
    const c = resolve({ platform: 'win32' });
    assert.deepEqual(c.info, { endpoint: 'npipe:////./pipe/docker_engine', source: 'default' });
    assert.deepEqual(options(c), { socketPath: '\\\\.\\pipe\\docker_engine' });
  });
});

describe('docker/connection: TCP, TLS and SSH', () => {
  it('tcp:// without TLS uses http and port 2375 by default', () => {
    assert.deepEqual(options(resolve({ env: { DOCKER_HOST: 'tcp://10.0.0.5' } })), { protocol: 'http', host: '10.0.0.5', port: 2375 });
  });

  it('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH read ca/cert/key and default to port 2376', () => {
    for (const f of ['ca', 'cert', 'key']) fs.writeFileSync(path.join(home, `${f}.pem`), `${f}-pem`);
    const o = options(resolve({ env: { DOCKER_HOST: 'tcp://secure.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: home } }));
    assert.equal(o.protocol, 'https');
    assert.equal(o.port, 2376);
    assert.equal(String(o.ca), 'ca-pem');
    assert.equal(String(o.cert), 'cert-pem');
    assert.equal(String(o.key), 'key-pem');
  });

  it('DOCKER_TLS without DOCKER_TLS_VERIFY encrypts but does not verify the server; a context can skip too', () => {
    assert.equal(options(resolve({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1' } })).verify, false);
    fs.writeFileSync(path.join(home, 'ca.pem'), 'ca');
    assert.equal(options(resolve({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: home } })).verify, true);
    const id = writeContext('skip', 'tcp://skip.example:2376');
    const meta = path.join(home, '.docker', 'contexts', 'meta', id, 'meta.json');
    fs.writeFileSync(meta, JSON.stringify({ Name: 'skip', Endpoints: { docker: { Host: 'tcp://skip.example:2376', SkipTLSVerify: true } } }));
    fs.mkdirSync(path.join(home, '.docker', 'contexts', 'tls', id, 'docker'), { recursive: true });
    useContext('skip');
    assert.equal(options(resolve({})).verify, false);
  });

  it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH looks in ~/.docker', () => {
    fs.mkdirSync(path.join(home, '.docker'));
    fs.writeFileSync(path.join(home, '.docker', 'ca.pem'), 'home-ca');
    const o = options(resolve({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' } }));
    assert.equal(String(o.ca), 'home-ca');
  });

  it('a missing CA with DOCKER_TLS_VERIFY is a config error naming the file and DOCKER_CERT_PATH', () => {
    const c = resolve({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: path.join(home, 'nope') } });
    assert.ok(c.error instanceof EngineError);
    assert.equal(c.error.code, 'config');
    assert.match(c.error.message, /nope\/ca\.pem cannot be read \(ENOENT\).*DOCKER_CERT_PATH/);
    assert.equal(c.info.endpoint, 'tcp://h:2376');
  });

  it('a context with a TLS folder uses its certificates', () => {
    const id = writeContext('tls', 'tcp://tls.example:2376');
    useContext('tls');
    const tlsDir = path.join(home, '.docker', 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(tlsDir, { recursive: true });
    fs.writeFileSync(path.join(tlsDir, 'ca.pem'), 'ctx-ca');
    const o = options(resolve({}));
    assert.equal(o.protocol, 'https');
    assert.equal(String(o.ca), 'ctx-ca');
  });

  it('ssh://user@host:port uses the agent from SSH_AUTH_SOCK', () => {
    const c = resolve({ env: { DOCKER_HOST: 'ssh://deploy@build.example:2222', SSH_AUTH_SOCK: '/tmp/agent.sock' } });
    assert.equal(c.info.endpoint, 'ssh://deploy@build.example:2222');
    const o = options(c);
    assert.deepEqual({ ...o, sshOptions: { ...(o.sshOptions as object), hostVerifier: 'fn' } },
      { protocol: 'ssh', host: 'build.example', port: 2222, username: 'deploy', sshOptions: { agent: '/tmp/agent.sock', hostVerifier: 'fn' } });
  });

  it('ssh without a port uses 22, and without a user the login name', () => {
    const o = options(resolve({ setting: 'ssh://h', env: { USER: 'alice' } }));
    assert.equal(o.port, 22);
    assert.equal(o.username, 'alice');
  });

  it('ssh without an agent uses the first default key file, as ssh does', () => {
    fs.mkdirSync(path.join(home, '.ssh'));
    fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'rsa-key');
    fs.writeFileSync(path.join(home, '.ssh', 'id_ecdsa'), 'ecdsa-key');
    const ssh = options(resolve({ setting: 'ssh://u@h' })).sshOptions as { privateKey?: Buffer; agent?: string };
    assert.equal(String(ssh.privateKey), 'ecdsa-key');
    assert.equal(ssh.agent, undefined);
    const withAgent = options(resolve({ setting: 'ssh://u@h', env: { SSH_AUTH_SOCK: '/a.sock' } })).sshOptions as { privateKey?: Buffer };
    assert.equal(withAgent.privateKey, undefined, 'the agent wins');
  });

  describe('ssh host key check against known_hosts', () => {
    const key = Buffer.from('the-server-host-key-blob');
    const other = Buffer.from('some-other-host-key-blob');
    const verifier = (host: string, lines: string[]) => {
      fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
      fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), lines.join('\n') + '\n');
      return (options(resolve({ setting: host })).sshOptions as { hostVerifier: (k: Buffer) => boolean }).hostVerifier;
    };
    const b64 = (b: Buffer) => b.toString('base64');

    it('trusts exactly the recorded key for that host', () => {
      const v = verifier('ssh://u@build.example', [`# comment`, `other.example ssh-ed25519 ${b64(other)}`, `build.example,10.0.0.9 ssh-ed25519 ${b64(key)}`]);
      assert.equal(v(key), true);
      assert.equal(v(other), false, 'a changed key is refused');
    });

    it('an unknown host is refused', () => {
      assert.equal(verifier('ssh://u@new.example', [`build.example ssh-ed25519 ${b64(key)}`])(key), false);
    });

    it('a non-22 port is looked up as [host]:port', () => {
      assert.equal(verifier('ssh://u@build.example:2222', [`build.example ssh-ed25519 ${b64(key)}`])(key), false);
      assert.equal(verifier('ssh://u@build.example:2222', [`[build.example]:2222 ssh-ed25519 ${b64(key)}`])(key), true);
    });

    it('hashed entries (HashKnownHosts) and wildcards match; @revoked and negation refuse', () => {
      const salt = Buffer.from('0123456789abcdef0123');
      const hash = createHmac('sha1', salt).update('build.example').digest('base64');
      assert.equal(verifier('ssh://u@build.example', [`|1|${b64(salt)}|${hash} ssh-ed25519 ${b64(key)}`])(key), true);
      assert.equal(verifier('ssh://u@a.build.example', [`*.build.example ssh-ed25519 ${b64(key)}`])(key), true);
      assert.equal(verifier('ssh://u@bad.build.example', [`*.build.example,!bad.build.example ssh-ed25519 ${b64(key)}`])(key), false);
      assert.equal(verifier('ssh://u@build.example', [`build.example ssh-ed25519 ${b64(key)}`, `@revoked * ssh-ed25519 ${b64(key)}`])(key), false);
    });
  });
});

describe('docker/connection: parseHost', () => {
  it('accepts the spellings docker accepts', () => {
    assert.deepEqual(parseHost('localhost:2375'), { kind: 'tcp', host: 'localhost', port: 2375, endpoint: 'tcp://localhost:2375' });
    assert.deepEqual(parseHost('tcp://[::1]:2375'), { kind: 'tcp', host: '::1', port: 2375, endpoint: 'tcp://[::1]:2375' });
    assert.deepEqual(parseHost('npipe:////./pipe/podman'), { kind: 'socket', socketPath: '\\\\.\\pipe\\podman', endpoint: 'npipe:////./pipe/podman' });
  });

  for (const [bad, why] of [
    ['unix://relative.sock', /must be absolute/],
    ['unix://', /must be absolute/],
    ['fd://', /unsupported scheme "fd:\/\/"/],
    ['tcp://', /not a valid address|no host name/],
    ['npipe://pipe', /expected npipe/],
    ['tcp://h:2375/some/path', /paths after the port/],
  ] as const) {
    it(`rejects ${JSON.stringify(bad)} with a config error that shows the accepted forms`, () => {
      const r = parseHost(bad);
      assert.ok(r instanceof EngineError);
      assert.equal(r.code, 'config');
      assert.match(r.message, why);
      assert.match(r.message, /Use unix:\/\/\/path\/to\/docker\.sock, tcp:\/\/host:2375/);
    });
  }

  it('a bad setting becomes a Connection with the error (the extension still starts)', () => {
    const c = resolve({ setting: 'bogus://x' });
    assert.equal(c.info.source, 'setting');
    assert.equal(c.error?.code, 'config');
  });

  it('a broken config.json or a missing context meta.json is a config error, not a crash', () => {
    fs.mkdirSync(path.join(home, '.docker'));
    fs.writeFileSync(path.join(home, '.docker', 'config.json'), '{ not json');
    assert.match(resolve({}).error?.message ?? '', /config\.json is not valid JSON/);
    useContext('ghost');
    const c = resolve({});
    assert.equal(c.error?.code, 'config');
    assert.match(c.error?.message ?? '', /context "ghost" is selected but .*meta\.json cannot be read \(ENOENT\)\. Run `docker context use default`/);
  });
});
