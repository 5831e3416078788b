// What counts as text and structure before any rule reads it: the BOM, Windows base images by tag,
// nested subshells, and files that have no FROM yet.
import { strict as assert } from 'node:assert';
import { lintDockerfile } from '../../../src/lint/index';
import { findings, lines } from './helpers';

describe('document: text and structure the rules read', () => {
  it('counts columns of the first line without a byte order mark', () => {
    const withBom = lintDockerfile('\uFEFFFROM debian\n').find((f) => f.code === 'DL3006');
    const without = lintDockerfile('FROM debian\n').find((f) => f.code === 'DL3006');
    assert.ok(withBom && without);
    assert.deepEqual(withBom.range, without.range);
  });
  it('reads a check directive after a BOM', () => {
    assert.deepEqual(findings('StageNameCasing', '\uFEFF# check=skip=StageNameCasing\nFROM a:1 AS Build\n'), []);
  });
  it('treats Windows images named in a tag or name part as Windows (no sh parsing of PowerShell)', () => {
    for (const image of ['golang:1.8-windowsservercore', 'node:20-nanoserver-1809', 'stefanscherer/node-windows:1.0']) {
      assert.deepEqual(findings('DL3014', [`FROM ${image}`, 'RUN apt-get install curl']), [], image);
    }
    assert.equal(findings('DL3014', ['FROM acme/windowsapp:1', 'RUN apt-get install curl']).length, 1);
  });
  it('reads ((…) && …) as nested subshells, not arithmetic', () => {
    const fs = findings('DL3014', ['FROM debian:12', 'RUN ((cd /x && make) && apt-get install curl)']);
    assert.deepEqual(lines(fs), [2]);
    assert.deepEqual(findings('LS0100', ['FROM debian:12', 'RUN ((cd /x && make) && apt-get install -y curl)']), []);
    assert.equal(findings('DL3014', ['FROM debian:12', 'RUN (( n = 1 + 2 )) && echo $((n * 2)) && apt-get install curl']).length, 1);
  });
  it('lints instructions of a file that has no FROM yet', () => {
    assert.deepEqual(lines(findings('DL3000', ['WORKDIR app'])), [1]);
    assert.deepEqual(lines(findings('DL3045', ['COPY a.txt dest/'])), [1]);
    assert.deepEqual(lines(findings('DL3048', ['LABEL 1abc=x'])), [1]);
    assert.deepEqual(findings('UndefinedArgInFrom', ['RUN echo $X']), []);
  });
  it('counts Windows paths as absolute', () => {
    assert.deepEqual(findings('DL3000', ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\\\app', 'WORKDIR c:\\\\system32\\\\x', 'WORKDIR c:/tools']), []);
    assert.deepEqual(findings('DL3045', ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'COPY a.txt C:\\\\app\\\\']), []);
  });
});
