// Every failure leaves the Engine layer as an EngineError a person can act on.
import * as assert from 'node:assert/strict';
import { EngineError } from '../../../src/docker/engine';
import { toEngineError } from '../../../src/docker/errors';

const SOCK = 'unix:///var/run/docker.sock';
const errno = (code: string, message = `connect ${code} /var/run/docker.sock`) => Object.assign(new Error(message), { code });
/** What docker-modem rejects with for an HTTP error status. */
const http = (statusCode: number, json: unknown) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - x `), { statusCode, json, reason: 'unexpected' });

describe('docker/errors: toEngineError', () => {
  it('a missing socket gives the actionable "not reachable" message', () => {
    const e = toEngineError(errno('ENOENT'), SOCK, 'list images');
    assert.equal(e.code, 'unreachable');
    assert.equal(e.message, 'Docker engine not reachable at unix:///var/run/docker.sock (ENOENT). Start Docker or set layerscope.host.');
    assert.equal(e.endpoint, SOCK);
    assert.match(e.detail ?? '', /connect ENOENT/);
  });

  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH']) {
    it(`${code} is unreachable`, () => {
      const e = toEngineError(errno(code), 'tcp://h:2375', 'ping the engine');
      assert.equal(e.code, 'unreachable');
      assert.equal(e.message, `Docker engine not reachable at tcp://h:2375 (${code}). Start Docker or set layerscope.host.`);
    });
  }

  it('EACCES on the socket suggests the docker group', () => {
    const e = toEngineError(errno('EACCES'), SOCK, 'list images');
    assert.equal(e.code, 'permission');
    assert.match(e.message, /^Permission denied on unix:\/\/\/var\/run\/docker\.sock \(EACCES\)\. Add your user to the docker group/);
    assert.match(e.message, /usermod -aG docker/);
  });

  it('certificate and handshake failures point at the certificates', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) {
      const e = toEngineError(Object.assign(new Error('self-signed certificate in certificate chain'), { code }), 'tcp://h:2376', 'ping');
      assert.equal(e.code, 'config', code);
      assert.match(e.message, new RegExp(`^TLS with tcp://h:2376 failed \\(${code}: .*\\)\\. Check the certificates in DOCKER_CERT_PATH`));
    }
  });

  it('a code only inside the message text still counts', () => {
    assert.equal(toEngineError(new Error('connect ECONNREFUSED 127.0.0.1:2375'), 'tcp://127.0.0.1:2375', 'x').code, 'unreachable');
  });

  it('404 keeps the engine\'s words, once (engine 20.10 doubles them)', () => {
    const e = toEngineError(http(404, { message: 'no such image: x:1: No such image: x:1' }), SOCK, 'inspect image x:1');
    assert.equal(e.code, 'notFound');
    assert.equal(e.statusCode, 404);
    assert.equal(e.message, 'No such image: x:1');
  });

  it('404 without a body names what was looked for', () => {
    const e = toEngineError(Object.assign(new Error('(HTTP code 404) no such'), { statusCode: 404 }), SOCK, 'inspect container abc');
    assert.equal(e.message, 'Not found: inspect container abc.');
  });

  it('409 carries the engine\'s conflict message', () => {
    const msg = 'conflict: unable to delete 0eac58302efc (must be forced) - image is being used by stopped container 6d24ea6b634d';
    const e = toEngineError(http(409, { message: msg }), SOCK, 'remove image x');
    assert.equal(e.code, 'conflict');
    assert.equal(e.message, 'Conflict: unable to delete 0eac58302efc (must be forced) - image is being used by stopped container 6d24ea6b634d');
  });

  it('400 is badRequest; 500 says what failed and the engine\'s reason', () => {
    assert.equal(toEngineError(http(400, { message: 'invalid reference format' }), SOCK, 'tag x').code, 'badRequest');
    const e = toEngineError(http(500, { message: 'driver failed' }), SOCK, 'read disk usage');
    assert.equal(e.code, 'server');
    assert.equal(e.message, 'The engine failed to read disk usage (HTTP 500): Driver failed');
  });

  it('a body that is a Buffer or a string is read too', () => {
    assert.equal(toEngineError(http(404, Buffer.from('page not found\n')), SOCK, 'x').message, 'Page not found');
    assert.equal(toEngineError(http(409, 'already paused'), SOCK, 'x').message, 'Already paused');
  });

  it('dockerode\'s fallback text is parsed when there is no json', () => {
    const raw = Object.assign(new Error('(HTTP code 404) no such container - No such container: abc '), { statusCode: 404 });
    assert.equal(toEngineError(raw, SOCK, 'inspect container abc').message, 'The container was removed (it no longer exists on the engine), so could not inspect container abc.');
  });

  it('a container that went while a picker was open is said in words, with the short ID', () => {
    const id = 'e8465c'.padEnd(64, 'a');
    const e = toEngineError(http(404, { message: `No such container: ${id}` }), SOCK, `start container ${id}`);
    assert.equal(e.code, 'notFound');
    assert.equal(e.message, 'The container was removed (it no longer exists on the engine), so could not start container e8465caaaaaa.');
  });

  it('aborts become "aborted", whatever threw them', () => {
    assert.equal(toEngineError(new DOMException('This operation was aborted', 'AbortError'), SOCK, 'save x').code, 'aborted');
    assert.equal(toEngineError(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }), SOCK, 'save x').message, 'Cancelled: save x.');
  });

  it('an untrusted SSH host key and a passphrase-protected key say what to do', () => {
    const host = toEngineError(Object.assign(new Error('Host denied (verification failed)'), { level: 'handshake' }), 'ssh://u@h', 'ping');
    assert.equal(host.code, 'permission');
    assert.match(host.message, /^The SSH host key of ssh:\/\/u@h is not trusted: it is missing from ~\/\.ssh\/known_hosts or has changed\./);
    const locked = toEngineError(new Error('Cannot parse privateKey: Encrypted private key detected, but no passphrase given'), 'ssh://u@h', 'ping');
    assert.match(locked.message, /has a passphrase\. Add it to ssh-agent/);
  });

  it('ssh authentication and transport failures', () => {
    const auth = toEngineError(Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }), 'ssh://u@h', 'ping');
    assert.equal(auth.code, 'permission');
    assert.match(auth.message, /SSH authentication to ssh:\/\/u@h failed/);
    assert.equal(toEngineError(Object.assign(new Error('boom'), { level: 'client-socket' }), 'ssh://u@h', 'ping').code, 'unreachable');
    assert.equal(toEngineError(new Error('socket hang up'), SOCK, 'ping').code, 'unreachable');
  });

  it('an EngineError passes through unchanged; anything else is a server error with the operation', () => {
    const original = new EngineError('config', 'bad', '');
    assert.equal(toEngineError(original, SOCK, 'x'), original);
    const e = toEngineError('weird', SOCK, 'list images');
    assert.equal(e.code, 'server');
    assert.equal(e.message, 'List images failed: weird');
  });
});
