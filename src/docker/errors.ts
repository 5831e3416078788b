// Turns whatever dockerode, node's http/net or ssh2 threw into an EngineError whose message says
// what happened and what to do about it. Pure: unit-tested without an engine.
import { EngineError } from './engine';

const UNREACHABLE_CODES = new Set([
  'ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'ETIMEDOUT', 'ECONNABORTED', 'ENOTSOCK', 'ENOTDIR', 'ESOCKETTIMEDOUT',
]);
const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);
/** Node's certificate and handshake failures (an untrusted CA, a wrong host name, a rejected client cert). */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_OSSL_)/;

interface RawError {
  name?: string;
  code?: string;
  message?: string;
  statusCode?: number;
  json?: unknown;
  level?: string; // ssh2: 'client-authentication', 'client-socket', ...
}

/**
 * @param err     what was thrown
 * @param endpoint where we talked to, e.g. unix:///var/run/docker.sock
 * @param what    the operation in a person's words, e.g. "remove image x:1"
 */
export function toEngineError(err: unknown, endpoint: string, what: string): EngineError {
  if (err instanceof EngineError) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as RawError;
  const detail = e.message ?? String(err);

  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') {
    return new EngineError('aborted', `Cancelled: ${what}.`, endpoint, undefined, detail);
  }
  if (typeof e.statusCode === 'number') return fromStatus(e.statusCode, engineMessage(e), endpoint, what, detail);

  const code = e.code ?? /\b(E[A-Z]{3,})\b/.exec(detail)?.[1];
  if (code && TLS_CODE.test(code)) {
    return new EngineError('config',
      `TLS with ${endpoint} failed (${code}: ${detail}). Check the certificates in DOCKER_CERT_PATH ` +
      '(ca.pem, cert.pem, key.pem) or the docker context, or set layerscope.host.',
      endpoint, undefined, detail);
  }
  if (code && PERMISSION_CODES.has(code)) {
    return new EngineError('permission',
      `Permission denied on ${endpoint} (${code}). Add your user to the docker group ` +
      '(`sudo usermod -aG docker $USER`, then log in again) or set layerscope.host.',
      endpoint, undefined, detail);
  }
  if (code && UNREACHABLE_CODES.has(code)) return unreachable(endpoint, code, detail);
  if (/Host denied \(verification failed\)/.test(detail)) {
    return new EngineError('permission',
      `The SSH host key of ${endpoint} is not trusted: it is missing from ~/.ssh/known_hosts or has changed. ` +
      `Connect once with ssh in a terminal to check and accept it, then retry.`,
      endpoint, undefined, detail);
  }
  if (/Encrypted private key detected/i.test(detail)) {
    return new EngineError('permission',
      `Your SSH key for ${endpoint} has a passphrase. Add it to ssh-agent (ssh-add) so SSH_AUTH_SOCK can use it, then retry.`,
      endpoint, undefined, detail);
  }
  if (e.level === 'client-authentication') {
    return new EngineError('permission',
      `SSH authentication to ${endpoint} failed. Load your key into ssh-agent (SSH_AUTH_SOCK) or set layerscope.host.`,
      endpoint, undefined, detail);
  }
  if (e.level?.startsWith('client-') || /socket hang up|other side closed/i.test(detail)) {
    return unreachable(endpoint, e.level ?? 'connection closed', detail);
  }
  return new EngineError('server', `${capitalize(what)} failed: ${detail}`, endpoint, undefined, detail);
}

export function unreachable(endpoint: string, why: string, detail?: string): EngineError {
  return new EngineError('unreachable',
    `Docker engine not reachable at ${endpoint} (${why}). Start Docker or set layerscope.host.`,
    endpoint, undefined, detail);
}

function fromStatus(status: number, message: string, endpoint: string, what: string, detail: string): EngineError {
  const said = message ? capitalize(message) : '';
  switch (status) {
    case 404: return new EngineError('notFound', goneText(message, what) ?? (said || `Not found: ${what}.`), endpoint, status, detail);
    case 409: return new EngineError('conflict', said || `Conflict: ${what}.`, endpoint, status, detail);
    case 400: return new EngineError('badRequest', said || `The engine rejected the request to ${what}.`, endpoint, status, detail);
    case 401:
    case 403: return new EngineError('permission', said || `The engine refused to ${what} (HTTP ${status}).`, endpoint, status, detail);
    default: return new EngineError('server',
      `The engine failed to ${what} (HTTP ${status})${said ? `: ${said}` : '.'}`, endpoint, status, detail);
  }
}

/**
 * "No such container: e8465c…" in words: the object was there when it was shown (a row, a picker)
 * and went since. IDs are cut to the 12 digits people see.
 */
function goneText(message: string, what: string): string | undefined {
  // Containers only: people pick them from what was shown; an image or volume may be a name typed wrong.
  const kind = /^no such (container)\b/i.exec(message)?.[1]?.toLowerCase();
  return kind && `The ${kind} was removed (it no longer exists on the engine), so could not ${what.replace(/\b(?:sha256:)?([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1')}.`;
}

/** The daemon's own words: `{"message": "..."}` in the body (dockerode keeps it in `json`). */
function engineMessage(e: RawError): string {
  const json = e.json;
  let text = '';
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    text = (json as { message: string }).message;
  } else if (typeof json === 'string') {
    text = json;
  } else if (Buffer.isBuffer(json)) {
    text = json.toString('utf8');
  } else {
    // dockerode's fallback text: "(HTTP code 404) no such container - No such container: x "
    text = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(e.message ?? '')?.[1] ?? '';
  }
  return undoubled(text.trim());
}

/** Engine 20.10 says "no such image: x:1: No such image: x:1"; keep one copy. */
function undoubled(text: string): string {
  for (let i = text.indexOf(': '); i >= 0; i = text.indexOf(': ', i + 1)) {
    const right = text.slice(i + 2);
    if (text.slice(0, i).toLowerCase() === right.toLowerCase()) return right;
  }
  return text;
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
