// The engine facts the editor hands to the linter: looked up once per FROM image, unknown on errors.
import { strict as assert } from 'node:assert';
import { BaseImages } from '../../../src/diagnostics/baseImages';
import type { Engine } from '../../../src/docker/engine';

function fakeEngine(images: Record<string, Record<string, unknown>>, asked: string[]): Engine {
  return {
    inspectImage: async (ref: string) => {
      asked.push(ref);
      if (!images[ref]) throw new Error(`No such image: ${ref}`);
      return images[ref];
    },
    version: async () => ({ version: '27', apiVersion: '1.47', minApiVersion: '1.24', os: 'linux', arch: 'amd64', negotiatedApiVersion: '1.47' }),
  } as unknown as Engine;
}

describe('BaseImages (engine facts for the linter)', () => {
  const golang = { Config: { Env: ['PATH=/go/bin', 'GOPATH=/go'] }, Os: 'linux', Architecture: 'arm64', Variant: 'v8' };

  it('reads ENV and platform of FROM images the engine has, and the engine platform', async () => {
    const asked: string[] = [];
    const images = new BaseImages(() => fakeEngine({ 'golang:1.22': golang }, asked));
    const opts = await images.optionsFor('FROM golang:1.22 AS build\nFROM build\nFROM missing:1\nFROM scratch\nFROM $BASE\n');
    assert.deepEqual(opts.baseImage!('golang:1.22'), { env: ['PATH=/go/bin', 'GOPATH=/go'], platform: 'linux/arm64/v8' });
    assert.equal(opts.baseImage!('missing:1'), undefined);
    assert.equal(opts.buildPlatform, 'linux/amd64');
    assert.deepEqual(asked.sort(), ['golang:1.22', 'missing:1'], 'stages, scratch and variables are not looked up');
  });

  it('asks once per image until told to forget', async () => {
    const asked: string[] = [];
    const images = new BaseImages(() => fakeEngine({ 'golang:1.22': golang }, asked));
    await images.optionsFor('FROM golang:1.22\n');
    await images.optionsFor('FROM golang:1.22\nRUN x\n');
    assert.deepEqual(asked, ['golang:1.22']);
    images.forget();
    await images.optionsFor('FROM golang:1.22\n');
    assert.deepEqual(asked, ['golang:1.22', 'golang:1.22']);
  });

  it('gives nothing while the engine is unreachable', async () => {
    assert.deepEqual(await new BaseImages(() => undefined).optionsFor('FROM golang:1.22\n'), {});
  });
});
