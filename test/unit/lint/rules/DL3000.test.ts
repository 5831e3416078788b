import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3000', () => {
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
  it('reads quoted drive roots as written (the default escape would eat the final backslash)', () => {
    assert.deepEqual(findings('DL3000', ['FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', "WORKDIR 'D:\\'", 'WORKDIR "E:\\"', 'WORKDIR F:/']), []);
    assert.deepEqual(lines(findings('DL3000', ["WORKDIR 'build\\out'"])), [1]);
  });
});
