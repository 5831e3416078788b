// What the builder itself would reject, found by dockerfile-utils' validator (MIT) and mapped to
// our own stable LSxxxx codes. Its checks that overlap our rules (casing, MAINTAINER, several CMDs,
// relative WORKDIR, duplicate stage names, ONBUILD triggers, empty continuation lines) are turned off
// or dropped here so each problem is reported once, under the rule that owns it.
import { Dockerfile, DockerfileParser } from 'dockerfile-ast';
import { validate, ValidationCode, ValidationSeverity, ValidatorSettings } from 'dockerfile-utils';
import type { Finding, RuleMeta } from './types';

/** Metadata of the validity codes (for docs, SARIF rule lists and `--ignore`). */
export const syntaxRules: RuleMeta[] = [
  { code: 'LS0000', level: 'error', source: 'syntax', title: 'The builder would reject this instruction' },
  { code: 'LS0001', level: 'error', source: 'syntax', title: 'Unknown instruction' },
  { code: 'LS0002', level: 'error', source: 'syntax', title: 'Missing, extra or wrong number of arguments' },
  { code: 'LS0003', level: 'error', source: 'syntax', title: 'Unknown, duplicated or malformed flag' },
  { code: 'LS0004', level: 'error', source: 'syntax', title: 'Arguments are not valid JSON form' },
  { code: 'LS0005', level: 'error', source: 'syntax', title: 'Invalid port or protocol' },
  { code: 'LS0006', level: 'error', source: 'syntax', title: 'Invalid duration' },
  { code: 'LS0007', level: 'error', source: 'syntax', title: 'Invalid syntax (quotes, assignments, AS, variable modifiers)' },
  { code: 'LS0008', level: 'error', source: 'syntax', title: 'Missing or invalid base image' },
  { code: 'LS0009', level: 'error', source: 'syntax', title: 'Invalid build stage name' },
  { code: 'LS0010', level: 'error', source: 'syntax', title: 'Invalid parser directive' },
  { code: 'LS0012', level: 'error', source: 'syntax', title: 'Invalid stop signal' },
  { code: 'LS0013', level: 'error', source: 'syntax', title: 'Unknown HEALTHCHECK type' },
];

const CODE_OF: Partial<Record<keyof typeof ValidationCode, string>> = {
  UNKNOWN_INSTRUCTION: 'LS0001',
  ARGUMENT_MISSING: 'LS0002', ARGUMENT_EXTRA: 'LS0002', ARGUMENT_REQUIRES_ONE: 'LS0002',
  ARGUMENT_REQUIRES_AT_LEAST_ONE: 'LS0002', ARGUMENT_REQUIRES_TWO: 'LS0002', ARGUMENT_REQUIRES_AT_LEAST_TWO: 'LS0002',
  ARGUMENT_REQUIRES_ONE_OR_THREE: 'LS0002', ARGUMENT_UNNECESSARY: 'LS0002', HEALTHCHECK_CMD_ARGUMENT_MISSING: 'LS0002',
  SHELL_REQUIRES_ONE: 'LS0002',
  FLAG_AT_LEAST_ONE: 'LS0003', FLAG_DUPLICATE: 'LS0003', FLAG_MISSING_VALUE: 'LS0003', FLAG_INVALID_FROM_VALUE: 'LS0003',
  FLAG_EXPECTED_BOOLEAN_VALUE: 'LS0003', UNKNOWN_ADD_FLAG: 'LS0003', UNKNOWN_COPY_FLAG: 'LS0003',
  UNKNOWN_FROM_FLAG: 'LS0003', UNKNOWN_HEALTHCHECK_FLAG: 'LS0003',
  SHELL_JSON_FORM: 'LS0004', JSON_IN_SINGLE_QUOTES: 'LS0004',
  INVALID_PORT: 'LS0005', INVALID_PROTO: 'LS0005',
  FLAG_INVALID_DURATION: 'LS0006', FLAG_LESS_THAN_1MS: 'LS0006', FLAG_MISSING_DURATION: 'LS0006', FLAG_UNKNOWN_UNIT: 'LS0006',
  INVALID_SYNTAX: 'LS0007', SYNTAX_MISSING_EQUALS: 'LS0007', SYNTAX_MISSING_NAMES: 'LS0007',
  SYNTAX_MISSING_SINGLE_QUOTE: 'LS0007', SYNTAX_MISSING_DOUBLE_QUOTE: 'LS0007', INVALID_AS: 'LS0007',
  INVALID_DESTINATION: 'LS0007', UNSUPPORTED_MODIFIER: 'LS0007',
  NO_SOURCE_IMAGE: 'LS0008', INVALID_REFERENCE_FORMAT: 'LS0008', BASE_NAME_EMPTY: 'LS0008',
  INVALID_BUILD_STAGE_NAME: 'LS0009',
  INVALID_ESCAPE_DIRECTIVE: 'LS0010', DUPLICATED_ESCAPE_DIRECTIVE: 'LS0010', CASING_DIRECTIVE: 'LS0010',
  INVALID_SIGNAL: 'LS0012',
  UNKNOWN_TYPE: 'LS0013',
};

/** Validator checks our own rules own (reported by DL3000, DL3043, DL4000, DL4003...). */
const OWNED_ELSEWHERE = new Set<string>([
  'CASING_INSTRUCTION', 'DEPRECATED_MAINTAINER', 'EMPTY_CONTINUATION_LINE', 'MULTIPLE_INSTRUCTIONS',
  'WORKDIR_IS_NOT_ABSOLUTE', 'DUPLICATE_BUILD_STAGE_NAME', 'ONBUILD_CHAINING_DISALLOWED', 'ONBUILD_TRIGGER_DISALLOWED',
]);

const SETTINGS: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.IGNORE,
  instructionCasing: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
};

/**
 * Runs dockerfile-utils' validator over `text`, reusing the tree we already parsed (the validator
 * calls DockerfileParser.parse itself; for the duration of this synchronous call that returns `ast`).
 */
export function validityFindings(text: string, ast: Dockerfile): Finding[] {
  const parser = DockerfileParser as { parse(content: string): Dockerfile };
  const original = parser.parse;
  parser.parse = (content: string) => (content === text ? ast : original(content));
  let diags;
  try {
    diags = validate(text, SETTINGS);
  } finally {
    parser.parse = original;
  }
  const out: Finding[] = [];
  // "No source image" on an instruction before FROM is DL3061's; keep it only for files with no
  // instruction but ARGs (empty files included), which no rule covers.
  const onlyArgs = ast.getInstructions().every((i) => i.getKeyword() === 'ARG');
  for (const d of diags) {
    const name = ValidationCode[d.code as number] as keyof typeof ValidationCode | undefined;
    if (name && OWNED_ELSEWHERE.has(name)) continue;
    if (name === 'NO_SOURCE_IMAGE' && !onlyArgs) continue;
    // A COPY with several sources and no trailing `/` is DL3021's; an EXPOSE with a host part is
    // ExposeInvalidFormat's (the builder accepts it, so it is not an error).
    if (name === 'INVALID_DESTINATION' && keywordAt(ast, d.range.start.line) === 'COPY') continue;
    if (name === 'INVALID_PORT' && keywordAt(ast, d.range.start.line) === 'EXPOSE' && textAt(text, d.range).includes(':')) continue;
    if (name && buildkitAccepts(name, textAt(text, d.range), ast.getEscapeCharacter() || '\\')) continue;
    out.push({
      code: (name && CODE_OF[name]) ?? 'LS0000',
      level: d.severity === 1 ? 'error' : 'warning',
      message: typeof d.message === 'string' ? d.message : d.message.value,
      range: d.range,
    });
  }
  return out;
}

/**
 * Where dockerfile-utils' validator rejects what BuildKit's parser accepts (reported upstream):
 * a quoted part followed by more text in one word (`ENV A="x"y`, `ENV PATH "$PATH":/bin`),
 * `HEALTHCHECK --retries=0`, and `--` ending the flags of COPY/ADD.
 */
function buildkitAccepts(name: keyof typeof ValidationCode, text: string, escape: string): boolean {
  switch (name) {
    case 'SYNTAX_MISSING_DOUBLE_QUOTE':
    case 'SYNTAX_MISSING_SINGLE_QUOTE': return quotesClose(text, escape);
    case 'FLAG_AT_LEAST_ONE': return /^0+$/.test(text.trim());
    case 'UNKNOWN_COPY_FLAG':
    case 'UNKNOWN_ADD_FLAG': return text === '--';
    default: return false;
  }
}

/** BuildKit's word scanner: every `'…'` and `"…"` closes (escapes count outside single quotes). */
export function quotesClose(text: string, escape: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") { if (c === "'") quote = null; continue; }
    if (c === escape) { i++; continue; }
    if (quote === '"') { if (c === '"') quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
  }
  return quote === null;
}

function keywordAt(ast: Dockerfile, line: number): string | undefined {
  return ast.getInstructions().find((i) => i.getRange().start.line <= line && line <= i.getRange().end.line)?.getKeyword();
}

function textAt(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line !== r.end.line) return lines.slice(r.start.line, r.end.line + 1).join('\n');
  return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
}
