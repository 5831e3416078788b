// A bounded on-disk cache of ImageInsight per image ID (Node only; no vscode). The editor glue
// passes the extension's global storage folder; the CLI may pass any folder.
//
// Contract (stable): new InsightCache(dir, maxEntries = 50)
//   get(imageId) → Promise<ImageInsight | undefined>   (undefined: absent, unreadable, other version)
//   put(insight) → Promise<void>                        (evicts the least recently used beyond maxEntries)
//   delete(imageId), clear()
//   loadInsight(cache, imageId, analyze) → the cached summary, or analyze() once, summarised and stored
// An image ID names immutable content, so an entry never goes stale; only the summary format can
// change, and an entry of another INSIGHT_VERSION is ignored and removed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImageAnalysis } from '../../analysis/types';
import { INSIGHT_VERSION, summarize } from '../summary';
import type { ImageInsight } from '../types';

const fileName = (imageId: string): string | undefined => {
  const hex = /^(?:sha256:)?([a-f0-9]{12,64})$/.exec(imageId.trim())?.[1];
  return hex ? `${hex}.insight.json` : undefined;
};

export class InsightCache {
  /** Reads that found an entry (for tests and the bench). */
  hits = 0;
  misses = 0;

  constructor(readonly dir: string, readonly maxEntries = 50) {}

  async get(imageId: string): Promise<ImageInsight | undefined> {
    const name = fileName(imageId);
    if (!name) return undefined;
    const file = path.join(this.dir, name);
    try {
      const value = JSON.parse(await fs.readFile(file, 'utf8')) as ImageInsight;
      if (value?.version !== INSIGHT_VERSION || value.id.replace(/^sha256:/, '') !== imageId.replace(/^sha256:/, '')) {
        await fs.rm(file, { force: true });
        this.misses++;
        return undefined;
      }
      const now = new Date();
      await fs.utimes(file, now, now).catch(() => undefined); // most recently used
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  async put(insight: ImageInsight): Promise<void> {
    const name = fileName(insight.id);
    if (!name) return;
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(insight));
    await fs.rename(tmp, file);
    await this.evict();
  }

  async delete(imageId: string): Promise<void> {
    const name = fileName(imageId);
    if (name) await fs.rm(path.join(this.dir, name), { force: true });
  }

  async clear(): Promise<void> {
    for (const f of await this.entries()) await fs.rm(f.file, { force: true });
  }

  private async entries(): Promise<{ file: string; mtime: number }[]> {
    let names: string[];
    try { names = await fs.readdir(this.dir); } catch { return []; }
    const out: { file: string; mtime: number }[] = [];
    for (const n of names) {
      if (!n.endsWith('.insight.json')) continue;
      const file = path.join(this.dir, n);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat) out.push({ file, mtime: stat.mtimeMs });
    }
    return out;
  }

  private async evict(): Promise<void> {
    const all = await this.entries();
    if (all.length <= this.maxEntries) return;
    all.sort((a, b) => a.mtime - b.mtime);
    for (const e of all.slice(0, all.length - this.maxEntries)) await fs.rm(e.file, { force: true });
  }
}

/**
 * The summary of `imageId`: from the cache when present (no image read at all), else from
 * `analyze()` (the deep analysis: one save stream), summarised and stored for next time.
 */
export async function loadInsight(cache: InsightCache, imageId: string, analyze: () => Promise<ImageAnalysis>): Promise<ImageInsight> {
  const cached = await cache.get(imageId);
  if (cached) return cached;
  const insight = summarize(await analyze());
  await cache.put(insight);
  return insight;
}
