import * as assert from 'node:assert/strict';
import { defaultChoices, parseEnv, parsePorts, parseVolumes, splitCommand, toRunSpec } from '../../../src/model/runForm';

describe('model/runForm', () => {
  it('splits a command line like a shell: quotes group words, backslash escapes', () => {
    assert.deepEqual(splitCommand('sh -c "echo hello world" \'a b\' c\\ d'), ['sh', '-c', 'echo hello world', 'a b', 'c d']);
    assert.deepEqual(splitCommand('  '), []);
    assert.deepEqual(splitCommand('echo ""'), ['echo', '']);
    assert.throws(() => splitCommand('echo "open'), /Unclosed "/);
  });

  it('parses env, ports and volumes, and says what is wrong', () => {
    assert.deepEqual(parseEnv('A=1, B=x=y\nC='), ['A=1', 'B=x=y', 'C=']);
    assert.throws(() => parseEnv('1A=2'), /Not an environment variable: '1A=2'/);
    assert.deepEqual(parsePorts('8080:80, 127.0.0.1:9000:9000/udp, 443, :53/udp'), [
      { container: '80/tcp', host: '8080' }, { container: '9000/udp', host: '9000', hostIp: '127.0.0.1' },
      { container: '443/tcp', host: '' }, { container: '53/udp', host: '' }]);
    assert.throws(() => parsePorts('80:http'), /Not a port mapping/);
    assert.deepEqual(parseVolumes('data:/data, /host/x:/mnt:ro'), ['data:/data', '/host/x:/mnt:ro']);
    assert.throws(() => parseVolumes('data'), /Not a volume mount/);
  });

  it('builds the RunSpec from the remembered texts', () => {
    const spec = toRunSpec('app:1', { ...defaultChoices('none'), name: 'web', command: 'sleep 30', env: 'A=1' }, false);
    assert.deepEqual(spec, { image: 'app:1', name: 'web', command: ['sleep', '30'], env: ['A=1'], ports: [], volumes: [], network: 'none', autoRemove: true, interactive: false });
    assert.throws(() => toRunSpec('app:1', { ...defaultChoices(''), name: 'bad name' }, false), /Not a container name/);
  });
});
