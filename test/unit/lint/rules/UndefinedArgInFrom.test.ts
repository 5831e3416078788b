import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('UndefinedArgInFrom', () => {
  it('UndefinedArgInFrom fires on undeclared ARGs in FROM, not on declared or predefined ones', () => {
    assert.deepEqual(lines(findings('UndefinedArgInFrom', ['ARG TAG=1', 'FROM a:$TAG', 'FROM node:22${VARIANT}', 'FROM --platform=$BUILDPLATFORM a:1'])), [3]);
  });
  it('does not fire on declared global ARGs, predefined platform args or plain images', () => {
    assert.deepEqual(findings('UndefinedArgInFrom', ['ARG BASE=alpine', 'ARG TAG', 'FROM ${BASE}:${TAG:-3}', 'FROM --platform=$BUILDPLATFORM golang:1.22', 'FROM alpine:3']), []);
  });
  it('suggests the ARG meant', () => {
    assert.match(findings('UndefinedArgInFrom', ['ARG VERSION=1', 'FROM a:$VERSON'])[0].message, /did you mean \$VERSION/);
  });
  it('accepts ${X-default} and ${X:-default} for an undeclared X', () => {
    assert.deepEqual(findings('UndefinedArgInFrom', ['FROM ${BASE-alpine:3.19}', 'FROM ${OTHER:-debian:12}']), []);
  });
});
