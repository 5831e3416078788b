// The insight room: a Dockerfile joined to the images built from it. Pure (no vscode, no dockerode);
// imports model/, analysis/ and lint/ only. The on-disk cache is in ./node (Node fs).
//   linkDockerfile / rankImages / prepareDockerfile   link.ts     which instruction made which step and layer
//   summarize                                          summary.ts  a deep analysis → compact ImageInsight
//   measuredFindings                                   findings.ts LS2xxx findings with bytes, paths, layer, fixes
//   savingsReport / savingsMarkdown                    savings.ts  ranked "shrink this image" items
//   stepsOfInsight                                     steps.ts    exact steps from a (cached) ImageInsight
export * from './types';
export { linkDockerfile, linkPrepared, prepareDockerfile, rankImages } from './link';
export type { PreparedDockerfile } from './link';
export { summarize, INSIGHT_VERSION } from './summary';
export { measuredFindings, DEFAULT_LARGE_FILE_BYTES } from './findings';
export type { MeasuredOptions } from './findings';
export { savingsReport, savingsMarkdown } from './savings';
export { stepsOfInsight } from './steps';
