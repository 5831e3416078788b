// ssh:// for real: an SSH server in this process (ssh2's Server) whose only command,
// `docker system dial-stdio`, is wired to the test daemon's socket, which is all the remote docker
// CLI does. Our side runs unchanged: known_hosts check, key file authentication, the API over SSH.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Server, utils } from 'ssh2';
import { createEngine } from '../../src/docker/connect';
import type { EngineError } from '../../src/docker/engine';
import { dockerHost } from './helpers';

describe('engine: ssh://', function () {
  this.timeout(60_000);
  const hostKey = utils.generateKeyPairSync('ed25519');
  const clientKey = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(clientKey.public);
  let server: Server;
  let port = 0;
  let home = '';
  const commands: string[] = [];

  before(async () => {
    if (allowed instanceof Error) throw allowed;
    const socketPath = dockerHost().slice('unix://'.length);
    server = new Server({ hostKeys: [hostKey.private] }, (client) => {
      client.on('authentication', (ctx) => {
        const ok = ctx.method === 'publickey' && ctx.username === 'deploy' &&
          ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH()) &&
          (!ctx.signature || allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true);
        if (ok) ctx.accept(); else ctx.reject(['publickey']);
      });
      client.on('ready', () => client.on('session', (accept) => {
        accept().on('exec', (acceptExec, reject, info) => {
          commands.push(info.command);
          if (info.command !== 'docker system dial-stdio') return reject();
          const channel = acceptExec();
          const daemon = net.connect(socketPath);
          channel.pipe(daemon).pipe(channel);
          daemon.on('error', () => channel.close());
          channel.on('close', () => daemon.destroy());
        });
      }));
      client.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as net.AddressInfo).port;

    home = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-ssh-home-'));
    fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
    fs.writeFileSync(path.join(home, '.ssh', 'id_ed25519'), clientKey.private, { mode: 0o600 });
  });
  after(() => {
    server.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  const knownHosts = (line: string) => fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${line}\n`);
  const engine = () => createEngine({ setting: `ssh://deploy@127.0.0.1:${port}`, env: {}, homeDir: home });

  it('with the host key in known_hosts and a key file: lists the fixture images over SSH', async () => {
    knownHosts(`[127.0.0.1]:${port} ${hostKey.public.trim()}`);
    const e = engine();
    assert.equal(e.info.endpoint, `ssh://deploy@127.0.0.1:${port}`);
    const images = await e.listImages({});
    assert.ok(images.some((i) => i.repoTags.includes('layerscope-fixture/multi:1')));
    assert.ok(commands.includes('docker system dial-stdio'));
  });

  it('an unknown host key is refused before anything is sent, with what to do', async () => {
    knownHosts(`[127.0.0.1]:${port} ${clientKey.public.trim()}`); // some other key
    await assert.rejects(engine().ping(), (e: EngineError) =>
      e.code === 'permission' && e.message.startsWith(`The SSH host key of ssh://deploy@127.0.0.1:${port} is not trusted`));
  });

  it('a user the server does not accept gets the authentication message', async () => {
    knownHosts(`[127.0.0.1]:${port} ${hostKey.public.trim()}`);
    const stranger = createEngine({ setting: `ssh://mallory@127.0.0.1:${port}`, env: {}, homeDir: home });
    await assert.rejects(stranger.ping(), (e: EngineError) => e.code === 'permission' && /SSH authentication to .* failed/.test(e.message));
  });
});
