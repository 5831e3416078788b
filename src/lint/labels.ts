// LABELs of the final image and the label-schema checks (DL3048-DL3058) that share them. Pure.
import type { Property } from 'dockerfile-ast';
import type { LintDocument, LintInstruction, Stage } from './document';
import type { Report } from './rule';
import parseSpdx from 'spdx-expression-parse';
import licenseIds from 'spdx-license-ids';
import type { Range } from './types';

export interface LabelUse { key: string; value: string; keyRange: Range; valueRange: Range | null; instruction: LintInstruction }

/** LABEL key/value pairs of one stage's own instructions, in order. */
export function stageLabels(stage: Stage): LabelUse[] {
  return stage.instructions.filter((i) => i.keyword === 'LABEL').flatMap(labelsOf);
}

/** The key/value pairs of one LABEL instruction (an ONBUILD LABEL trigger included). */
export function labelsOf(ins: LintInstruction): LabelUse[] {
  const props = (ins.node as unknown as { getProperties?: () => Property[] }).getProperties?.() ?? [];
  return props.map((p) => ({ key: p.getName(), value: p.getValue() ?? '', keyRange: p.getNameRange(), valueRange: p.getValueRange(), instruction: ins }));
}

/** Labels a stage carries: its own and those of the stages it is built FROM. */
export function chainLabels(stage: Stage): LabelUse[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && chain.length < 64; s = s.parent) chain.unshift(s);
  return chain.flatMap(stageLabels);
}

/** Checks the value format of every label the schema gives type `type` (DL3052-DL3058). */
export function checkLabelType(doc: LintDocument, report: Report, type: string, valid: (v: string) => boolean, what: string): void {
  const schema = doc.config.labelSchema;
  const keys = new Set(Object.keys(schema).filter((k) => schema[k].toLowerCase() === type));
  if (keys.size === 0) return;
  for (const s of doc.stages) {
    for (const l of stageLabels(s)) {
      if (!keys.has(l.key) || l.value === '' || /\$/.test(l.value)) continue;
      if (!valid(l.value)) report(l.valueRange ?? l.keyRange, `Label '${l.key}' should be ${what}; '${l.value}' is not.`);
    }
  }
}

export const LABEL_FORMATS = {
  url: (v: string) => { try { const u = new URL(v); return /^[a-z][a-z0-9+.-]*:$/.test(u.protocol) && (u.host !== '' || u.protocol === 'mailto:'); } catch { return false; } },
  rfc3339: (v: string) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T'))),
  semver: (v: string) => /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(v),
  hash: (v: string) => /^[0-9a-f]{7,40}$/.test(v) || /^[0-9a-f]{64}$/.test(v),
  email: (v: string) => /^[^\s@<>()[\],;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
  // An SPDX license expression whose ids are on the SPDX licence list (spdx-expression-parse checks
  // both, from the maintained spdx-license-ids / spdx-exceptions lists); ids match in any case.
  spdx: (v: string) => {
    try { parseSpdx(canonicalIds(v)); return true; } catch { return false; }
  },
};

let byLowerCase: Map<string, string> | undefined;
/** `mit OR apache-2.0` → `MIT OR Apache-2.0` (SPDX ids are case-insensitive; the parser is not). */
function canonicalIds(v: string): string {
  byLowerCase ??= new Map(licenseIds.map((id) => [id.toLowerCase(), id]));
  return v.replace(/[A-Za-z0-9.-]+/g, (t) => (/^(AND|OR|WITH)$/.test(t) ? t : byLowerCase!.get(t.toLowerCase()) ?? t));
}
