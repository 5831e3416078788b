// Pure: measured findings — what the linked image shows about the instructions that built it, with
// the bytes measured. Codes LS2001–LS2005 (metadata: src/lint/measuredRules.ts, pages: docs/rules/).
//
// Contract (stable): measuredFindings(insight, link, opts?) → Finding[] (lint's Finding with `bytes`,
// `paths` (absolute image paths) and `layer` set). Only instructions of the linked chain get findings
// (the user can change those); a secret in a base-image layer goes on the stage's FROM line.
// With `opts.dockerfileText` the ranges are exact and fixes are offered (plain TextEdits; a fix with
// `file: '.dockerignore'` edits that file, relative to the Dockerfile's folder).
import { formatBytes } from '../model/format';
import type { LintDocument, LintInstruction } from '../lint/document';
import { measuredRule } from '../lint/measuredRules';
import type { Finding, Fix, Range } from '../lint/types';
import { resolveDir, type Expected } from './expected';
import { prepareDockerfile } from './link';
import { CACHE_KINDS } from './patterns';
import type { DockerfileLink, ImageInsight, InstructionLink } from './types';

export interface MeasuredOptions {
  /** Files in the final image at least this big are reported (LS2005). Default 50 MB. */
  largeFileBytes?: number;
  /** The Dockerfile's text: exact ranges and quick fixes. */
  dockerfileText?: string;
  /** The .dockerignore beside it ('' or undefined when there is none), for the add-entries fix. */
  dockerignoreText?: string;
}

export const DEFAULT_LARGE_FILE_BYTES = 50 * 1000 * 1000;

const abs = (p: string): string => `/${p}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

interface Ctx {
  insight: ImageInsight;
  link: DockerfileLink;
  doc?: LintDocument;
  /** The linked chain's instructions with their working directories (when the text is given). */
  expected?: Expected[];
  byLayer: Map<number, InstructionLink>;
  out: Finding[];
}

export function measuredFindings(insight: ImageInsight, link: DockerfileLink, opts: MeasuredOptions = {}): Finding[] {
  if (!link.matched) return [];
  const byLayer = new Map<number, InstructionLink>();
  for (const row of link.instructions) if (typeof row.layer === 'number') byLayer.set(row.layer, row);
  const prepared = opts.dockerfileText !== undefined
    ? prepareDockerfile(opts.dockerfileText, { target: String(link.targetStage.index) }) : undefined;
  const doc = prepared?.doc;
  const ctx: Ctx = { insight, link, doc, expected: prepared?.expected.get(link.targetStage.index), byLayer, out: [] };
  for (const layer of insight.layers) {
    const row = byLayer.get(layer.index);
    secrets(ctx, layer.index, row);
    if (!row) continue;
    caches(ctx, layer.index, row);
    wasted(ctx, layer.index, row);
    if (row.keyword === 'COPY' || row.keyword === 'ADD') ignorable(ctx, layer.index, row, opts.dockerignoreText);
  }
  large(ctx, opts.largeFileBytes ?? DEFAULT_LARGE_FILE_BYTES);
  return ctx.out.sort((a, b) => a.range.start.line - b.range.start.line || (b.bytes ?? 0) - (a.bytes ?? 0));
}

function instructionAt(ctx: Ctx, line: number): LintInstruction | undefined {
  return ctx.doc?.instructions.find((i) => i.range.start.line === line);
}

function rangeOf(ctx: Ctx, row: { line: number; endLine: number }): Range {
  const ins = instructionAt(ctx, row.line);
  if (ins) return { start: ins.range.start, end: { line: ins.range.start.line, character: ctx.doc!.lineText(ins.range.start.line).length } };
  return { start: { line: row.line, character: 0 }, end: { line: row.line, character: 1000 } };
}

function push(ctx: Ctx, code: string, row: { line: number; endLine: number }, message: string, extra: { bytes: number; paths: string[]; layer: number; fixes?: Fix[] }): void {
  const meta = measuredRule(code)!;
  ctx.out.push({
    code, level: meta.level, message, range: rangeOf(ctx, row),
    bytes: extra.bytes, paths: extra.paths, layer: extra.layer,
    ...(extra.fixes?.length ? { fixes: extra.fixes } : {}),
  });
}

function lineLabel(row: InstructionLink): string {
  return `line ${row.line + 1} (${row.keyword})`;
}

function caches(ctx: Ctx, layer: number, row: InstructionLink): void {
  for (const cache of ctx.insight.layers[layer].caches) {
    if (cache.bytes <= 0) continue;
    const kind = CACHE_KINDS[cache.kind];
    const fix = row.keyword === 'RUN' ? appendToRun(ctx, row, kind.cleanup, `Remove the ${kind.label} in this RUN`) : undefined;
    push(ctx, 'LS2001', row,
      `${formatBytes(cache.bytes)} of ${kind.label} (${abs(cache.path)}) stay in this layer. ` +
      `Removing them in a later instruction does not make the image smaller; remove them in the same ${row.keyword}` +
      (row.keyword === 'RUN' ? ` (… && ${kind.cleanup}).` : '.'),
      { bytes: cache.bytes, paths: [abs(cache.path)], layer, ...(fix ? { fixes: [fix] } : {}) });
  }
}

function wasted(ctx: Ctx, layer: number, row: InstructionLink): void {
  for (const w of ctx.insight.layers[layer].wasted) {
    const later = ctx.byLayer.get(w.by);
    const paths = w.paths.map((p) => abs(p.path));
    const named = w.paths.slice(0, 3).map((p) => `${abs(p.path)} (${formatBytes(p.bytes)})`).join(', ') + (w.count > 3 ? ` and ${plural(w.count - 3, 'more path')}` : '');
    const where = later ? lineLabel(later) : `layer ${w.by}`;
    const fix = later ? mergeRuns(ctx, row, later) : undefined;
    push(ctx, 'LS2002', row,
      `${formatBytes(w.bytes)} written here are deleted or overwritten by ${where}: ${named}. ` +
      'The bytes still take space in this layer; do both in one RUN, or build them in another stage and copy only the result.',
      { bytes: w.bytes, paths, layer, ...(fix ? { fixes: [fix] } : {}) });
    if (later) {
      push(ctx, 'LS2002', later,
        `Deletes or overwrites ${formatBytes(w.bytes)} written by ${lineLabel(row)}: ${named}. ` +
        'Deleting in a later instruction does not make the image smaller; do both in one RUN.',
        { bytes: w.bytes, paths, layer: w.by, ...(fix ? { fixes: [fix] } : {}) });
    }
  }
}

function secrets(ctx: Ctx, layer: number, row: InstructionLink | undefined): void {
  const found = ctx.insight.layers[layer].secrets;
  if (!found.length) return;
  const target = row ?? fromRow(ctx);
  if (!target) return;
  const deletedLater = new Set(ctx.insight.layers[layer].wasted.flatMap((w) => w.paths.map((p) => p.path)));
  for (const s of found) {
    const deleted = deletedLater.has(s.path);
    push(ctx, 'LS2003', target,
      `${row ? 'This layer' : `Base layer ${layer}`} stores ${abs(s.path)} (${s.kind}, ${formatBytes(s.bytes)})` +
      `${deleted ? ', which a later instruction deletes — but deleting' : '. Deleting it later'} does not remove it from the image: ` +
      'anyone who can pull the image can read it. Pass secrets with RUN --mount=type=secret, or keep them out of the build context.',
      { bytes: s.bytes, paths: [abs(s.path)], layer });
  }
}

/** The FROM line of the stage the image was built from (for base-image layers). */
function fromRow(ctx: Ctx): InstructionLink | undefined {
  const rows = ctx.link.instructions.filter((r) => r.keyword === 'FROM' && r.line <= ctx.link.targetStage.line);
  return rows[0];
}

function ignorable(ctx: Ctx, layer: number, row: InstructionLink, dockerignore: string | undefined): void {
  for (const g of ctx.insight.layers[layer].ignorable) {
    const entry = ignoreEntry(ctx, row, g.path, g.kind);
    const fix = dockerignoreFix(entry, dockerignore);
    push(ctx, 'LS2004', row,
      `${row.keyword} brought in ${abs(g.path)} (${formatBytes(g.bytes)}), which a .dockerignore usually keeps out of the build context. ` +
      `Add '${entry}' to .dockerignore.`,
      { bytes: g.bytes, paths: [abs(g.path)], layer, ...(fix ? { fixes: [fix] } : {}) });
  }
}

/**
 * The .dockerignore pattern for an image folder: its path in the build context when one source
 * directory was copied to a destination it lies under (`COPY app/ ./` with WORKDIR /app:
 * /app/.git → `app/.git`), else a pattern for the folder name anywhere.
 */
function ignoreEntry(ctx: Ctx, row: InstructionLink, imagePath: string, kind: string): string {
  const e = ctx.expected?.find((x) => !x.trigger && x.ins.range.start.line === row.line);
  const args = e && ctx.doc ? (e.ins.execForm ?? e.ins.args.map((a) => a.getValue())) : [];
  if (e && args.length === 2 && !args[0].includes('*') && !/^[a-z]+:\/\//i.test(args[0])) {
    const dest = resolveDir(e.workdir, args[1]).replace(/^\//, '');
    const source = args[0].replace(/^\.\/?/, '').replace(/\/+$/, '');
    const under = dest === '' ? imagePath : imagePath.startsWith(`${dest}/`) ? imagePath.slice(dest.length + 1) : undefined;
    if (under !== undefined) return source ? `${source}/${under}` : under;
  }
  return `**/${kind}`;
}

function dockerignoreFix(entry: string, existing: string | undefined): Fix | undefined {
  const text = existing ?? '';
  if (text.split(/\r?\n/).some((l) => l.trim() === entry || l.trim() === `${entry}/` || l.trim() === `/${entry}`)) return undefined;
  const lines = text.split('\n');
  const last = lines.length - 1;
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return {
    title: `Add '${entry}' to .dockerignore`,
    file: '.dockerignore',
    edits: [{ range: { start: { line: last, character: lines[last].length }, end: { line: last, character: lines[last].length } }, newText: `${needsBreak ? '\n' : ''}${entry}\n` }],
  };
}

function large(ctx: Ctx, threshold: number): void {
  for (const f of ctx.insight.largeFiles) {
    if (f.bytes < threshold) continue;
    const row = ctx.byLayer.get(f.layer);
    if (!row) continue;
    push(ctx, 'LS2005', row,
      `The final image holds ${abs(f.path)}, ${formatBytes(f.bytes)}, added by this instruction (reported from ${formatBytes(threshold)}).`,
      { bytes: f.bytes, paths: [abs(f.path)], layer: f.layer });
  }
}

/** `RUN cmd` → `RUN cmd && cleanup` (shell form only). */
function appendToRun(ctx: Ctx, row: InstructionLink, cleanup: string, title: string): Fix | undefined {
  const ins = instructionAt(ctx, row.line);
  if (!ins || ins.execForm || !ins.args.length || ins.heredocs.length) return undefined;
  const end = ins.args[ins.args.length - 1].getRange().end;
  return { title, preferred: true, edits: [{ range: { start: end, end }, newText: ` && ${cleanup}` }] };
}

/** Two shell-form RUNs with nothing but metadata-free lines between them → one RUN. */
function mergeRuns(ctx: Ctx, first: InstructionLink, second: InstructionLink): Fix | undefined {
  const doc = ctx.doc;
  const a = instructionAt(ctx, first.line);
  const b = instructionAt(ctx, second.line);
  if (!doc || !a || !b || a.keyword !== 'RUN' || b.keyword !== 'RUN' || a.execForm || b.execForm || a.flags.length || b.flags.length) return undefined;
  if (a.heredocs.length || b.heredocs.length || a.stage !== b.stage || b.index !== a.index + 1) return undefined;
  const aEnd = a.args[a.args.length - 1].getRange().end;
  const bStart = b.args[0].getRange().start;
  const bEnd = b.args[b.args.length - 1].getRange().end;
  const bText = doc.textOf({ start: bStart, end: bEnd });
  return {
    title: `Merge with the RUN on line ${b.range.start.line + 1} (one layer, no wasted bytes)`,
    edits: [{ range: { start: aEnd, end: bEnd }, newText: ` \\\n    && ${bText}` }],
  };
}
