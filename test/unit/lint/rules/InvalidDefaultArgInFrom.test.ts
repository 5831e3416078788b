import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('InvalidDefaultArgInFrom', () => {
  it('InvalidDefaultArgInFrom fires when defaults give an empty or invalid image', () => {
    assert.deepEqual(lines(findings('InvalidDefaultArgInFrom', ['ARG TAG', 'ARG IMG', 'FROM busybox:${TAG}', 'FROM $IMG'])), [3, 4]);
  });
  it('InvalidDefaultArgInFrom accepts valid defaults, empty suffixes and :- defaults', () => {
    assert.deepEqual(findings('InvalidDefaultArgInFrom', ['ARG TAG=latest', 'ARG V', 'ARG T2', 'FROM busybox:${TAG}', 'FROM busybox:stable${V}', 'FROM alpine:${T2:-3.14}']), []);
  });
});
