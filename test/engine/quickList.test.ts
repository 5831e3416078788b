// The quick first lists (src/docker/quickList.ts) against the real daemon: the same rows the
// dockerode adapter lists, through the same negotiated API version; other kinds of engine get none.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { resolveConnection } from '../../src/docker/connection';
import { DockerodeEngine } from '../../src/docker/dockerodeEngine';
import { quickLists } from '../../src/docker/quickList';
import type { ContainerSummary } from '../../src/model/types';
import { createThrowawayContainer, docker, dockerHost, recordingProxy, throwawayName } from './helpers';

describe('engine: quick first lists over the local socket', () => {
  const connection = () => resolveConnection({ setting: '', env: { DOCKER_HOST: dockerHost() }, homeDir: os.homedir() });
  let container = '';
  before(() => { container = throwawayName('quick'); createThrowawayContainer(container); });
  after(() => { docker('rm', '-f', container); });

  it('lists the images and containers the adapter lists, field for field', async () => {
    const quick = quickLists(connection())!;
    assert.ok(quick, 'a unix socket gets the quick lists');
    const adapter = new DockerodeEngine(connection());
    const [images, adapterImages] = await Promise.all([quick.listImages({ all: true }), adapter.listImages({ all: true })]);
    assert.ok(images.length > 0, 'the fixtures are there');
    // The engine's order is not fixed between two calls: compare by ID.
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(byId(images), byId(adapterImages));
    const dangling = await quick.listImages({ dangling: true });
    assert.deepEqual(byId(dangling), byId(await adapter.listImages({ dangling: true })));
    // Relative times are read against the moment of the answer: compare without them.
    const plain = (cs: ContainerSummary[]) => cs.map(({ status: _s, ...rest }) => JSON.stringify(rest, (k, v) => (/clock|At$/i.test(k) ? undefined : v))).sort();
    const [containers, adapterContainers] = await Promise.all([quick.listContainers({ all: true }), adapter.listContainers({ all: true })]);
    assert.ok(containers.some((c) => c.names.includes(container)), 'the throwaway container is listed');
    assert.deepEqual(plain(containers), plain(adapterContainers));
  });

  it('asks no GET /version: the first list answers unversioned, and its API-Version header is the version from then on', async () => {
    const proxy = await recordingProxy();
    const requests = proxy.requests;
    try {
      const quick = quickLists(resolveConnection({ setting: `unix://${proxy.socket}`, env: {}, homeDir: os.homedir() }))!;
      const [images, containers] = await Promise.all([quick.listImages({ all: true }), quick.listContainers({ all: true })]);
      assert.ok(images.length > 0 && containers.length >= 0);
      await quick.listImages({ dangling: true });
      const version = (await new DockerodeEngine(connection()).version()).negotiatedApiVersion;
      assert.deepEqual(requests.sort(), [
        'GET /containers/json?all=1 HTTP/1.1',
        'GET /images/json?all=1 HTTP/1.1',
        `GET /v${version}/images/json?filters=%7B%22dangling%22%3A%5B%22true%22%5D%7D HTTP/1.1`,
      ]);
    } finally {
      proxy.close();
    }
  });

  it('a missing socket rejects (the lazy engine then asks the adapter, whose error people see)', async () => {
    const quick = quickLists(resolveConnection({ setting: 'unix:///run/layerscope-nowhere/docker.sock', env: {}, homeDir: os.homedir() }))!;
    await assert.rejects(quick.listImages({}), /ENOENT|ECONNREFUSED/);
  });

  it('TCP, TLS and SSH engines get no quick lists', () => {
    for (const setting of ['tcp://127.0.0.1:2375', 'ssh://someone@127.0.0.1']) {
      assert.equal(quickLists(resolveConnection({ setting, env: {}, homeDir: os.homedir() })), undefined, setting);
    }
  });
});
