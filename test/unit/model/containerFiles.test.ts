// Directory listings of a container as pure data: `ls -lnA` output (GNU and busybox) and tar headers.
import * as assert from 'node:assert/strict';
import { looksBinary, modeFromLetters, parseLsLong, TarDirCollector } from '../../../src/model/containerFiles';

describe('model/containerFiles', () => {
  it('parses busybox ls -lnA: files, dirs, symlinks, devices (major, minor), fifos, names with spaces', () => {
    const out = [
      'drwxr-xr-x    2 0        0             4096 Nov 30 02:26 data',
      '-rw-r--r--    1 0        0               22 Nov 30 02:25 hello world.txt',
      'lrwxrwxrwx    1 0        0               12 Nov 30 02:26 sh -> /bin/busybox',
      'crw-rw-rw-    1 0        0           1,   3 Nov 30 02:27 null',
      'prw-r--r--    1 0        0                0 Nov 30 02:27 fifo',
      'srwxr-xr-x    1 1000     1000             0 Jan  2  2025 sock',
      '-rwsr-xr-x    1 0        0              100 Nov 30 02:25 suid',
    ].join('\n');
    const { entries, unparsed } = parseLsLong('/x', out);
    assert.deepEqual(unparsed, []);
    assert.deepEqual(entries.map((e) => [e.name, e.path, e.kind, e.size, e.mode.toString(8), e.linkTarget ?? '']), [
      ['data', '/x/data', 'dir', 0, '755', ''],
      ['fifo', '/x/fifo', 'pipe', 0, '644', ''],
      ['hello world.txt', '/x/hello world.txt', 'file', 22, '644', ''],
      ['null', '/x/null', 'device', 0, '666', ''],
      ['sh', '/x/sh', 'symlink', 0, '777', '/bin/busybox'],
      ['sock', '/x/sock', 'socket', 0, '755', ''],
      ['suid', '/x/suid', 'file', 100, '4755', ''],
    ]);
  });

  it('parses GNU ls -lnA (a "total" line, SELinux dot) and keeps lines it cannot read', () => {
    const { entries, unparsed } = parseLsLong('/', 'total 8\n-rw-r--r--. 1 0 0 5 Nov 30 02:25 a\nls: cannot open directory \'/root\': Permission denied\n');
    assert.deepEqual(entries.map((e) => [e.path, e.size]), [['/a', 5]]);
    assert.deepEqual(unparsed, ['ls: cannot open directory \'/root\': Permission denied']);
  });

  it('mode letters with setgid and sticky', () => {
    assert.equal(modeFromLetters('rwxrwsrwt').toString(8), '3777');
    assert.equal(modeFromLetters('rw-r-Sr-T').toString(8), '3644');
  });

  it('collects the direct children of a directory from the archive, summing bytes below subdirectories', () => {
    const c = new TarDirCollector('/app');
    for (const h of [
      { name: 'app/', type: 'directory', mode: 0o755 },
      { name: 'app/a.txt', type: 'file', size: 3, mode: 0o644 },
      { name: 'app/sub/', type: 'directory', mode: 0o700 },
      { name: 'app/sub/deep/x', type: 'file', size: 10 },
      { name: 'app/sub/y', type: 'file', size: 5 },
      { name: 'app/l', type: 'symlink', linkname: '../etc/passwd' },
      { name: 'app/dev', type: 'character-device' },
    ]) c.add(h);
    assert.deepEqual(c.entries().map((e) => [e.name, e.kind, e.size, e.linkTarget ?? '']), [
      ['sub', 'dir', 15, ''], ['a.txt', 'file', 3, ''], ['dev', 'device', 0, ''], ['l', 'symlink', 0, '../etc/passwd'],
    ]);
    assert.equal(c.entriesSeen, 7);
    const root = new TarDirCollector('/');
    for (const h of [{ name: '/', type: 'directory' }, { name: '/.dockerenv', type: 'file', size: 0 }, { name: '/bin/', type: 'directory' }, { name: '/bin/sh', type: 'symlink', linkname: 'busybox' }]) root.add(h);
    assert.deepEqual(root.entries().map((e) => e.path), ['/bin', '/.dockerenv']);
  });

  it('text or binary: NUL bytes and invalid UTF-8 are binary; a UTF-8 sequence cut at the sample end is not', () => {
    assert.equal(looksBinary(Buffer.from('plain text\n')), false);
    assert.equal(looksBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00])), true);
    assert.equal(looksBinary(Buffer.from([0xff, 0xfe, 0x41])), true);
    const long = Buffer.concat([Buffer.alloc(8191, 0x61), Buffer.from('é'), Buffer.alloc(10, 0x61)]);
    assert.equal(looksBinary(long), false);
  });
});
