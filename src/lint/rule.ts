// What a rule is: metadata plus a check over the parsed document that reports findings.
import type { LintDocument, LintInstruction } from './document';
import type { Finding, FindingTag, Fix, Level, Range, RuleMeta } from './types';

/** Optional parts of a report. `level` overrides the rule's default for this one finding. */
export interface ReportExtra {
  fixes?: Fix[];
  tags?: FindingTag[];
  level?: Level;
  /** See Finding.baseImage. */
  baseImage?: string;
}

/** Reports one finding for the rule being checked; code and default level come from its meta. */
export type Report = (range: Range, message: string, extra?: ReportExtra) => void;

/** A lint rule. Rules are pure and synchronous; one rule per file under src/lint/rules/. */
export interface Rule {
  meta: RuleMeta;
  check(doc: LintDocument, report: Report): void;
}

/** Builds the `report` callback for one rule, pushing into `out`. */
export function reporterFor(meta: RuleMeta, out: Finding[]): Report {
  return (range, message, extra) => {
    const f: Finding = { code: meta.code, level: extra?.level ?? meta.level, message, range };
    if (extra?.fixes?.length) f.fixes = extra.fixes;
    if (extra?.tags?.length) f.tags = extra.tags;
    if (extra?.baseImage) f.baseImage = extra.baseImage;
    out.push(f);
  };
}

/** Range of an instruction's first line (keyword to end of that line): where most findings point. */
export function headRange(doc: LintDocument, ins: LintInstruction): Range {
  const line = ins.range.start.line;
  const end = ins.range.end.line === line ? ins.range.end : { line, character: doc.lineText(line).length };
  return { start: ins.range.start, end };
}
