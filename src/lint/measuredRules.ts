// Metadata of the measured rules (LS2xxx): findings computed from the image a Dockerfile built
// (src/insight/findings.ts), not from its text. Here, in the lint room, so the formatters, the rule
// docs and the diagnostics glue know them like any other code.
import type { RuleMeta } from './types';

export const MEASURED_RULES: readonly RuleMeta[] = [
  { code: 'LS2001', level: 'warning', source: 'measured', title: 'A package-manager cache stays in the layer of the instruction that made it' },
  { code: 'LS2002', level: 'warning', source: 'measured', title: 'Bytes written by one instruction and deleted or overwritten by a later one still take space' },
  { code: 'LS2003', level: 'error', source: 'measured', title: 'A secret-looking file is stored in a layer (deleting it later does not remove it)' },
  { code: 'LS2004', level: 'warning', source: 'measured', title: 'COPY/ADD brought in files a .dockerignore would normally keep out' },
  { code: 'LS2005', level: 'info', source: 'measured', title: 'A large file in the final image' },
];

export function measuredRule(code: string): RuleMeta | undefined {
  return MEASURED_RULES.find((r) => r.code === code);
}
