// Lint configuration: the `.hadolint.yaml` shape, parsed from text (no I/O here) and merged with
// editor settings. The node-side loader (src/lint/node/loadConfig.ts) finds the files.
import type * as Yaml from 'yaml';
import { Level, LEVELS } from './types';

// The YAML parser's module code runs on the first config file read, not with the linter: most
// Dockerfiles have no .hadolint.yaml, and a first lint should not pay for it.
let yaml: typeof Yaml | undefined;
const parseYaml = (text: string): unknown => (yaml ??= require('yaml') as typeof Yaml).parse(text);

export type Threshold = Level | 'none';

/** The configuration every rule and the suppression step read. All fields always present. */
export interface LintConfig {
  /** Codes (or aliases) never reported. */
  ignored: string[];
  /** Level overrides by code (or alias); applied after the rule's default level. */
  override: Record<string, Level>;
  /** Registries DL3026 accepts; empty means DL3026 stays silent. */
  trustedRegistries: string[];
  /** Lowest level that makes the CLI exit 1. */
  failureThreshold: Threshold;
  /** Labels required on the image (name → type: text|url|semver|hash|rfc3339|spdx|email). */
  labelSchema: Record<string, string>;
  /** With a label schema: labels outside the schema are reported too. */
  strictLabels: boolean;
  /** Ignore `# hadolint ignore=` and `# check=skip=` pragmas. */
  disableIgnorePragma: boolean;
}

/** A partial configuration, as read from one source (file or editor settings). */
export type PartialLintConfig = Partial<LintConfig>;

export const DEFAULT_CONFIG: LintConfig = {
  ignored: [], override: {}, trustedRegistries: [], failureThreshold: 'info',
  labelSchema: {}, strictLabels: false, disableIgnorePragma: false,
};

export interface ParsedConfig { config: PartialLintConfig; errors: string[] }

const isLevel = (v: unknown): v is Level => typeof v === 'string' && (LEVELS as string[]).includes(v);

function stringList(v: unknown, key: string, errors: string[]): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
  errors.push(`'${key}' must be a list of strings`);
  return undefined;
}

/**
 * Parses `.hadolint.yaml` text. Unknown keys are ignored (hadolint has more than we use); wrong
 * shapes become readable messages in `errors`, never exceptions. `source` names the file in messages.
 */
export function parseConfigText(text: string, source = '.hadolint.yaml'): ParsedConfig {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    return { config: {}, errors: [`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return { config: {}, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: {}, errors: [`${source}: expected a mapping at the top level`] };
  }
  const config = fromObject(raw as Record<string, unknown>, errors);
  return { config, errors: errors.map((e) => `${source}: ${e}`) };
}

/** Reads the hadolint-shaped keys out of a plain object (YAML document or editor settings). */
export function fromObject(o: Record<string, unknown>, errors: string[] = []): PartialLintConfig {
  const c: PartialLintConfig = {};
  const ignored = stringList(o.ignored, 'ignored', errors);
  if (ignored) c.ignored = ignored;
  const trusted = stringList(o.trustedRegistries, 'trustedRegistries', errors);
  if (trusted) c.trustedRegistries = trusted;
  const th = o['failure-threshold'] ?? o.failureThreshold;
  if (th !== undefined) {
    if (isLevel(th) || th === 'none') c.failureThreshold = th;
    else errors.push(`'failure-threshold' must be one of error, warning, info, style, none (got ${JSON.stringify(th)})`);
  }
  if (o.override !== undefined && o.override !== null) {
    if (typeof o.override !== 'object' || Array.isArray(o.override)) errors.push(`'override' must be a mapping of level to codes`);
    else {
      const ov: Record<string, Level> = {};
      for (const [lvl, codes] of Object.entries(o.override as Record<string, unknown>)) {
        if (!isLevel(lvl)) { errors.push(`'override.${lvl}' is not a level (error, warning, info, style)`); continue; }
        for (const code of stringList(codes, `override.${lvl}`, errors) ?? []) ov[code] = lvl;
      }
      c.override = ov;
    }
  }
  const schema = o['label-schema'] ?? o.labelSchema;
  if (schema !== undefined && schema !== null) {
    if (typeof schema !== 'object' || Array.isArray(schema)) errors.push(`'label-schema' must be a mapping of label to type`);
    else c.labelSchema = Object.fromEntries(Object.entries(schema as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  const strict = o['strict-labels'] ?? o.strictLabels;
  if (typeof strict === 'boolean') c.strictLabels = strict;
  const noPragma = o['disable-ignore-pragma'] ?? o.disableIgnorePragma;
  if (typeof noPragma === 'boolean') c.disableIgnorePragma = noPragma;
  return c;
}

/**
 * Merges sources, later ones winning field by field (lists are replaced, `override` maps merged),
 * e.g. `mergeConfig(editorSettings, workspaceFile)` so the workspace file wins over settings.
 */
export function mergeConfig(...sources: (PartialLintConfig | undefined)[]): LintConfig {
  const out: LintConfig = { ...DEFAULT_CONFIG, override: {} };
  for (const s of sources) {
    if (!s || typeof s !== 'object') continue;
    if (Array.isArray(s.ignored)) out.ignored = s.ignored.map(String);
    if (s.override && typeof s.override === 'object') out.override = { ...out.override, ...s.override };
    if (Array.isArray(s.trustedRegistries)) out.trustedRegistries = s.trustedRegistries.map(String);
    if (s.failureThreshold) out.failureThreshold = s.failureThreshold;
    if (s.labelSchema && typeof s.labelSchema === 'object') out.labelSchema = { ...s.labelSchema };
    if (s.strictLabels !== undefined) out.strictLabels = s.strictLabels;
    if (s.disableIgnorePragma !== undefined) out.disableIgnorePragma = s.disableIgnorePragma;
  }
  return out;
}

/** True when a finding at `level` reaches the threshold (so the CLI should exit 1). */
export function reachesThreshold(level: Level, threshold: Threshold): boolean {
  return threshold !== 'none' && LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}
