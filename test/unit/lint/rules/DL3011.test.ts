import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3011', () => {
  it('fires on ports above 65535 (also in ranges and with protocols)', () => {
    assert.deepEqual(lines(findings('DL3011', ['FROM a:1', 'EXPOSE 70000', 'EXPOSE 80-65536/tcp'])), [2, 3]);
  });
  it('does not fire on valid ports or variables', () => {
    assert.deepEqual(findings('DL3011', ['FROM a:1', 'EXPOSE 0 80 65535/udp 8000-8010', 'EXPOSE $PORT']), []);
  });
});
