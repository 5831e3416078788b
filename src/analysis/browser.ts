// The browser-safe half of the analysis API: types and pure functions over an ImageAnalysis.
// No node: imports here, so webview-ui/ can bundle it (`import … from '../src/analysis/browser'`).
export * from './types';
export { filesystemAt, finalTree, flattenTree } from './tree';
export { compareImages } from './compare';
export { displayCreatedBy } from '../model/createdBy';
export { evaluateCiRules, formatTextReport, toJsonReport } from './report';
export type { CiRules, CiRuleResult, AnalyzeJsonReport } from './report';
