// The `layerscope analyze` outputs as pure functions: the --json object and the --ci rule verdicts.
import type { ImageAnalysis } from './types';
import { formatBytes } from '../model/format';

export interface AnalyzeJsonReport {
  image: string;
  sizeBytes: number;
  layers: { index: number; digest: string; createdBy: string; sizeBytes: number; added: number; modified: number; removed: number }[];
  wastedBytes: number;
  efficiency: number;
  inefficiencies: { path: string; count: number; wastedBytes: number }[];
  largestFiles: { path: string; sizeBytes: number }[];
}

export function toJsonReport(analysis: ImageAnalysis): AnalyzeJsonReport {
  return {
    image: analysis.image,
    sizeBytes: analysis.sizeBytes,
    layers: analysis.layers.map((l) => ({
      index: l.index, digest: l.digest, createdBy: l.createdBy, sizeBytes: l.sizeBytes,
      added: l.added, modified: l.modified, removed: l.removed,
    })),
    wastedBytes: analysis.wastedBytes,
    efficiency: analysis.efficiency,
    inefficiencies: analysis.inefficiencies.map(({ path, count, wastedBytes }) => ({ path, count, wastedBytes })),
    largestFiles: analysis.largestFiles.map(({ path, sizeBytes }) => ({ path, sizeBytes })),
  };
}

/** Thresholds for `--ci`; an absent rule is not checked. */
export interface CiRules {
  /** Fail when efficiency < this ratio (0..1). */
  lowestEfficiency?: number;
  /** Fail when wasted bytes > this. */
  highestWastedBytes?: number;
  /** Fail when userWastedPercent (a ratio 0..1, wasted / bytes above the base layer) > this. */
  highestUserWastedPercent?: number;
}

export interface CiRuleResult {
  rule: 'lowest-efficiency' | 'highest-wasted-bytes' | 'highest-user-wasted-percent';
  limit: number;
  actual: number;
  passed: boolean;
  /** One line, e.g. "efficiency 0.8123 is below the lowest allowed 0.9". */
  message: string;
}

const ratio = (n: number): string => (Math.round(n * 10000) / 10000).toString();

/** What our efficiency means, printed next to the number: it is not dive's score, and people compare. */
export const efficiencyDefinition = 'efficiency = 1 − wasted / stored bytes; wasted = stored copies no path of the final '
  + 'filesystem shows (dive also counts the kept copy of a file stored in two layers, so its score is lower)';

export function evaluateCiRules(analysis: ImageAnalysis, rules: CiRules): CiRuleResult[] {
  const results: CiRuleResult[] = [];
  if (rules.lowestEfficiency !== undefined) {
    const passed = analysis.efficiency >= rules.lowestEfficiency;
    results.push({
      rule: 'lowest-efficiency', limit: rules.lowestEfficiency, actual: analysis.efficiency, passed,
      message: `efficiency ${ratio(analysis.efficiency)} ${passed ? 'is at least' : 'is below'} the lowest allowed ${ratio(rules.lowestEfficiency)} (${efficiencyDefinition})`,
    });
  }
  if (rules.highestWastedBytes !== undefined) {
    const passed = analysis.wastedBytes <= rules.highestWastedBytes;
    results.push({
      rule: 'highest-wasted-bytes', limit: rules.highestWastedBytes, actual: analysis.wastedBytes, passed,
      message: `wasted ${formatBytes(analysis.wastedBytes)} (${analysis.wastedBytes} bytes) ${passed ? 'is within' : 'exceeds'} the highest allowed ${formatBytes(rules.highestWastedBytes)}`,
    });
  }
  if (rules.highestUserWastedPercent !== undefined) {
    const passed = analysis.userWastedPercent <= rules.highestUserWastedPercent;
    results.push({
      rule: 'highest-user-wasted-percent', limit: rules.highestUserWastedPercent, actual: analysis.userWastedPercent, passed,
      message: `user wasted ratio ${ratio(analysis.userWastedPercent)} ${passed ? 'is within' : 'exceeds'} the highest allowed ${ratio(rules.highestUserWastedPercent)}`,
    });
  }
  return results;
}

const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number): string => (text.length >= width ? text : ' '.repeat(width - text.length) + text);
const clip = (text: string, width: number): string => {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
};

/** The readable table `layerscope analyze` prints without --json. `top` limits the path lists. */
export function formatTextReport(analysis: ImageAnalysis, top = 10): string {
  const lines: string[] = [];
  lines.push(`Image: ${analysis.image}  (${analysis.id.slice(0, 19)}, ${analysis.layout} archive, ${analysis.layers.length} layers)`);
  lines.push('');
  lines.push(`${padLeft('#', 3)}  ${padLeft('Size', 9)}  ${padLeft('Added', 6)}  ${padLeft('Mod', 5)}  ${padLeft('Rem', 5)}  ${padLeft('Wasted', 9)}  ${pad('Digest', 19)}  Command`);
  for (const l of analysis.layers) {
    lines.push([
      padLeft(String(l.index), 3), padLeft(formatBytes(l.sizeBytes), 9), padLeft(String(l.added), 6), padLeft(String(l.modified), 5),
      padLeft(String(l.removed), 5), padLeft(formatBytes(l.wastedBytes), 9), pad(l.digest.slice(0, 19), 19), clip(l.createdBy, 70),
    ].join('  '));
  }
  lines.push('');
  lines.push(`Stored: ${formatBytes(analysis.sizeBytes)}   Visible: ${formatBytes(analysis.finalBytes)}   `
    + `Wasted: ${formatBytes(analysis.wastedBytes)} (${analysis.wastedBytes} bytes)   Efficiency: ${(analysis.efficiency * 100).toFixed(2)} %`);
  lines.push(`  (${efficiencyDefinition})`);
  if (analysis.inefficiencies.length) {
    lines.push('');
    lines.push(`Inefficient paths${analysis.inefficiencies.length > top ? ` (top ${top} of ${analysis.inefficiencies.length})` : ''}:`);
    lines.push(`${padLeft('Count', 5)}  ${padLeft('Wasted', 9)}  Path`);
    for (const i of analysis.inefficiencies.slice(0, top)) lines.push(`${padLeft(String(i.count), 5)}  ${padLeft(formatBytes(i.wastedBytes), 9)}  /${i.path}`);
  }
  if (analysis.largestFiles.length) {
    lines.push('');
    lines.push(`Largest files${analysis.largestFiles.length > top ? ` (top ${top})` : ''}:`);
    for (const f of analysis.largestFiles.slice(0, top)) lines.push(`${padLeft(formatBytes(f.sizeBytes), 9)}  /${f.path}`);
  }
  return `${lines.join('\n')}\n`;
}
