// Pure: two analysed images compared, as a Markdown document. Every image-derived string goes into
// a code span, so a preview never interprets it as HTML or Markdown.
import type { ImageAnalysis, ImageComparison } from './browser';
import { formatBytes } from '../model/format';
import { shortId } from '../model/tree';

/** A Markdown code span that holds any text literally (backticks and table pipes included). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')}${fence}`;
}

function name(a: ImageAnalysis): string {
  return a.repoTags[0] ?? shortId(a.id);
}

/**
 * `names`: what to call A and B (the tags a person picked; an archive saved by ID carries no tags).
 * Default: the first tag in the archive, else the short ID.
 */
export function compareReport(a: ImageAnalysis, b: ImageAnalysis, cmp: ImageComparison, limit = 100, names: [string?, string?] = []): string {
  const lines: string[] = [];
  const nameA = names[0] || name(a);
  const nameB = names[1] || name(b);
  const table = (headers: string[], rows: string[][], total: number) => {
    if (!rows.length) { lines.push('_none_', ''); return; }
    lines.push(`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const r of rows.slice(0, limit)) lines.push(`| ${r.join(' | ')} |`);
    if (total > limit) lines.push('', `… and ${total - limit} more`);
    lines.push('');
  };
  const sharedBytes = cmp.sharedLayers.reduce((s, l) => s + l.sizeBytes, 0);
  lines.push(`# Compare ${codeSpan(nameA)} (A) with ${codeSpan(nameB)} (B)`, '',
    `| | A | B |`, `| --- | ---: | ---: |`,
    `| Image | ${codeSpan(shortId(a.id))} | ${codeSpan(shortId(b.id))} |`,
    `| Layers | ${a.layers.length} | ${b.layers.length} |`,
    `| Content stored | ${formatBytes(a.sizeBytes)} | ${formatBytes(b.sizeBytes)} |`,
    `| Wasted | ${formatBytes(a.wastedBytes)} | ${formatBytes(b.wastedBytes)} |`,
    `| Efficiency | ${(a.efficiency * 100).toFixed(1)} % | ${(b.efficiency * 100).toFixed(1)} % |`, '',
    `**${cmp.sharedLayers.length} shared layer${cmp.sharedLayers.length === 1 ? '' : 's'}** (${formatBytes(sharedBytes)}); ` +
    `the bottom ${cmp.commonBaseLayers} ${cmp.commonBaseLayers === 1 ? 'is' : 'are'} stored once on disk for both.`, '');
  const layerText = (img: ImageAnalysis, index: number) => codeSpan(img.layers[index]?.createdBy || '?');
  lines.push('## Layers only in A', '');
  table(['Layer', 'Size', 'Created by'], cmp.onlyInA.map((l) => [`L${l.index}`, formatBytes(l.sizeBytes), layerText(a, l.index)]), cmp.onlyInA.length);
  lines.push('## Layers only in B', '');
  table(['Layer', 'Size', 'Created by'], cmp.onlyInB.map((l) => [`L${l.index}`, formatBytes(l.sizeBytes), layerText(b, l.index)]), cmp.onlyInB.length);
  const bySize = <T extends { sizeBytes: number }>(list: T[]) => [...list].sort((x, y) => y.sizeBytes - x.sizeBytes);
  lines.push(`## Files only in B (${cmp.filesAdded.length})`, '');
  table(['Path', 'Size'], bySize(cmp.filesAdded).map((f) => [codeSpan(`/${f.path}`), formatBytes(f.sizeBytes)]), cmp.filesAdded.length);
  lines.push(`## Files only in A (${cmp.filesRemoved.length})`, '');
  table(['Path', 'Size'], bySize(cmp.filesRemoved).map((f) => [codeSpan(`/${f.path}`), formatBytes(f.sizeBytes)]), cmp.filesRemoved.length);
  lines.push(`## Files whose size changed (${cmp.filesChanged.length})`, '');
  const changed = [...cmp.filesChanged].sort((x, y) => Math.abs(y.sizeBytesB - y.sizeBytesA) - Math.abs(x.sizeBytesB - x.sizeBytesA));
  table(['Path', 'A', 'B'], changed.map((f) => [codeSpan(`/${f.path}`), formatBytes(f.sizeBytesA), formatBytes(f.sizeBytesB)]), changed.length);
  return lines.join('\n');
}
