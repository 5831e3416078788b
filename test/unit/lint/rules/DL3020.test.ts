import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3020', () => {
  it('fires on local files and .zip (not extracted)', () => {
    assert.deepEqual(lines(findings('DL3020', ['FROM a:1', 'ADD app.py /srv/', 'ADD site.zip /srv/', 'ONBUILD ADD . /app'])), [2, 3, 4]);
  });
  it('does not fire on archives, URLs or git sources', () => {
    assert.deepEqual(findings('DL3020', ['FROM a:1', 'ADD rootfs.tar.gz /', 'ADD x.tgz x.tar.xz /o/', 'ADD https://e.example/f /f', 'ADD git@host:r.git /r', 'ADD ["b.tar.zst", "/"]']), []);
  });
});
