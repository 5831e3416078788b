// The linter's entry point: pure, synchronous, never throws. Same code from the editor and the CLI.
import type { BaseImageLookup } from './baseImage';
import { checkDirectiveOf, enablesExperimental } from './checkDirective';
import { DEFAULT_CONFIG, LintConfig, mergeConfig } from './config';
import { LintDocument } from './document';
import { asBuildkitReads, PositionMap } from './lineModel';
import { applyPragmas, readPragmas } from './pragmas';
import { codesFor, rules } from './registry';
import { reporterFor, Rule } from './rule';
import { Finding, INTERNAL_ERROR_CODE, Level, Range, RuleMeta } from './types';
import { validityFindings } from './validity';
import { errorText } from '../model/errorText';

export interface LintOptions {
  /** Resolved configuration (see config.ts: mergeConfig). Defaults to DEFAULT_CONFIG. */
  config?: LintConfig;
  /** The Dockerfile's name or path, for messages and rules that care (e.g. CopyIgnoredFile). */
  fileName?: string;
  /** Reads a file relative to the Dockerfile's directory (`.dockerignore`); undefined when absent. */
  readFile?: (relPath: string) => string | undefined;
  /** Run only these rules (default: every registered rule). */
  rules?: Rule[];
  /** Skip dockerfile-utils' validity checks (LSxxxx). */
  skipValidity?: boolean;
  /** Findings made elsewhere (ShellCheck) that go through the same pragmas and configuration. */
  extraFindings?: Finding[];
  /** What the local engine knows about FROM images (see baseImage.ts); optional. */
  baseImage?: BaseImageLookup;
  /** The platform a build targets by default (the engine's, e.g. `linux/amd64`); optional. */
  buildPlatform?: string;
  /**
   * Build arguments, as `docker build --build-arg` gives them. Read: BUILDKIT_DOCKERFILE_CHECK, which
   * replaces the file's `# check=` directive as it does for BuildKit.
   */
  buildArgs?: Record<string, string>;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Lints Dockerfile text. Returns findings sorted by position, after configuration (ignored,
 * override) and in-file pragmas. A rule that throws yields one LS9000 finding naming it.
 */
export function lintDockerfile(text: string, options: LintOptions = {}): Finding[] {
  try {
    return lint(String(text ?? ''), options ?? {});
  } catch (e) {
    return [internalError('the linter', e, ZERO)];
  }
}

function lint(source: string, options: LintOptions): Finding[] {
  // A UTF-8 byte order mark is not part of the first line: columns are counted without it (as the
  // editor does). Callers that apply edits to a file with a BOM strip it first.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Normalised copy: a partial or hand-built config from the editor cannot make a rule throw.
  const config = options.config ? mergeConfig(options.config) : DEFAULT_CONFIG;
  let doc: LintDocument;
  try {
    doc = new LintDocument(text, config, options.fileName, options.readFile);
    if (options.baseImage) doc.baseImage = options.baseImage;
    doc.buildPlatform = options.buildPlatform;
  } catch (e) {
    return [internalError('the parser', e, ZERO)];
  }
  const raw: Finding[] = [];
  if (!options.skipValidity) {
    try { raw.push(...validityFindings(asBuildkitReads(text), doc.ast)); } catch (e) { raw.push(internalError('the validator', e, ZERO)); }
  }
  const ignored = new Set(config.ignored.flatMap(codesFor));
  const override = new Map<string, Level>(Object.entries(config.override).flatMap(([k, v]) => codesFor(k).map((c): [string, Level] => [c, v])));
  const directive = checkDirectiveOf(doc, options.buildArgs);
  const isOn = (meta: RuleMeta): boolean => !meta.offByDefault || override.has(meta.code)
    || (meta.source === 'buildkit' && enablesExperimental(directive, [meta.code, ...(meta.aliases ?? [])]));
  for (const rule of options.rules ?? rules) {
    if (ignored.has(rule.meta.code) || !isOn(rule.meta)) continue;
    const mine: Finding[] = [];
    try {
      rule.check(doc, reporterFor(rule.meta, mine));
      raw.push(...mine);
    } catch (e) {
      raw.push(internalError(`rule ${rule.meta.code}`, e, ZERO));
    }
  }
  raw.push(...(options.extraFindings ?? []));
  let findings = raw;
  if (!config.disableIgnorePragma) {
    try { findings = applyPragmas(raw, readPragmas(doc, options.buildArgs), doc); } catch (e) { findings.push(internalError('the pragma reader', e, ZERO)); }
  }
  const out: Finding[] = [];
  // Rules count lines as BuildKit does; the editor (and applyEdits) also break at a lone \r.
  const toEditor = new PositionMap(text);
  // Findings carry canonical codes (aliases were expanded into `ignored` and `override` above).
  const filter = ignored.size > 0 || override.size > 0;
  for (const f of findings) {
    if (filter && ignored.has(f.code) && f.code !== INTERNAL_ERROR_CODE) continue;
    const level = filter ? override.get(f.code) : undefined;
    out.push(toEditor.findingToEditor(clampFinding(level ? { ...f, level } : f, doc)));
  }
  return out.sort(byPosition);
}

function internalError(where: string, e: unknown, range: Range): Finding {
  return { code: INTERNAL_ERROR_CODE, level: 'error', message: `Internal error in ${where}: ${errorText(e)}`, range };
}

/** Keeps every range inside the text (rules and the validator may point past a line's end). */
function clampFinding(f: Finding, doc: LintDocument): Finding {
  const s = doc.positionAt(doc.offsetAt(f.range.start));
  let e = doc.positionAt(doc.offsetAt(f.range.end));
  if (e.line < s.line || (e.line === s.line && e.character < s.character)) e = s;
  if (s.line === f.range.start.line && s.character === f.range.start.character
    && e.line === f.range.end.line && e.character === f.range.end.character) return f;
  return { ...f, range: { start: s, end: e } };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export type { Finding, Fix, Level, Range, RuleMeta, TextEdit } from './types';
export { LintDocument } from './document';
export { rules, instructionRules, findRule, codesFor } from './registry';
export type { LintConfig } from './config';
