// The CLI's engine use for base images, with a fake Engine: nothing is reached without a reference to
// settle, an unreachable or silent engine means "no facts" (within the timeout), answers are reused.
import { strict as assert } from 'node:assert';
import { CliBaseImages } from '../../../src/cli/baseImageFacts';
import type { Engine } from '../../../src/docker/engine';

function fakeEngine(over: Partial<Record<'ping' | 'inspectImage' | 'version', (...a: unknown[]) => Promise<unknown>>>, calls: string[]): Engine {
  return {
    ping: over.ping ?? (async () => { calls.push('ping'); }),
    inspectImage: over.inspectImage ?? (async (ref: unknown) => { calls.push(`inspect ${ref}`); return { Config: { Env: ['GOPATH=/go'] }, Os: 'linux', Architecture: 'arm64' }; }),
    version: over.version ?? (async () => ({ os: 'linux', arch: 'amd64' })),
  } as unknown as Engine;
}

describe('cli: base-image facts from the engine', () => {
  it('does not even connect when no finding needs a base image', async () => {
    let connects = 0;
    const b = new CliBaseImages(500, () => { connects++; return fakeEngine({}, []); });
    assert.deepEqual(await b.optionsFor([]), {});
    assert.equal(connects, 0);
  });
  it('inspects each image once per run and gives the lookup and the engine platform', async () => {
    const calls: string[] = [];
    const b = new CliBaseImages(500, () => fakeEngine({}, calls));
    const o = await b.optionsFor(['golang:1.22']);
    await b.optionsFor(['golang:1.22']);
    assert.deepEqual(o.baseImage?.('golang:1.22')?.env, ['GOPATH=/go']);
    assert.equal(o.buildPlatform, 'linux/amd64');
    assert.deepEqual(calls, ['ping', 'inspect golang:1.22']);
  });
  it('an unreachable engine gives no facts, and is tried only once', async () => {
    let connects = 0;
    const b = new CliBaseImages(500, () => { connects++; return fakeEngine({ ping: async () => { throw new Error('ENOENT'); } }, []); });
    assert.deepEqual(await b.optionsFor(['a:1']), {});
    assert.deepEqual(await b.optionsFor(['b:1']), {});
    assert.equal(connects, 1);
  });
  it('an engine that never answers is given up after the timeout', async () => {
    const b = new CliBaseImages(50, () => fakeEngine({ ping: () => new Promise(() => {}) }, []));
    const t0 = Date.now();
    assert.deepEqual(await b.optionsFor(['a:1']), {});
    assert.ok(Date.now() - t0 < 1000);
  });
  it('a missing image is unknown, not an error', async () => {
    const b = new CliBaseImages(500, () => fakeEngine({ inspectImage: async () => { throw new Error('no such image'); } }, []));
    const o = await b.optionsFor(['gone:1']);
    assert.equal(o.baseImage?.('gone:1'), undefined);
  });
});
