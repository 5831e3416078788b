import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3000 relative WORKDIR', () => {
  it('fires on a relative WORKDIR with no absolute one before it', () => {
    assert.deepEqual(lines(findings('DL3000', ['FROM alpine:3', 'WORKDIR app'])), [2]);
  });
  it('does not fire on absolute, variable or Windows paths, nor after an absolute WORKDIR', () => {
    assert.deepEqual(findings('DL3000', ['FROM alpine:3', 'WORKDIR /srv', 'WORKDIR app', 'WORKDIR $HOME/x', 'WORKDIR "/quoted"']), []);
    assert.deepEqual(findings('DL3000', ['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\app', 'WORKDIR D:/x']), []);
  });
  it('inherits the anchor from a parent stage', () => {
    assert.deepEqual(findings('DL3000', ['FROM alpine:3 AS base', 'WORKDIR /srv', 'FROM base', 'WORKDIR sub']), []);
  });
  it('answers to the BuildKit name in pragmas', () => {
    assert.deepEqual(findings('DL3000', ['# check=skip=WorkdirRelativePath', 'FROM alpine:3', 'WORKDIR app']), []);
  });
});

describe('DL3002 last USER root', () => {
  it('fires when the final stage ends as root', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER app', 'USER root'])), [3]);
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER 0:0'])), [2]);
  });
  it('does not fire for a non-root last USER, a root user in an earlier stage, or no USER', () => {
    assert.deepEqual(findings('DL3002', ['FROM alpine:3', 'USER root', 'USER app']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM alpine:3', 'USER nobody']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3']), []);
  });
  it('follows a final stage built on an earlier one', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM b', 'RUN x'])), [2]);
  });
});

describe('DL3006 untagged FROM / DL3007 latest', () => {
  it('DL3006 fires on an untagged image', () => {
    assert.deepEqual(lines(findings('DL3006', ['FROM debian'])), [1]);
    assert.deepEqual(lines(findings('DL3006', ['FROM registry.local:5000/team/app'])), [1]);
  });
  it('DL3006 does not fire on tags, digests, scratch, stage names or variables', () => {
    assert.deepEqual(findings('DL3006', [
      'FROM debian:12 AS base', 'FROM registry.local:5000/app:1', 'FROM app@sha256:' + 'a'.repeat(64), 'FROM scratch', 'FROM base', 'ARG X', 'FROM $X',
    ]), []);
  });
  it('DL3007 fires on :latest but not on other tags or a digest', () => {
    assert.deepEqual(lines(findings('DL3007', ['FROM debian:latest', 'FROM debian:12', 'FROM debian:latest@sha256:' + 'b'.repeat(64)])), [1]);
  });
});

describe('DL3011 port range', () => {
  it('fires on ports above 65535 (also in ranges and with protocols)', () => {
    assert.deepEqual(lines(findings('DL3011', ['FROM a:1', 'EXPOSE 70000', 'EXPOSE 80-65536/tcp'])), [2, 3]);
  });
  it('does not fire on valid ports or variables', () => {
    assert.deepEqual(findings('DL3011', ['FROM a:1', 'EXPOSE 0 80 65535/udp 8000-8010', 'EXPOSE $PORT']), []);
  });
});

describe('DL3012 / DL4003 / DL4004 repeated HEALTHCHECK, CMD, ENTRYPOINT', () => {
  const df = ['FROM a:1', 'CMD ["a"]', 'ENTRYPOINT ["b"]', 'HEALTHCHECK CMD ["c"]', 'CMD ["d"]', 'ENTRYPOINT ["e"]', 'HEALTHCHECK NONE'];
  it('reports the instructions a later one replaces, tagged unnecessary', () => {
    assert.deepEqual(lines(findings('DL4003', df)), [2]);
    assert.deepEqual(lines(findings('DL4004', df)), [3]);
    const h = findings('DL3012', df);
    assert.deepEqual(lines(h), [4]);
    assert.deepEqual(h[0].tags, ['unnecessary']);
  });
  it('counts per stage, and the CMD inside HEALTHCHECK is not a CMD', () => {
    assert.deepEqual(findings('DL4003', ['FROM a:1 AS x', 'CMD ["a"]', 'FROM a:1', 'HEALTHCHECK CMD true', 'CMD ["b"]']), []);
  });
  it('MultipleInstructionsDisallowed skips all three', () => {
    const text = ['# check=skip=MultipleInstructionsDisallowed', ...df];
    assert.deepEqual([...findings('DL4003', text), ...findings('DL4004', text), ...findings('DL3012', text)], []);
  });
});
