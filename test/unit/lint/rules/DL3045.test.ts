import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3045', () => {
  it('fires without WORKDIR in the stage', () => {
    assert.deepEqual(lines(findings('DL3045', ['FROM a:1', 'COPY app .', 'COPY x y/'])), [2, 3]);
  });
  it('does not fire after WORKDIR (own or parent stage) or with absolute destinations', () => {
    assert.deepEqual(findings('DL3045', ['FROM a:1 AS b', 'COPY x /abs/', 'WORKDIR /w', 'COPY x .', 'FROM b', 'COPY y .']), []);
  });
  it('reads a Windows drive destination as absolute, backslashes included, with or without a FROM', () => {
    assert.deepEqual(findings('DL3045', ['COPY run.ps1 C:\\tools\\run.ps1', 'COPY a.txt "e:\\data\\a.txt"', 'COPY b.txt f:/data/']), []);
    assert.deepEqual(findings('DL3045', ['FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'COPY app.exe D:\\app\\app.exe']), []);
    assert.deepEqual(lines(findings('DL3045', ['COPY cfg.ini conf\\cfg.ini'])), [1]);
  });
});
