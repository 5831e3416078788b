// The explorer's first lists before the engine client has loaded: plain GETs of the same Engine API
// over the local socket (unix socket or named pipe) the connection already resolved, negotiated and
// mapped as the dockerode adapter does (apiVersion.ts, mapping.ts). The version is not asked first:
// the engine names the version that answered an unversioned request in its `API-Version` header,
// and `GET /version` is slow (profiled: 70–190 ms on the test engine, against 10–40 ms for the
// image list, because it asks containerd too). Only the happy path lives here:
// any failure rejects, and the caller (lazyEngine.ts) asks the full adapter instead, whose errors
// are the ones people see. TCP, TLS and SSH engines always go through the adapter.
import * as http from 'node:http';
import type { ContainerSummary, ImageSummary } from '../model/types';
import { chooseApiVersion } from './apiVersion';
import type { Connection } from './connection';
import type { Engine, ListImagesOptions } from './engine';
import { mapContainer, mapImage } from './mapping';

export type QuickLists = Pick<Engine, 'listImages' | 'listContainers'>;

/** The quick lists for a local-socket connection; undefined for any other kind of engine. */
export function quickLists(connection: Connection): QuickLists | undefined {
  const options = connection.options;
  if (!options || !('socketPath' in options)) return undefined;
  const get = (path: string, signal?: AbortSignal) => getJson(options.socketPath, path, signal);
  let version: Promise<string> | undefined;
  /**
   * Before the version is known, the request goes without one: when the version that answered is
   * the one we would choose (the engine's is not above ours), that answer is the versioned one.
   * Otherwise (or with no header) the version is negotiated as the adapter does, and asked again.
   */
  const versioned = async (path: string, signal?: AbortSignal): Promise<unknown> => {
    if (!version) {
      const first = await get(path, signal);
      const answeredBy = first.apiVersion && chooseApiVersion(first.apiVersion);
      if (answeredBy && answeredBy === first.apiVersion) {
        version ??= Promise.resolve(answeredBy);
        return first.body;
      }
      if (answeredBy) version ??= Promise.resolve(answeredBy);
    }
    version ??= get('/version').then((v) => chooseApiVersion((v.body as { ApiVersion?: unknown } | undefined)?.ApiVersion));
    version.catch(() => { version = undefined; });
    return (await get(`/v${await version}${path}`, signal)).body;
  };
  return {
    async listImages(o: ListImagesOptions, signal?: AbortSignal): Promise<ImageSummary[]> {
      const query = new URLSearchParams();
      if (o.all) query.set('all', '1');
      if (o.dangling) query.set('filters', JSON.stringify({ dangling: ['true'] }));
      const q = query.toString();
      return asArray(await versioned(`/images/json${q ? `?${q}` : ''}`, signal)).map(mapImage);
    },
    async listContainers(o: { all: boolean }, signal?: AbortSignal): Promise<ContainerSummary[]> {
      const raw = asArray(await versioned(`/containers/json${o.all ? '?all=1' : ''}`, signal));
      const readAt = Date.now();
      return raw.map((c) => mapContainer(c, readAt));
    },
  };
}

function asArray(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new Error('not a list');
  return v;
}

interface Answer {
  body: unknown;
  /** The Engine API version that answered (the `API-Version` header), if the engine said. */
  apiVersion?: string;
}

/** The JSON body of a 200 answer; anything else rejects. */
function getJson(socketPath: string, path: string, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // `servername: ''`: no TLS name to work out, which would test the host for an IP address with
    // regular expressions that V8 compiles on first use (7–12 ms of the first rows, profiled).
    const options: http.RequestOptions & { servername: string } = { socketPath, path, agent: false, signal, servername: '', headers: { Accept: 'application/json' } };
    const req = http.get(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for ${path}`));
        const header = res.headers['api-version'];
        try {
          resolve({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), apiVersion: typeof header === 'string' && header ? header : undefined });
        } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
  });
}
