// The events stream parser: values survive any chunking, bad lines are reported and skipped.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NdjsonParser } from '../../../src/docker/ndjson';

function parse(chunks: (string | Buffer)[]): { values: unknown[]; bad: string[] } {
  const values: unknown[] = [];
  const bad: string[] = [];
  const p = new NdjsonParser((v) => values.push(v), (line) => bad.push(line));
  for (const c of chunks) p.push(c);
  p.end();
  return { values, bad };
}

describe('docker/ndjson: NdjsonParser', () => {
  it('splits lines across chunk boundaries', () => {
    const { values } = parse(['{"Type":"cont', 'ainer","Action":"start"}\n{"a"', ':1}\n']);
    assert.deepEqual(values, [{ Type: 'container', Action: 'start' }, { a: 1 }]);
  });

  it('joins a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('{"name":"café ☕"}\n');
    const cut = bytes.indexOf(0xe2) + 1; // inside the 3-byte ☕
    assert.deepEqual(parse([bytes.subarray(0, cut), bytes.subarray(cut)]).values, [{ name: 'café ☕' }]);
  });

  it('ignores blank lines and CRLF, and emits a last line without a newline at end()', () => {
    assert.deepEqual(parse(['\n{"a":1}\r\n\r\n', '{"b":2}']).values, [{ a: 1 }, { b: 2 }]);
  });

  it('reports a bad line and keeps going', () => {
    const { values, bad } = parse(['{"a":1}\nnot json\n{"b":2}\n']);
    assert.deepEqual(values, [{ a: 1 }, { b: 2 }]);
    assert.deepEqual(bad, ['not json']);
  });

  it('any chunking of a stream gives the same values (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.jsonValue(), { maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (docs, cuts) => {
        const bytes = Buffer.from(docs.map((d) => JSON.stringify(d) + '\n').join(''));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let last = 0;
        for (const p of points) { chunks.push(bytes.subarray(last, p)); last = p; }
        chunks.push(bytes.subarray(last));
        const { values, bad } = parse(chunks);
        assert.deepEqual(bad, []);
        assert.deepEqual(values, docs.map((d) => JSON.parse(JSON.stringify(d))));
      },
    ));
  });
});
