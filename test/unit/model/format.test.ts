import * as assert from 'node:assert/strict';
import { formatAge, formatBytes, parseBytes } from '../../../src/model/format';

describe('format', () => {
  it('formats bytes in decimal units like the docker CLI', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1000), '1 kB');
    assert.equal(formatBytes(1_500_000), '1.5 MB');
    assert.equal(formatBytes(12_340_000), '12.3 MB');
    assert.equal(formatBytes(123_400_000), '123 MB');
    assert.equal(formatBytes(1_050_000_000), '1.05 GB');
    assert.equal(formatBytes(-1), '?');
  });

  it('parses sizes with decimal and binary units', () => {
    assert.equal(parseBytes('1024'), 1024);
    assert.equal(parseBytes('20MB'), 20_000_000);
    assert.equal(parseBytes('20mb'), 20_000_000);
    assert.equal(parseBytes('1.5GiB'), 1.5 * 2 ** 30);
    assert.equal(parseBytes('512k'), 512_000);
    assert.equal(parseBytes(' 3 MiB '), 3 * 2 ** 20);
  });

  it('rejects what is not a size with a readable message', () => {
    assert.throws(() => parseBytes('lots'), /Not a size: 'lots'/);
    assert.throws(() => parseBytes('10XB'), /Not a size/);
    assert.throws(() => parseBytes(''), /Not a size/);
  });

  it('formats ages relative to now', () => {
    const now = Date.UTC(2026, 0, 10) ;
    const sec = now / 1000;
    assert.equal(formatAge(sec - 5, now), 'just now');
    assert.equal(formatAge(sec - 60, now), '1 minute ago');
    assert.equal(formatAge(sec - 3 * 3600, now), '3 hours ago');
    assert.equal(formatAge(sec - 2 * 86400, now), '2 days ago');
    assert.equal(formatAge(sec + 100, now), 'just now');
  });
});
