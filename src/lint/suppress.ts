// The two suppression quick fixes every finding gets: an `# hadolint ignore=CODE` pragma above
// the instruction, or a `# hadolint global ignore=CODE` line for the whole file. Pure: text in,
// a Fix (plain edits) out; an existing pragma line is extended rather than duplicated.
import { DockerfileParser } from 'dockerfile-ast';
import type { Finding, Fix, Range } from './types';

const IGNORE = /^([ \t]*#[ \t]*hadolint[ \t]+ignore[ \t]*=[ \t]*)/i;
const GLOBAL_IGNORE = /^([ \t]*#[ \t]*hadolint[ \t]+global[ \t]+ignore[ \t]*=[ \t]*)/i;
const COMMENT = /^[ \t]*#/;
const CODE_LIST = /^[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*/;
/** BuildKit reads `# key=value` lines at the very top as parser directives; a comment before them ends that. */
const DIRECTIVE = /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*=[ \t]*\S/;

/** Both suppression fixes that apply to a finding (none when its code is already listed). */
export function suppressionFixes(text: string, finding: Finding): Fix[] {
  return suppressor(text)(finding);
}

/**
 * suppressionFixes for many findings of one text: the text is split and parsed once, not once per
 * finding (the editor asks for every diagnostic under the cursor on each cursor move).
 */
export function suppressor(text: string): (finding: Finding) => Fix[] {
  const parsed = new Parsed(text);
  return (finding) => {
    const fixes: Fix[] = [];
    const local = forInstruction(parsed, finding.code, finding.range.start.line);
    if (local) fixes.push(local);
    const global = inFile(parsed, finding.code);
    if (global) fixes.push(global);
    return fixes;
  };
}

/** The text split into lines, and its instruction ranges, computed when first needed. */
class Parsed {
  readonly lines: string[];
  readonly eol: string;
  private starts?: Range[];
  constructor(readonly text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  get instructions(): Range[] {
    this.starts ??= DockerfileParser.parse(this.text).getInstructions().map((i) => i.getRange());
    return this.starts;
  }
}

/**
 * `# hadolint ignore=CODE` on the line right above the instruction that holds `line`, indented
 * like the instruction; merged into a pragma already in the comments right above it. Undefined when `line` is in no
 * instruction (a comment, a blank line) or the pragma already names the code.
 */
export function ignoreForInstruction(text: string, code: string, line: number): Fix | undefined {
  return forInstruction(new Parsed(text), code, line);
}

function forInstruction(parsed: Parsed, code: string, line: number): Fix | undefined {
  const startLine = instructionStartLine(parsed, line);
  if (startLine === undefined) return undefined;
  const { lines } = parsed;
  const title = `Ignore ${code} for this instruction`;
  // A pragma anywhere in the comment block right above the instruction applies to it: extend that one.
  for (let l = startLine - 1; l >= 0 && COMMENT.test(lines[l]); l--) {
    const merged = mergeInto(lines[l], l, IGNORE, code);
    if (merged === null) return undefined;
    if (merged) return { title, edits: [merged] };
  }
  const indent = /^[ \t]*/.exec(lines[startLine])![0];
  return { title, edits: [insertLine(startLine, `${indent}# hadolint ignore=${code}${parsed.eol}`)] };
}

/**
 * `# hadolint global ignore=CODE` merged into the first global pragma of the file, or inserted
 * after the parser directives at the top (inserting above them would turn them into comments).
 */
export function ignoreInFile(text: string, code: string): Fix | undefined {
  return inFile(new Parsed(text), code);
}

function inFile(parsed: Parsed, code: string): Fix | undefined {
  const { lines, eol } = parsed;
  const title = `Ignore ${code} in this file`;
  for (let i = 0; i < lines.length; i++) {
    const merged = mergeInto(lines[i], i, GLOBAL_IGNORE, code);
    if (merged === null) return undefined;
    if (merged) return { title, edits: [merged] };
  }
  let at = 0;
  while (at < lines.length && DIRECTIVE.test(lines[at])) at++;
  // A file without a final newline whose last line is a directive: start a new line first.
  if (at === lines.length && at > 0) {
    const last = lines.length - 1;
    const end = { line: last, character: lines[last].length };
    return { title, edits: [{ range: { start: end, end }, newText: `${eol}# hadolint global ignore=${code}` }] };
  }
  return { title, edits: [insertLine(at, `# hadolint global ignore=${code}${eol}`)] };
}

/**
 * The edit appending `,code` to the pragma on `lineText`; null when the pragma already lists
 * the code; undefined when the line is not such a pragma.
 */
function mergeInto(lineText: string, line: number, pragma: RegExp, code: string) {
  const head = pragma.exec(lineText);
  if (!head) return undefined;
  const list = CODE_LIST.exec(lineText.slice(head[1].length));
  if (!list) {
    // `# hadolint ignore=` with nothing after it: write the code right there.
    const at = { line, character: head[1].length };
    return { range: { start: at, end: at }, newText: code };
  }
  const codes = list[0].split(',').map((c) => c.trim().toLowerCase());
  if (codes.includes(code.toLowerCase())) return null;
  const at = { line, character: head[1].length + list[0].length };
  return { range: { start: at, end: at }, newText: `,${code}` };
}

/** The first line of the instruction whose range covers `line` (heredocs and continuations included). */
function instructionStartLine(parsed: Parsed, line: number): number | undefined {
  for (const range of parsed.instructions) {
    if (range.start.line <= line && line <= range.end.line) return range.start.line;
    if (range.start.line > line) return undefined;
  }
  return undefined;
}

function insertLine(line: number, newText: string) {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText };
}
