// The header-only layer tar reader: formats, long names, odd chunking, damage.
import * as assert from 'node:assert/strict';
import { TarFormatError, TarScanner, headerOf, type TarHeader } from '../../../src/analysis/tarScanner';
import { displayName } from '../../../src/analysis/pathTrie';
import { buildTar, rawHeader } from './imageArchive';

const pad = (data: Buffer): Buffer => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
const end = Buffer.alloc(1024);

/** One PAX record, `LENGTH key=value\n`. */
function record(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body); // the record length counts bytes, digits included
  let length = bytes + 1;
  while (String(length).length + bytes !== length) length++;
  return `${length}${body}`;
}

function scan(tar: Buffer, chunk = tar.length): TarHeader[] {
  const seen: TarHeader[] = [];
  const scanner = new TarScanner((h) => seen.push(headerOf(h)));
  for (let i = 0; i < tar.length; i += chunk) scanner.push(tar.subarray(i, i + chunk));
  scanner.end(tar.length);
  return seen;
}

describe('analysis: tar header scanner', () => {
  it('reads what tar-stream writes, including long names (ustar prefix and PAX), byte by byte', async () => {
    const deep = `${'dir/'.repeat(40)}file.txt`;
    const flat = `${'x'.repeat(150)}.txt`;
    const tar = await buildTar([
      { header: { name: 'etc/', type: 'directory', mode: 0o755 } },
      { header: { name: 'etc/hosts', type: 'file', mode: 0o644, uid: 1000, gid: 1001, size: 700 }, body: Buffer.alloc(700, 1) },
      { header: { name: deep, type: 'file', size: 3 }, body: Buffer.from('abc') },
      { header: { name: flat, type: 'file', size: 1 }, body: Buffer.from('z') },
      { header: { name: 'link', type: 'symlink', linkname: 'etc/hosts' } },
      { header: { name: 'hard', type: 'link', linkname: 'etc/hosts' } },
    ]);
    for (const chunk of [tar.length, 1, 511, 513]) {
      const seen = scan(tar, chunk);
      assert.deepEqual(seen.map((h) => [h.name, h.typeflag, h.size]), [
        ['etc/', '5', 0], ['etc/hosts', '0', 700], [deep, '0', 3], [flat, '0', 1], ['link', '2', 0], ['hard', '1', 0],
      ]);
      assert.deepEqual([seen[1].mode, seen[1].uid, seen[1].gid], [0o644, 1000, 1001]);
      assert.equal(seen[4].linkname, 'etc/hosts');
    }
  });

  it('reads GNU long names and link names, base-256 sizes, and the ustar prefix', () => {
    const longName = `${'n'.repeat(200)}/file`;
    const longLink = `${'t'.repeat(180)}`;
    const big = 2 ** 33 + 5; // more than octal's 8 GiB: GNU writes base-256
    const tar = Buffer.concat([
      rawHeader({ name: '././@LongLink', type: 'L', size: longName.length + 1, magic: 'gnu' }), pad(Buffer.from(`${longName}\0`)),
      rawHeader({ name: 'truncated-name', type: '0', size: 0, magic: 'gnu' }),
      rawHeader({ name: '././@LongLink', type: 'K', size: longLink.length, magic: 'gnu' }), pad(Buffer.from(longLink)),
      rawHeader({ name: 'sym', type: '2', linkname: 'short', magic: 'gnu' }),
      rawHeader({ name: 'name.txt', type: '0', prefix: 'some/prefix', size: 0 }),
      rawHeader({ name: 'huge', type: '0', size: big, base256Size: true, magic: 'gnu' }),
    ]);
    const seen: TarHeader[] = [];
    const scanner = new TarScanner((h) => seen.push(headerOf(h)));
    scanner.push(tar);
    assert.deepEqual(seen.map((h) => [h.name, h.linkname, h.size]), [
      [longName, '', 0], ['sym', longLink, 0], ['some/prefix/name.txt', '', 0], ['huge', '', big],
    ]);
  });

  it('applies PAX records (path, linkpath, size) to the next entry, global ones to all', () => {
    const global = Buffer.from(record('uid', '4242'));
    const local = Buffer.from(record('path', 'päx/ñame') + record('size', '5'));
    const tar = Buffer.concat([
      rawHeader({ name: 'pax_global_header', type: 'g', size: global.length }), pad(global),
      rawHeader({ name: 'PaxHeaders/x', type: 'x', size: local.length }), pad(local),
      rawHeader({ name: 'ignored', type: '0', size: 0 }), pad(Buffer.from('12345')),
      rawHeader({ name: 'plain', type: '0', size: 0 }),
      end,
    ]);
    const seen = scan(tar, 100);
    // Names are raw bytes (latin1 strings); displayName decodes them.
    assert.deepEqual(seen.map((h) => [displayName(h.name), h.size, h.uid]), [['päx/ñame', 5, 4242], ['plain', 0, 4242]]);
  });

  it('picks a name and a link target by the same ladder: GNU long record, PAX record, global PAX, header', () => {
    const gnu = (type: 'L' | 'K', text: string) => [
      rawHeader({ name: '././@LongLink', type, size: text.length + 1, magic: 'gnu' }), pad(Buffer.from(`${text}\0`)),
    ];
    const pax = (type: 'x' | 'g', records: string) => [rawHeader({ name: 'PaxHeaders/x', type, size: Buffer.byteLength(records) }), pad(Buffer.from(records))];
    const symlink = (name: string) => rawHeader({ name, type: '2', linkname: `${name}-target` });
    const tar = Buffer.concat([
      ...pax('x', record('path', 'pax-a') + record('linkpath', 'pax-a-target')), ...gnu('L', 'gnu-a'), ...gnu('K', 'gnu-a-target'), symlink('a'),
      ...pax('x', record('path', 'pax-b') + record('linkpath', 'pax-b-target')), symlink('b'),
      symlink('c'),
      ...pax('g', record('path', 'global') + record('linkpath', 'global-target')),
      ...pax('x', record('linkpath', 'pax-d-target')), symlink('d'),
      ...gnu('K', 'gnu-e-target'), symlink('e'),
      ...gnu('L', 'gnu-f'), ...pax('x', record('path', 'pax-f')), symlink('f'),
      symlink('g'),
      end,
    ]);
    for (const chunk of [tar.length, 1, 700]) {
      assert.deepEqual(scan(tar, chunk).map((h) => [h.name, h.linkname]), [
        ['gnu-a', 'gnu-a-target'], ['pax-b', 'pax-b-target'], ['c', 'c-target'],
        ['global', 'pax-d-target'], ['global', 'gnu-e-target'], ['gnu-f', 'global-target'], ['global', 'global-target'],
      ]);
    }
  });

  it('rejects a bad checksum and a cut entry; a missing end marker after complete entries is only reported', () => {
    const good = Buffer.concat([rawHeader({ name: 'f', type: '0', size: 600 }), pad(Buffer.alloc(600, 7)), end]);
    const bad = Buffer.from(good);
    bad[10] = 0x41;
    assert.throws(() => scan(bad), (e: unknown) => e instanceof TarFormatError && e.kind === 'notTar' && /bad header checksum/.test(e.message));
    assert.throws(() => scan(good.subarray(0, 800)), (e: unknown) => e instanceof TarFormatError && e.kind === 'truncated' && /middle of an entry/.test(e.message));
    const unended = new TarScanner(() => undefined);
    unended.push(good.subarray(0, 1536));
    assert.equal(unended.end(1536), false);
    const ended = new TarScanner(() => undefined);
    ended.push(good);
    assert.equal(ended.end(good.length), true);
    const paxOnly = new TarScanner(() => undefined);
    paxOnly.push(rawHeader({ name: 'PaxHeaders/x', type: 'x', size: 0 }));
    assert.throws(() => paxOnly.end(512), (e: unknown) => e instanceof TarFormatError && e.kind === 'truncated');
    assert.deepEqual(scan(good).map((h) => h.name), ['f']);
    assert.deepEqual(scan(Buffer.alloc(0)), []);
  });
});
