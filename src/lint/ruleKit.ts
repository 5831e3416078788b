// Small helpers several rules share (image references, paths, ranges). Pure.
import type { LintDocument, LintInstruction } from './document';
import { headRange, Report } from './rule';
import type { Range } from './types';

/** Range covering all arguments of an instruction (or its keyword when it has none). */
export function argsRange(ins: LintInstruction): Range {
  if (ins.args.length === 0) return ins.keywordRange;
  return { start: ins.args[0].getRange().start, end: ins.args[ins.args.length - 1].getRange().end };
}

export interface ImageRef { name: string; tag: string | null; digest: string | null }

/** Splits `registry/repo:tag@digest` (the tag is after the last `/`). */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | null = null;
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  return { name: rest, tag, digest };
}

/** True when a value contains a `$` variable reference (unknown at lint time). */
export function hasVariable(s: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(s);
}

/** Absolute for the builder: `/x`, a Windows drive (`C:\x`, `c:/x`), or starting with a variable. */
export function isAbsolutePath(p: string): boolean {
  const v = p.replace(/^["']|["']$/g, '');
  return v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('$') || v.startsWith('\\');
}

/** A URL source for ADD (http, https, git). */
export function isUrl(s: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(s) || /^git@/i.test(s);
}

/** The value of a flag by name (case-insensitive), null when absent, '' when present without value. */
export function flagValue(ins: LintInstruction, name: string): string | null {
  const f = ins.flags.find((x) => x.getName().toLowerCase() === name);
  return f ? (f.getValue() ?? '') : null;
}

/** Sources and destination of COPY/ADD (shell or JSON form), with ranges when known. */
export function copyParts(ins: LintInstruction): { sources: { value: string; range: Range }[]; dest: { value: string; range: Range } } | null {
  if (ins.heredocs.length > 0) return null;
  if (ins.execForm) {
    if (ins.execForm.length < 2) return null;
    const r = argsRange(ins);
    const all = ins.execForm.map((value) => ({ value, range: r }));
    return { sources: all.slice(0, -1), dest: all[all.length - 1] };
  }
  if (ins.args.length < 2) return null;
  const all = ins.args.map((a) => ({ value: unquote(a.getValue()), range: a.getRange() }));
  return { sources: all.slice(0, -1), dest: all[all.length - 1] };
}

/** Strips one pair of matching surrounding quotes. */
export function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/** The stage chain from the root ancestor to `ins`'s stage (FROM <stage> inherits). */
export function stageChain(ins: LintInstruction): LintInstruction['stage'][] {
  const chain: LintInstruction['stage'][] = [];
  for (let s = ins.stage; s && chain.length < 64; s = s.parent) chain.unshift(s);
  return chain;
}

/** Edit distance counting an adjacent swap as one edit (PAHT → PATH is 1); 99 when far apart. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Reports every earlier `keyword` instruction of a stage when a later one replaces it (CMD,
 * ENTRYPOINT, HEALTHCHECK: only the last of each takes effect). Shared by DL3012, DL4003, DL4004.
 */
export function reportOverridden(doc: LintDocument, report: Report, keyword: string): void {
  for (const s of doc.stages) {
    const list = s.instructions.filter((i) => i.keyword === keyword);
    const last = list[list.length - 1];
    for (const ins of list.slice(0, -1)) {
      report(headRange(doc, ins), `This stage has ${list.length} ${keyword} instructions; only the last one (line ${last.range.start.line + 1}) takes effect.`, { tags: ['unnecessary'] });
    }
  }
}

const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];
/** Build arguments the builder defines without an ARG (platform args and proxies, both cases). */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE', 'SOURCE_DATE_EPOCH',
  ...PROXIES, ...PROXIES.map((p) => p.toLowerCase()),
]);
/** Inside a stage, the default environment adds PATH. */
export const PREDEFINED_IN_STAGE: ReadonlySet<string> = new Set([...PREDEFINED_ARGS, 'PATH']);

/** The closest name within edit distance 2 (for "did you mean"), if any. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = name.length <= 6 ? 1 : 2;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d > 0 && d <= bestD && (best === undefined || d < bestD)) { best = c; bestD = d; }
  }
  return best;
}
