// OpenSSH known_hosts, enough to decide whether an ssh:// engine's host key is the one the person
// accepted before (ssh2, under dockerode, accepts any key unless told otherwise; for an endpoint that
// grants root on the remote machine, that is not acceptable). Pure: text in, verdict out.
import { createHmac } from 'node:crypto';

interface Entry {
  marker?: string;
  /** Plain patterns (`host`, `[host]:2222`, `*.example.com`, `!bad.example.com`). */
  patterns: string[];
  /** `|1|salt|hash` entries: HMAC-SHA1 of the name keyed by the salt. */
  hashed?: { salt: Buffer; hash: string };
  key: string;
}

export type HostKeyVerdict = 'trusted' | 'unknown' | 'changed' | 'revoked';

export function parseKnownHosts(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const raw of text.split('\n')) {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) continue;
    const marker = fields[0].startsWith('@') ? fields.shift()!.slice(1) : undefined;
    const [hosts, , key] = fields;
    if (!hosts || !key) continue;
    const hashedMatch = /^\|1\|([^|]+)\|(.+)$/.exec(hosts);
    entries.push(hashedMatch
      ? { marker, patterns: [], hashed: { salt: Buffer.from(hashedMatch[1], 'base64'), hash: hashedMatch[2] }, key }
      : { marker, patterns: hosts.split(','), key });
  }
  return entries;
}

/** The name ssh looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function checkHostKey(entries: Entry[], host: string, port: number, keyBase64: string): HostKeyVerdict {
  const name = knownHostName(host, port);
  const applicable = entries.filter((e) => matches(e, name));
  if (applicable.some((e) => e.marker === 'revoked' && e.key === keyBase64)) return 'revoked';
  const plain = applicable.filter((e) => !e.marker);
  if (plain.some((e) => e.key === keyBase64)) return 'trusted';
  return plain.length ? 'changed' : 'unknown';
}

function matches(entry: Entry, name: string): boolean {
  if (entry.hashed) {
    return createHmac('sha1', entry.hashed.salt).update(name).digest('base64') === entry.hashed.hash;
  }
  let matched = false;
  for (const pattern of entry.patterns) {
    const negated = pattern.startsWith('!');
    if (!glob(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function glob(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\[/g, '\\[').replace(/\]/g, '\\]')
    .replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}
