// DL3020's quick fix: must apply where COPY means the same, must not where ADD would download or unpack.
import { strict as assert } from 'node:assert';
import { applyFix, findings } from '../helpers';
import { harmOfFix } from '../../../../src/lint/fixcheck';

const fixOf = (text: string[], readFile?: (p: string) => string | undefined) => {
  const [f] = findings('DL3020', text, { readFile });
  return f?.fixes?.[0];
};

describe('lint/fixes: DL3020 ADD → COPY', () => {
  it('replaces the keyword of a plain local ADD, keeping flags, sources and letter case', () => {
    const text = ['FROM alpine:3.19', 'ADD --chown=app:app src/ config.json /app/', 'add run.sh /usr/local/bin/'];
    const fs = findings('DL3020', text);
    assert.equal(fs.length, 2);
    assert.ok(fs.every((f) => f.fixes?.[0]?.preferred));
    assert.equal(applyFix(text, fs[0]), 'FROM alpine:3.19\nCOPY --chown=app:app src/ config.json /app/\nadd run.sh /usr/local/bin/\n');
    assert.equal(applyFix(text, fs[1]), 'FROM alpine:3.19\nADD --chown=app:app src/ config.json /app/\ncopy run.sh /usr/local/bin/\n');
    const src = text.join('\n') + '\n';
    for (const f of fs) assert.deepEqual(harmOfFix(src, 'DL3020', f.fixes![0]), []);
    assert.deepEqual(findings('DL3020', applyFix(text, fs[0]).split('\n').slice(0, -1)).length, 1, 'one finding left');
  });

  it('offers nothing for URLs, archive names, variables or ADD-only flags', () => {
    for (const line of ['ADD https://example.com/a.txt /a.txt', 'ADD rootfs.tar.gz /', 'ADD $SRC /app/', 'ADD --checksum=sha256:abc local.txt /x']) {
      assert.equal(fixOf(['FROM alpine:3.19', line]), undefined, line);
    }
  });

  it('offers nothing when the source, whatever its name, is a tar or compressed file ADD would unpack', () => {
    const tar = 'x'.repeat(257) + 'ustar' + '\0'.repeat(10);
    const files: Record<string, string> = { rootfs: tar, 'data.bin': '\u001f\ufffd\b\0', 'notes.txt': 'hello' };
    const read = (p: string) => files[p];
    assert.equal(fixOf(['FROM scratch', 'ADD rootfs /'], read), undefined);
    assert.equal(fixOf(['FROM scratch', 'ADD data.bin /'], read), undefined);
    assert.ok(fixOf(['FROM scratch', 'ADD notes.txt /'], read));
  });
});
