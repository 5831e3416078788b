// ShellCheck over RUN scripts: the pure half. It builds one input per shell dialect (every POSIX RUN
// script of the file, each in its own subshell, one after the other, so a whole Dockerfile costs one
// shellcheck process per dialect), and maps the json1 answer back to Dockerfile positions. Spawning the binary is the
// caller's business (src/lint/node/shellcheck.ts), so this stays free of I/O.
import { LintDocument } from '../document';
import { lintDockerfile, LintOptions } from '../index';
import type { Finding, Fix, Level } from '../types';
import { runShell } from './index';
import { MappedText, docEnd, docStart } from './mapped';
import type { Dialect } from './shells';

/** Runs `shellcheck ARGS` with `stdin` and resolves with its standard output. */
export type ShellcheckRunner = (args: readonly string[], stdin: string) => Promise<string>;

/**
 * Codes that are noise in a Dockerfile, from ShellCheck's descriptions of them:
 * - SC1090/SC1091: cannot follow a sourced file — the build context is not there at lint time.
 * - SC2154: variable referenced but not assigned — in a RUN it comes from ENV, ARG or the base image.
 * - SC2164: `cd` without `|| exit` — a RUN stops at the first failing `&&`, and DL3003 already covers cd.
 */
export const SHELLCHECK_EXCLUDED = ['SC1090', 'SC1091', 'SC2154', 'SC2164'];

/** ShellCheck knows these dialects; zsh scripts are not checked. */
const CHECKED: Dialect[] = ['sh', 'bash', 'dash', 'ksh'];

export interface Piece {
  script: MappedText;
  /** 1-based line in the batch where the script starts. */
  firstLine: number;
  /** Index in `script.text` where each of its lines starts. */
  lineStarts: number[];
}

export interface ShellcheckBatch {
  dialect: Dialect;
  args: string[];
  input: string;
  pieces: Piece[];
  /** 1-based line where the next script will start. */
  nextLine: number;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** One batch per dialect in use: every readable POSIX RUN script (ONBUILD RUN included). */
export function shellcheckBatches(doc: LintDocument, exclude: readonly string[] = SHELLCHECK_EXCLUDED): ShellcheckBatch[] {
  const byDialect = new Map<Dialect, ShellcheckBatch>();
  for (const ins of doc.runs()) {
    const run = runShell(doc, ins);
    // Scripts mvdan-sh could not parse are left out: a syntax error would stop ShellCheck reading
    // every script after it in the batch.
    if (!run.script || !run.dialect || run.problem || !CHECKED.includes(run.dialect)) continue;
    let batch = byDialect.get(run.dialect);
    if (!batch) {
      const codes = exclude.map((c) => c.replace(/^SC/i, ''));
      batch = { dialect: run.dialect, args: ['--format=json1', `--shell=${run.dialect}`, '--norc', ...(codes.length ? [`--exclude=${codes.join(',')}`] : []), '-'], input: '', pieces: [], nextLine: 1 };
      byDialect.set(run.dialect, batch);
    }
    const lineStarts = lineStartsOf(run.script.text);
    // Each script in its own ( … ): like separate RUNs, an `exit` in one does not make the next
    // unreachable, and a variable set in one is lost for the next (ShellCheck says so: SC2031).
    batch.pieces.push({ script: run.script, firstLine: batch.nextLine + 1, lineStarts });
    batch.input += `(\n${run.script.text}\n)\n`;
    batch.nextLine += lineStarts.length + 2;
  }
  return [...byDialect.values()];
}

interface Json1Replacement { line: number; column: number; endLine: number; endColumn: number; replacement: string }
interface Json1Comment {
  line: number; column: number; endLine: number; endColumn: number;
  level: string; code: number; message: string;
  fix?: { replacements: Json1Replacement[] } | null;
}

const LEVELS: Record<string, Level> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

/** Document offset of a (1-based) batch line/column, or undefined when it falls outside every script. */
function offsetOf(batch: ShellcheckBatch, line: number, column: number, end: boolean): number | undefined {
  let piece: Piece | undefined;
  for (const p of batch.pieces) if (p.firstLine <= line) piece = p;
  if (!piece) return undefined;
  const local = line - piece.firstLine;
  if (local >= piece.lineStarts.length) return undefined;
  const lineEnd = local + 1 < piece.lineStarts.length ? piece.lineStarts[local + 1] - 1 : piece.script.text.length;
  const i = Math.min(piece.lineStarts[local] + Math.max(0, column - 1), lineEnd);
  return end ? docEnd(piece.script, i) : docStart(piece.script, i);
}

/** Maps ShellCheck's json1 output for one batch to findings on the Dockerfile. */
export function mapShellcheckOutput(doc: LintDocument, batch: ShellcheckBatch, stdout: string): Finding[] {
  let comments: Json1Comment[];
  try {
    comments = (JSON.parse(stdout) as { comments?: Json1Comment[] }).comments ?? [];
  } catch {
    return [];
  }
  const out: Finding[] = [];
  for (const c of comments) {
    const start = offsetOf(batch, c.line, c.column, false);
    const end = offsetOf(batch, c.endLine, c.endColumn, true);
    if (start === undefined || end === undefined) continue;
    const f: Finding = {
      code: `SC${c.code}`, level: LEVELS[c.level] ?? 'info', message: c.message,
      range: doc.rangeAt(start, Math.max(start, end)),
    };
    const fix = fixOf(doc, batch, c);
    if (fix) f.fixes = [fix];
    out.push(f);
  }
  return out;
}

/** ShellCheck's own suggested edit (e.g. adding quotes), when every piece of it maps back. */
function fixOf(doc: LintDocument, batch: ShellcheckBatch, c: Json1Comment): Fix | undefined {
  const reps = c.fix?.replacements ?? [];
  if (reps.length === 0) return undefined;
  const edits = [];
  for (const r of reps) {
    const s = offsetOf(batch, r.line, r.column, false);
    const e = offsetOf(batch, r.endLine, r.endColumn, false);
    if (s === undefined || e === undefined || e < s) return undefined;
    edits.push({ range: doc.rangeAt(s, e), newText: r.replacement });
  }
  return { title: `Apply ShellCheck's suggestion (SC${c.code})`, edits };
}

/**
 * SCxxxx findings for every POSIX RUN script of the Dockerfile, raw (no pragmas or configuration
 * applied). Never rejects: a runner failure yields no findings.
 */
export async function shellcheckFindings(text: string, doc: LintDocument | undefined, runner: ShellcheckRunner,
  exclude: readonly string[] = SHELLCHECK_EXCLUDED): Promise<Finding[]> {
  const d = doc ?? new LintDocument(text);
  let batches: ShellcheckBatch[];
  try {
    batches = shellcheckBatches(d, exclude);
  } catch {
    return [];
  }
  const check = async (b: ShellcheckBatch): Promise<Finding[]> => {
    try {
      const stdout = await runner(b.args, b.input);
      // A script ShellCheck cannot parse stops it reading the rest of the batch: check each alone.
      if (b.pieces.length > 1 && hasParseError(stdout)) {
        return (await Promise.all(b.pieces.map((p) => check(singleBatch(b, p))))).flat();
      }
      return mapShellcheckOutput(d, b, stdout);
    } catch {
      return [];
    }
  };
  return (await Promise.all(batches.map(check))).flat();
}

/** SC1000-SC1999 at error level are ShellCheck's parse errors. */
function hasParseError(stdout: string): boolean {
  try {
    const comments = (JSON.parse(stdout) as { comments?: Json1Comment[] }).comments ?? [];
    return comments.some((c) => c.level === 'error' && c.code >= 1000 && c.code < 2000);
  } catch {
    return false;
  }
}

/** A batch holding one script of `b` alone (same dialect and arguments). */
export function singleBatch(b: ShellcheckBatch, piece: Piece): ShellcheckBatch {
  return { ...b, pieces: [{ ...piece, firstLine: 2 }], input: `(\n${piece.script.text}\n)\n`, nextLine: piece.lineStarts.length + 3 };
}

/**
 * The whole rule set plus ShellCheck, with pragmas (`# hadolint ignore=SC2086`) and configuration
 * (ignored, override) applied to both alike.
 */
export async function lintWithShellcheck(source: string, options: LintOptions, runner: ShellcheckRunner): Promise<Finding[]> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source; // columns without a BOM, as lintDockerfile counts them
  let extra: Finding[] = [];
  try {
    extra = await shellcheckFindings(text, new LintDocument(text, options.config, options.fileName, options.readFile), runner);
  } catch {
    extra = [];
  }
  return lintDockerfile(text, { ...options, extraFindings: [...(options.extraFindings ?? []), ...extra] });
}
