import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('ExposeProtoCasing', () => {
  it('ExposeProtoCasing fires on uppercase protocols with a fix', () => {
    const text = ['FROM a:1', 'EXPOSE 80/TCP 53/udp'];
    const fs = findings('ExposeProtoCasing', text);
    assert.deepEqual(lines(fs), [2]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nEXPOSE 80/tcp 53/udp\n');
  });
  it('does not fire on lowercase protocols or bare ports', () => {
    assert.deepEqual(findings('ExposeProtoCasing', ['FROM a:1', 'EXPOSE 80 443/tcp 53/udp']), []);
  });
});
