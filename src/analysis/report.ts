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

export function evaluateCiRules(analysis: ImageAnalysis, rules: CiRules): CiRuleResult[] {
  const results: CiRuleResult[] = [];
  if (rules.lowestEfficiency !== undefined) {
    const passed = analysis.efficiency >= rules.lowestEfficiency;
    results.push({
      rule: 'lowest-efficiency', limit: rules.lowestEfficiency, actual: analysis.efficiency, passed,
      message: `efficiency ${ratio(analysis.efficiency)} ${passed ? 'is at least' : 'is below'} the lowest allowed ${ratio(rules.lowestEfficiency)}`,
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
