import { strict as assert } from 'node:assert';
import { applyFix, findings } from '../helpers';

describe('DL4000', () => {
  it('fires, tagged deprecated, with a LABEL fix that quotes correctly', () => {
    const text = ['FROM a:1', 'MAINTAINER Jane "JD" Doe <jane@example.com>'];
    const [f] = findings('DL4000', text);
    assert.deepEqual(f.tags, ['deprecated']);
    assert.equal(applyFix(text, f), 'FROM a:1\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n');
  });
  it('does not fire on LABEL', () => {
    assert.deepEqual(findings('DL4000', ['FROM a:1', 'LABEL maintainer=me']), []);
  });
  it('quotes with the escape character of the file', () => {
    const text = ['# escape=`', 'FROM a:1', 'MAINTAINER C:\\me "x" `y` z'];
    const [f] = findings('DL4000', text);
    assert.equal(applyFix(text, f), '# escape=`\nFROM a:1\nLABEL org.opencontainers.image.authors="C:\\me `"x`" ``y`` z"\n');
  });
});
