// TCP + TLS for real: a private daemon ("tls") listening on a loopback port with --tlsverify and
// certificates made here with openssl, reached through DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH
// and through a docker context with its own TLS folder.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createEngine } from '../../src/docker/connect';
import type { EngineError } from '../../src/docker/engine';
import { RIG, waitFor } from './helpers';

const run = promisify(execFile);
const NAME = 'tls';

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as `docker` expects them. */
function makeCertificates(dir: string, caName: string): void {
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, 'req', '-x509', ...key, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${caName}`);
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  fs.writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  openssl(dir, 'req', ...key, '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  openssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'server-cert.pem', '-days', '2', '-extfile', 'server.ext');
  openssl(dir, 'req', ...key, '-keyout', 'key.pem', '-out', 'client.csr', '-subj', '/CN=layerscope-client');
  openssl(dir, 'x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'cert.pem', '-days', '2', '-extfile', 'client.ext');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('engine: tcp:// with TLS', function () {
  this.timeout(120_000);
  let certs = '';
  let host = '';
  const rig = (cmd: string, env: NodeJS.ProcessEnv = process.env) => run('bash', [path.join(RIG, 'dockerd.sh'), cmd, NAME], { env });

  before(async () => {
    certs = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-tls-'));
    makeCertificates(certs, 'layerscope-test-ca');
    const port = await freePort();
    host = `tcp://127.0.0.1:${port}`;
    await rig('stop'); // a leftover from an interrupted run would listen on another port
    const args = `-H ${host} --tlsverify --tlscacert ${certs}/ca.pem --tlscert ${certs}/server-cert.pem --tlskey ${certs}/server-key.pem`;
    await rig('start', { ...process.env, LAYERSCOPE_DOCKERD_ARGS: args });
  });
  after(async () => {
    await rig('stop');
    fs.rmSync(certs, { recursive: true, force: true });
  });

  it('DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: versions, lists and events over TLS', async () => {
    const engine = createEngine({ setting: '', env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, homeDir: os.homedir() });
    assert.deepEqual(engine.info, { endpoint: host, source: 'env' });
    const v = await engine.version();
    assert.match(v.negotiatedApiVersion, /^1\.\d+$/);
    assert.deepEqual(await engine.listImages({}), []);
    let resynced = false;
    const sub = engine.subscribe({ onEvent: () => undefined, onResync: () => { resynced = true; }, onDisconnect: () => undefined });
    try {
      await waitFor('resync over TLS', () => resynced || undefined, 5000);
    } finally {
      sub.dispose();
    }
  });

  it('a docker context with its own TLS folder reaches the same daemon', async () => {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-ctx-'));
    try {
      const id = createHash('sha256').update('tls-test').digest('hex');
      fs.mkdirSync(path.join(config, 'contexts', 'meta', id), { recursive: true });
      fs.writeFileSync(path.join(config, 'contexts', 'meta', id, 'meta.json'), JSON.stringify({ Name: 'tls-test', Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
      const tlsDir = path.join(config, 'contexts', 'tls', id, 'docker');
      fs.mkdirSync(tlsDir, { recursive: true });
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.copyFileSync(path.join(certs, f), path.join(tlsDir, f));
      fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({ currentContext: 'tls-test' }));
      const engine = createEngine({ setting: '', env: { DOCKER_CONFIG: config }, homeDir: os.homedir() });
      assert.deepEqual(engine.info, { endpoint: host, source: 'context', contextName: 'tls-test' });
      await engine.ping();
    } finally {
      fs.rmSync(config, { recursive: true, force: true });
    }
  });

  it('a CA that did not sign the server is refused with a pointer to the certificates', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-tls-other-'));
    try {
      makeCertificates(other, 'some-other-ca');
      const engine = createEngine({ setting: '', env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: other }, homeDir: os.homedir() });
      await assert.rejects(engine.ping(), (e: EngineError) =>
        e.code === 'config' && e.message.startsWith(`TLS with ${host} failed (`) && /DOCKER_CERT_PATH/.test(e.message));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('DOCKER_TLS=1 without DOCKER_TLS_VERIFY does not verify the server (as the docker CLI)', async () => {
    const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-tls-mixed-'));
    try {
      // Our client certificate, but a CA that did not sign the server.
      makeCertificates(mixed, 'unrelated-ca');
      for (const f of ['cert.pem', 'key.pem']) fs.copyFileSync(path.join(certs, f), path.join(mixed, f));
      const noVerify = createEngine({ setting: '', env: { DOCKER_HOST: host, DOCKER_TLS: '1', DOCKER_CERT_PATH: mixed }, homeDir: os.homedir() });
      await noVerify.ping();
      const verify = createEngine({ setting: '', env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: mixed }, homeDir: os.homedir() });
      await assert.rejects(verify.ping(), (e: EngineError) => e.code === 'config');
    } finally {
      fs.rmSync(mixed, { recursive: true, force: true });
    }
  });

  it('plain HTTP to the TLS port gets the engine\'s own explanation', async () => {
    const engine = createEngine({ setting: host, env: {}, homeDir: os.homedir() });
    await assert.rejects(engine.ping(), (e: EngineError) => e.code === 'badRequest' && /HTTPS server/.test(e.message));
  });
});
