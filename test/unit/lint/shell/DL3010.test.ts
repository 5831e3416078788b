import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3010', () => {
  it('fires on a COPY of an archive that a later RUN extracts', () => {
    assert.deepEqual(lines(findings('DL3010', ['FROM a:1', 'COPY app.tar.gz /src/', 'RUN tar -xzf /src/app.tar.gz -C /opt'])), [2]);
    assert.deepEqual(lines(findings('DL3010', ['FROM a:1', 'COPY dist/app.tgz /tmp/pkg.tgz', 'WORKDIR /tmp', 'RUN make && tar xzf pkg.tgz'])), [2]);
    assert.deepEqual(lines(findings('DL3010', ['COPY build\\\\out\\\\bin.tar "C:\\\\Program Files\\\\x"', 'RUN tar --extract --file "C:\\\\Program Files\\\\x\\\\bin.tar"'])), [1]);
  });
  it('does not fire without an extract, for non-archives, COPY --from, or an extract in another stage', () => {
    assert.deepEqual(findings('DL3010', ['FROM a:1', 'COPY app.tar /src/', 'RUN tar -tf /src/app.tar']), []);
    assert.deepEqual(findings('DL3010', ['FROM a:1', 'COPY package.json /src/', 'RUN tar -xf package.json']), []);
    assert.deepEqual(findings('DL3010', ['FROM a:1 AS b', 'FROM a:1', 'COPY --from=b /x/app.tar /app.tar', 'RUN tar -xf /app.tar']), []);
    assert.deepEqual(findings('DL3010', ['FROM a:1', 'COPY app.tar /src/', 'FROM a:1', 'RUN tar -xf /src/app.tar']), []);
  });
  it('knows an archive by its name as written with Windows separators, source or destination', () => {
    assert.deepEqual(lines(findings('DL3010', ['COPY dist\\pkg\\tools.tgz "C:\\Tools"', 'RUN tar -xzf "C:\\Tools\\tools.tgz"'])), [1]);
    assert.deepEqual(lines(findings('DL3010', ['COPY dist\\pkg\\tools.tgz "C:\\Tools\\t.tgz"', 'WORKDIR C:/Tools', 'RUN tar -xzf t.tgz'])), [1]);
    assert.deepEqual(findings('DL3010', ['COPY dist\\pkg\\tools.tgz "C:\\Tools"', 'RUN tar -xzf other.tgz']), []);
  });
});
