import { strict as assert } from 'node:assert';
import type { BaseImageFacts } from '../../../../src/lint/baseImage';
import { findings, lines } from '../helpers';

const engine = (images: Record<string, BaseImageFacts>) => ({ baseImage: (ref: string) => images[ref] });
const arm = engine({ 'alpine:3.19': { env: [], platform: 'linux/arm64/v8' } });

describe('InvalidBaseImagePlatform', () => {
  it('fires when the local image is for another platform than --platform or the build default', () => {
    assert.deepEqual(lines(findings('InvalidBaseImagePlatform', ['FROM --platform=linux/amd64 alpine:3.19'], arm)), [1]);
    assert.deepEqual(lines(findings('InvalidBaseImagePlatform', ['FROM alpine:3.19'], { ...arm, buildPlatform: 'linux/amd64' })), [1]);
    assert.deepEqual(lines(findings('InvalidBaseImagePlatform', ['FROM --platform=$BUILDPLATFORM alpine:3.19'], { ...arm, buildPlatform: 'linux/amd64' })), [1]);
  });
  it('does not fire when the platforms agree, without engine facts, or for stages and variables', () => {
    assert.deepEqual(findings('InvalidBaseImagePlatform', ['FROM --platform=linux/arm64 alpine:3.19'], arm), []);
    assert.deepEqual(findings('InvalidBaseImagePlatform', ['FROM --platform=linux/amd64 alpine:3.19']), []);
    assert.deepEqual(findings('InvalidBaseImagePlatform', ['FROM alpine:3.19'], arm), []);
    assert.deepEqual(findings('InvalidBaseImagePlatform', ['FROM --platform=$TARGETPLATFORM alpine:3.19'], arm), []);
    assert.deepEqual(findings('InvalidBaseImagePlatform', ['FROM --platform=$P alpine:3.19'], { ...arm, buildPlatform: 'linux/amd64' }), []);
  });
});
