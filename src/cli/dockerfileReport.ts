// `layerscope analyze IMAGE --dockerfile FILE`: the per-instruction table and the savings report,
// as JSON, text, or Markdown ready for a pull-request comment. Lines are 1-based here (as in lint).
import type { ImageAnalysis } from '../analysis';
import { savingsMarkdown, savingsReport, summarize, type DockerfileLink, type ImageInsight, type SavingsReport } from '../insight';
import { formatBytes } from '../model/format';

export interface InstructionRow {
  /** 1-based line of the instruction. */
  line: number;
  /** The instruction's first line as written. */
  instruction: string;
  keyword: string;
  /** Index into the image's rootfs; null when it made no layer. */
  layer: number | null;
  size: number;
  /** Bytes its layer stores that the final image does not show. */
  wastedBytes: number;
}

export interface DockerfileReport {
  file: string;
  matched: boolean;
  score: number;
  targetStage: { name?: string; index: number; line: number };
  instructions: InstructionRow[];
  savings: SavingsReport;
}

export function dockerfileReport(analysis: ImageAnalysis, insight: ImageInsight, link: DockerfileLink, text: string, file: string): DockerfileReport {
  const lines = text.split(/\r?\n/);
  const instructions = link.matched ? link.instructions.filter((r) => r.step !== undefined).map((r) => ({
    line: r.line + 1,
    instruction: (lines[r.line] ?? '').trim(),
    keyword: r.keyword,
    layer: r.layer ?? null,
    size: r.size ?? 0,
    wastedBytes: typeof r.layer === 'number' ? analysis.layers[r.layer]?.wastedBytes ?? 0 : 0,
  })) : [];
  return {
    file, matched: link.matched, score: Math.round(link.score * 1000) / 1000,
    targetStage: { ...link.targetStage, line: link.targetStage.line + 1 },
    instructions, savings: savingsReport(insight, link.matched ? link : undefined),
  };
}

const short = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function dockerfileText(report: DockerfileReport): string {
  const out: string[] = [''];
  if (!report.matched) {
    out.push(`${report.file}: this image does not look built from it (match ${Math.round(report.score * 100)}%).`);
  } else {
    out.push(`${report.file} (stage ${report.targetStage.name ?? report.targetStage.index}, line ${report.targetStage.line}):`);
    out.push('  LINE  LAYER       SIZE     WASTED  INSTRUCTION');
    for (const r of report.instructions) {
      out.push(`  ${String(r.line).padStart(4)}  ${(r.layer === null ? '-' : `L${r.layer}`).padEnd(5)}  ${(r.layer === null ? '' : formatBytes(r.size)).padStart(9)}  ${(r.wastedBytes ? formatBytes(r.wastedBytes) : '').padStart(9)}  ${short(r.instruction)}`);
    }
  }
  out.push('', `What would save the most (${formatBytes(report.savings.total)} in all):`);
  if (!report.savings.items.length) out.push('  nothing: no package caches, no bytes deleted after being written, nothing a .dockerignore would keep out');
  for (const i of report.savings.items) {
    out.push(`  ${formatBytes(i.bytes).padStart(9)}  ${i.lines.length ? `line ${i.lines.map((l) => l + 1).join(', ')}: ` : ''}${i.what}`, `             → ${i.action}`);
  }
  return `${out.join('\n')}\n`;
}

export function dockerfileMarkdown(analysis: ImageAnalysis, report: DockerfileReport): string {
  const out = [
    `## ${analysis.image}: ${formatBytes(analysis.sizeBytes)} in ${analysis.layers.length} layers, ${formatBytes(analysis.wastedBytes)} wasted`, '',
  ];
  if (report.matched) {
    out.push(`Built from \`${report.file}\` (stage ${report.targetStage.name ?? report.targetStage.index}).`, '',
      '| Line | Instruction | Layer | Size | Wasted |', '|---:|---|---:|---:|---:|');
    for (const r of report.instructions) {
      if (r.layer === null) continue;
      out.push(`| ${r.line} | \`${short(r.instruction, 60).replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${r.layer} | ${formatBytes(r.size)} | ${r.wastedBytes ? formatBytes(r.wastedBytes) : ''} |`);
    }
    out.push('');
  } else {
    out.push(`This image does not look built from \`${report.file}\`.`, '');
  }
  out.push(savingsMarkdown(report.savings, { dockerfile: report.file }));
  return out.join('\n');
}

/** Markdown without a Dockerfile: the image's totals and what would save the most, by layer. */
export function imageMarkdown(analysis: ImageAnalysis): string {
  return `## ${analysis.image}: ${formatBytes(analysis.sizeBytes)} in ${analysis.layers.length} layers, ${formatBytes(analysis.wastedBytes)} wasted\n\n`
    + savingsMarkdown(savingsReport(summarize(analysis)));
}
