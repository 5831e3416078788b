// Pure: "shrink this image" — the changes that would save the most bytes, largest first, each with
// its Dockerfile line(s) and what to do, in plain words; and a Markdown table for pull requests.
//
// Contract (stable): savingsReport(insight, link?) → SavingsReport; savingsMarkdown(report, opts?) → string.
// Bytes are counted once: cache files a later layer deletes are in the cache item, not the
// write-then-delete item; same for folders a .dockerignore would keep out of COPY/ADD.
import { formatBytes } from '../model/format';
import { CACHE_KINDS } from './patterns';
import type { DockerfileLink, ImageInsight, InstructionLink, SavingsItem, SavingsReport } from './types';

const abs = (p: string): string => `/${p}`;

export function savingsReport(insight: ImageInsight, link?: DockerfileLink): SavingsReport {
  const byLayer = new Map<number, InstructionLink>();
  if (link?.matched) for (const row of link.instructions) if (typeof row.layer === 'number') byLayer.set(row.layer, row);
  const where = (layer: number): string => {
    const row = byLayer.get(layer);
    return row ? `line ${row.line + 1} (${row.keyword})` : `layer ${layer}`;
  };
  const lines = (...layers: number[]): number[] => layers.map((l) => byLayer.get(l)?.line).filter((l): l is number => l !== undefined);
  const copying = (layer: number): boolean => ['COPY', 'ADD'].includes(byLayer.get(layer)?.keyword ?? '');
  const items: SavingsItem[] = [];

  for (const layer of insight.layers) {
    for (const cache of layer.caches) {
      if (cache.bytes <= 0) continue;
      const kind = CACHE_KINDS[cache.kind];
      items.push({
        code: 'LS2001', bytes: cache.bytes, lines: lines(layer.index),
        what: `${kind.label} (${abs(cache.path)}) left by ${where(layer.index)}`,
        action: byLayer.get(layer.index)?.keyword === 'RUN'
          ? `remove them at the end of that same RUN: && ${kind.cleanup}`
          : `remove them in the instruction that creates them (${kind.cleanup})`,
      });
    }
    for (const w of layer.wasted) {
      const bytes = w.bytes - w.cacheBytes - (copying(layer.index) ? w.ignorableBytes : 0);
      if (bytes <= 0) continue;
      const first = w.paths[0];
      items.push({
        code: 'LS2002', bytes, lines: lines(layer.index, w.by),
        what: `files written by ${where(layer.index)} and deleted or replaced by ${where(w.by)}` +
          (first ? ` (${abs(first.path)}${w.count > 1 ? ` and ${w.count - 1} more` : ''})` : ''),
        action: 'create and remove them in one RUN, or build them in another stage and copy only what you keep',
      });
    }
    if (copying(layer.index)) {
      for (const g of layer.ignorable) {
        if (g.bytes <= 0) continue;
        items.push({
          code: 'LS2004', bytes: g.bytes, lines: lines(layer.index),
          what: `${abs(g.path)} copied in by ${where(layer.index)}`,
          action: `list ${g.kind} in .dockerignore so the build context leaves it out`,
        });
      }
    }
  }
  items.sort((a, b) => b.bytes - a.bytes || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { items, total: items.reduce((s, i) => s + i.bytes, 0) };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A Markdown section ready to paste into a pull-request comment. */
export function savingsMarkdown(report: SavingsReport, opts: { title?: string; dockerfile?: string } = {}): string {
  const title = opts.title ?? 'Image size: what would save the most';
  if (!report.items.length) return `### ${cell(title)}\n\nNothing to save: no package caches, no bytes deleted after being written, nothing a .dockerignore would keep out.\n`;
  const file = opts.dockerfile ? `${opts.dockerfile}:` : 'line ';
  const rows = report.items.map((i) => `| ${formatBytes(i.bytes)} | ${i.lines.length ? i.lines.map((l) => `${file}${l + 1}`).join(', ') : '—'} | ${cell(i.what)} | ${cell(i.action)} |`);
  return [
    `### ${cell(title)}`, '',
    `About **${formatBytes(report.total)}** could be saved.`, '',
    '| Saves | Where | What | What to do |',
    '|---:|---|---|---|',
    ...rows, '',
  ].join('\n');
}
