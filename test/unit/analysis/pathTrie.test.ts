// The interned path tree: node numbers by raw name bytes, children in insertion order, the name cap.
import * as assert from 'node:assert/strict';
import { PathTrie } from '../../../src/analysis/pathTrie';
import { AnalysisError } from '../../../src/analysis/types';

function children(trie: PathTrie, node: number): string[] {
  const out: string[] = [];
  for (let c = trie.firstChild(node); c >= 0; c = trie.nextSibling(c)) out.push(trie.pathOf(c));
  return out;
}

describe('analysis: path trie', () => {
  it('gives one node per distinct path, its parents created, children in the order first seen', () => {
    const trie = new PathTrie(1 << 20);
    const a = trie.intern('usr/bin/b');
    const b = trie.intern('usr/bin/a');
    assert.equal(trie.intern('usr/bin/b'), a);
    assert.notEqual(a, b);
    assert.equal(trie.pathOf(a), 'usr/bin/b');
    const bin = trie.parents[a];
    assert.equal(trie.pathOf(bin), 'usr/bin');
    assert.deepEqual(children(trie, bin), ['usr/bin/b', 'usr/bin/a']);
    assert.equal(trie.size, 5); // root, usr, bin, b, a
  });

  it('keeps 100,000 names under one dir apart (the table grows) and finds each again', () => {
    const trie = new PathTrie(1 << 30);
    const ids = Array.from({ length: 100_000 }, (_, i) => trie.intern(`d/f${i}`));
    assert.equal(new Set(ids).size, 100_000);
    for (let i = 0; i < 100_000; i += 997) assert.equal(trie.intern(`d/f${i}`), ids[i]);
    assert.equal(trie.size, 100_002);
  });

  it('tells names apart by their bytes, shows invalid UTF-8 escaped, and keeps text past one byte per char as UTF-8', () => {
    const trie = new PathTrie(1 << 20);
    const latin1 = trie.intern('caf\xe9');                                 // byte 0xe9 alone: not UTF-8
    const utf8 = trie.intern(Buffer.from('café', 'utf8').toString('latin1')); // the same name in UTF-8 bytes
    assert.notEqual(latin1, utf8);
    assert.equal(trie.pathOf(latin1), 'caf\\xe9');
    assert.equal(trie.pathOf(utf8), 'café');
    const emoji = trie.intern('a/\u{1f600}');
    assert.equal(trie.pathOf(emoji), 'a/\u{1f600}');
    assert.notEqual(trie.intern('a/\u{1f601}'), emoji);
  });

  it('refuses more distinct name bytes than the cap, naming the flag', () => {
    const trie = new PathTrie(10);
    trie.intern('abcde');
    assert.throws(() => trie.intern('fghijk'), (e: unknown) => e instanceof AnalysisError && e.code === 'limit' && /--max-name-bytes/.test(e.message));
    assert.equal(trie.intern('abcde'), 1); // names already seen still resolve
  });

  it('interns raw bytes as the string form does, whatever the parent cache holds (more dirs than its slots)', () => {
    const trie = new PathTrie(1 << 30);
    const paths: string[] = [];
    for (let d = 0; d < 20_000; d++) paths.push(`top/d${d}/f`, `top/d${d}x/f`, `topd${d}/f`);
    paths.push('caf\xe9/n\xff', 'caf\xc3\xa9/n');
    const ids = paths.map((p) => trie.internBytes(Buffer.from(p, 'latin1'), 0, p.length));
    assert.equal(new Set(ids).size, paths.length);
    paths.forEach((p, i) => assert.equal(trie.intern(p), ids[i], p));
    assert.equal(trie.pathOf(ids[1]), 'top/d0x/f');
    assert.equal(trie.pathOf(ids.at(-1)!), 'café/n');
    // Inside a larger buffer, at an offset: the same nodes.
    const framed = Buffer.from(`//${paths[4]}//`, 'latin1');
    assert.equal(trie.internBytes(framed, 2, framed.length - 2), ids[4]);
  });

  it('reads a normalised path in one pass and refuses the others, which are split as they are', () => {
    const trie = new PathTrie(1 << 20);
    const read = (p: string): number => trie.readPath(Buffer.from(p, 'latin1'), 0, p.length);
    assert.equal(read('usr/lib/x.so'), 8);
    assert.equal(read('x'), 0);
    for (const odd of ['', '/etc', 'etc/', 'a//b', './a', 'a/./b', 'a/..', '..', 'a\0b']) assert.equal(read(odd), -1, JSON.stringify(odd));
    assert.equal(read('.hidden/..x/...'), 12);
    const odd = Buffer.from('a/./b', 'latin1');
    const node = trie.internBytes(odd, 0, odd.length);
    assert.equal(trie.pathOf(trie.parents[trie.parents[node]]), 'a');
    assert.equal(trie.pathOf(node), 'a/./b');
  });
});
