// The contract between the rule set, the document model, the CLI formatters and the editor glue.
// Pure data: no vscode, no dockerode. Positions are 0-based (line, character), like LSP.

export type Level = 'error' | 'warning' | 'info' | 'style';

/** Levels from most to least severe; a failure threshold compares indexes in this list. */
export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'style'];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface TextEdit { range: Range; newText: string }

/** A quick fix computed by the pure core; the editor glue maps it to a CodeAction. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix people most likely want (shown first, applied by "auto fix"). */
  preferred?: boolean;
  /**
   * The edits apply to this file, relative to the Dockerfile's folder (e.g. `.dockerignore`, created
   * when missing), instead of the Dockerfile itself. Measured findings use it.
   */
  file?: string;
}

export type FindingTag = 'unnecessary' | 'deprecated';

export interface Finding {
  /** Stable rule code: DLxxxx, a BuildKit check name, SCxxxx, or an LSxxxx validity code. */
  code: string;
  level: Level;
  message: string;
  range: Range;
  fixes?: Fix[];
  tags?: FindingTag[];
  /** Measured findings (LS2xxx, from the linked image): the bytes that make it matter. */
  bytes?: number;
  /** Measured findings: the image paths concerned (absolute, `/var/lib/apt/lists`). */
  paths?: string[];
  /** Measured findings: index into the image's rootfs of the layer concerned. */
  layer?: number;
  /**
   * The FROM image whose facts were unknown when this finding was made and could settle it (the base
   * image may set the variable UndefinedVar reports): a caller that can ask an engine lints again with them.
   */
  baseImage?: string;
}

export type RuleSource = 'hadolint' | 'buildkit' | 'shellcheck' | 'syntax' | 'measured';

export interface RuleMeta {
  code: string;
  /** Other names accepted in pragmas and config (e.g. BuildKit's check name for a DL rule). */
  aliases?: string[];
  /** Default level before configuration overrides. */
  level: Level;
  /** One line saying what the rule catches, in our own words. */
  title: string;
  /** Which family the code belongs to (for docs and pragma compatibility). */
  source: RuleSource;
  /**
   * Off unless the configuration gives it a level in `override` (hadolint's DL1001 and DL3057,
   * BuildKit's experimental checks).
   */
  offByDefault?: boolean;
}

/** Code of the finding produced when a rule itself crashes (the other rules still run). */
export const INTERNAL_ERROR_CODE = 'LS9000';
