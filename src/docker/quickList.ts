// The explorer's first lists before the engine client has loaded: plain GETs of the same Engine API
// over the local socket (unix socket or named pipe) the connection already resolved, negotiated and
// mapped as the dockerode adapter does (apiVersion.ts, mapping.ts). Only the happy path lives here:
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
  const versioned = async (path: string, signal?: AbortSignal) => {
    version ??= get('/version').then((v) => chooseApiVersion((v as { ApiVersion?: unknown } | undefined)?.ApiVersion));
    version.catch(() => { version = undefined; });
    return get(`/v${await version}${path}`, signal);
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

/** The JSON body of a 200 answer; anything else rejects. */
function getJson(socketPath: string, path: string, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path, agent: false, signal, headers: { Accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for ${path}`));
        try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
  });
}
