import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('ExposeInvalidFormat', () => {
  it('ExposeInvalidFormat fires on IPs and host mappings only', () => {
    assert.deepEqual(lines(findings('ExposeInvalidFormat', ['FROM a:1', 'EXPOSE 127.0.0.1:80:80', 'EXPOSE 8080:80/tcp', 'EXPOSE 80 443/tcp'])), [2, 3]);
  });
  it('does not fire on ports, ranges and protocols', () => {
    assert.deepEqual(findings('ExposeInvalidFormat', ['FROM a:1', 'EXPOSE 80 8000-8010/udp 443/tcp $PORT']), []);
  });
});
