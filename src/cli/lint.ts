// `layerscope lint`: the editor's rule set from a terminal or CI, hadolint-compatible where it matters
// (flags, JSON shape, config file, exit codes: 0 clean, 1 a finding reaches the threshold, 2 usage/IO).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRule, lintDockerfile, LintOptions } from '../lint/index';
import { refsToSettle } from '../lint/baseImage';
import type { CliBaseImages } from './baseImageFacts';
import { mergeConfig, PartialLintConfig, reachesThreshold, Threshold } from '../lint/config';
import { LEVELS } from '../lint/types';
import { FileResult } from '../lint/format/common';
import { formatTty } from '../lint/format/tty';
import { formatJson } from '../lint/format/json';
import { formatSarif } from '../lint/format/sarif';
import { formatCheckstyle } from '../lint/format/checkstyle';
import { loadConfigFile, loadConfigFor, LoadedConfig } from '../lint/node/loadConfig';
import { shellcheckOnPath } from '../lint/node/shellcheck';
import { lintWithShellcheck } from '../lint/shell/shellcheck';
import { fixFile } from './fix';
import type { Finding } from '../lint/types';
import { parseBytes } from '../model/format';
import { parseBuildArg } from './buildArg';

const FORMATS = ['tty', 'json', 'sarif', 'checkstyle'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE = 'Usage: layerscope lint [--format tty|json|sarif|checkstyle] [--config FILE] [--failure-threshold error|warning|info|style|none] [--ignore CODE]... [--no-fail] [--no-color] [--no-shellcheck] [--no-engine] [--fix [--dry-run]] [--build-arg NAME=VALUE]... [--image IMAGE [--target STAGE] [--large-file-size SIZE]] FILE... | -';

export const LINT_HELP = `${LINT_USAGE}

Checks Dockerfiles with the rule set of the Layerscope extension (hadolint DL codes, BuildKit checks,
validity codes, ShellCheck on RUN scripts when it is on PATH). Reads .hadolint.yaml beside the file or above it.

  -f, --format FORMAT             tty (default), json, sarif or checkstyle
  -c, --config FILE               use this .hadolint.yaml instead of looking for one
  -t, --failure-threshold LEVEL   exit 1 when a finding reaches LEVEL (default info; none: never)
      --ignore CODE[,CODE]        never report these rules (repeatable)
      --no-fail                   always exit 0 unless the usage or a file is wrong
      --no-color                  plain tty output
      --no-shellcheck             do not run ShellCheck on RUN scripts
      --no-engine                 never ask the local engine about FROM images (hermetic CI); by
                                  default, when a finding depends on what a base image sets (an
                                  UndefinedVar the image's ENV may define), the engine is asked for
                                  that image with a short timeout, and silently skipped if unreachable
      --fix                       apply every automatic fix in place, then report what is left; a fix
                                  that would change more than it says (checked on the parsed file) is
                                  left out and named on standard error
      --dry-run                   with or without --fix: print the fixes as a unified diff, write nothing
      --image IMAGE               also report measured findings (LS2001-LS2005) from IMAGE, an image on
                                  the engine built from FILE: caches left in layers, bytes deleted after
                                  being written, secret-looking files, what a .dockerignore would keep
                                  out, large files, each with its bytes (JSON: "bytes", "paths", "layer")
      --target STAGE              with --image: the stage IMAGE was built from (default: found by matching)
      --build-arg NAME=VALUE      a build argument (repeatable): BUILDKIT_DOCKERFILE_CHECK replaces the
                                  file's # check= directive, as in docker build; with --image, the
                                  arguments IMAGE was built with
      --large-file-size SIZE      with --image: report final files from this size (default 50MB)
  -h, --help                      this text

Exit status: 0 clean, 1 a finding reaches the threshold, 2 bad usage, an unreadable file, or (with
--image) an unreachable engine or missing image.`;

export interface LintArgs {
  format: Format; config?: string; threshold?: Threshold; ignore: string[]; files: string[];
  noFail: boolean; noColor: boolean; noShellcheck: boolean; noEngine: boolean; fix: boolean; dryRun: boolean; help: boolean;
  image?: string; target?: string; buildArgs: Record<string, string>; largeFileBytes?: number;
}

/** Parses argv; throws an Error with a readable message on bad usage. */
export function parseLintArgs(argv: string[]): LintArgs {
  const a: LintArgs = { format: 'tty', ignore: [], files: [], noFail: false, noColor: false, noShellcheck: false, noEngine: false, fix: false, dryRun: false, help: false, buildArgs: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-f': case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new Error(`unknown format '${v}' (use ${FORMATS.join(', ')})`);
        a.format = v as Format;
        break;
      }
      case '-c': case '--config': a.config = value(); break;
      case '-t': case '--failure-threshold': {
        const v = value();
        if (!(LEVELS as readonly string[]).includes(v) && v !== 'none') throw new Error(`unknown failure threshold '${v}' (use error, warning, info, style or none)`);
        a.threshold = v as Threshold;
        break;
      }
      case '--image': a.image = value(); break;
      case '--target': a.target = value(); break;
      case '--build-arg': { const [k, v] = parseBuildArg(value()); a.buildArgs[k] = v; break; }
      case '--large-file-size': a.largeFileBytes = parseBytes(value()); break;
      case '--no-fail': a.noFail = true; break;
      case '--no-color': a.noColor = true; break;
      case '--no-shellcheck': a.noShellcheck = true; break;
      case '--no-engine': a.noEngine = true; break;
      case '--fix': a.fix = true; break;
      case '--dry-run': a.dryRun = true; break;
      case '-h': case '--help': a.help = true; return a;
      case '--ignore': a.ignore.push(...value().split(',').map((s) => s.trim()).filter(Boolean)); break;
      case '-': a.files.push('-'); break;
      case '--': a.files.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-')) throw new Error(`unknown option '${arg}'`);
        a.files.push(arg);
    }
  }
  if (a.files.length === 0) throw new Error('no Dockerfile given (use - for standard input)');
  if (a.fix && !a.dryRun && a.files.includes('-')) throw new Error('--fix writes files in place: for standard input use --dry-run');
  if (a.image !== undefined && a.files.length !== 1) throw new Error('--image goes with one Dockerfile');
  if (a.image === undefined && (a.target !== undefined || a.largeFileBytes !== undefined)) {
    throw new Error('--target and --large-file-size go with --image');
  }
  return a;
}

function readStdin(): string {
  return readFileSync(0, 'utf8');
}

/** Reads files beside the Dockerfile (.dockerignore); undefined when absent. */
function siblingReader(dir: string) {
  return (rel: string): string | undefined => {
    try { return readFileSync(join(dir, rel), 'utf8'); } catch { return undefined; }
  };
}

export async function runLintCli(argv: string[]): Promise<number> {
  let args: LintArgs;
  try {
    args = parseLintArgs(argv);
    if (args.help) { process.stdout.write(`${LINT_HELP}\n`); return 0; }
  } catch (e) {
    process.stderr.write(`layerscope lint: ${(e as Error).message}\n${LINT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${LINT_HELP}\n`);
    return 0;
  }
  let explicit: LoadedConfig | undefined;
  if (args.config) {
    explicit = await loadConfigFile(args.config);
    if (explicit.errors.length) {
      process.stderr.write(explicit.errors.map((e) => `layerscope lint: ${e}\n`).join(''));
      return 2;
    }
  }
  // RUN scripts also go through ShellCheck (SCxxxx) when it is on PATH, as hadolint does.
  const shellcheck = args.noShellcheck ? undefined : shellcheckOnPath();
  const results: FileResult[] = [];
  const engineFacts: { client?: CliBaseImages } = {};
  const diffs: string[] = [];
  let ioError = false;
  let failed = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      process.stderr.write(`layerscope lint: cannot read ${file === '-' ? 'standard input' : file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}\n`);
      ioError = true;
      continue;
    }
    const dir = file === '-' ? process.cwd() : dirname(resolve(file));
    const found = explicit ?? await loadConfigFor(dir, process.cwd());
    if (found.errors.length) {
      process.stderr.write(found.errors.map((e) => `layerscope lint: ${e}\n`).join(''));
      return 2;
    }
    const cli: PartialLintConfig = {};
    if (args.ignore.length) cli.ignored = [...(found.config.ignored ?? []), ...args.ignore];
    if (args.threshold) cli.failureThreshold = args.threshold;
    const config = mergeConfig(found.config, cli);
    const readFile = siblingReader(dir);
    const baseOptions = { config, fileName: file === '-' ? 'Dockerfile' : file, readFile, buildArgs: args.buildArgs };
    if (args.fix || args.dryRun) {
      const fixed = fixFile(file, text, (t) => lintDockerfile(t, baseOptions), args.dryRun);
      if (fixed.error) { ioError = true; continue; }
      if (args.dryRun) { if (fixed.diff) diffs.push(fixed.diff); continue; }
      text = fixed.text;
    }
    let measured: Finding[] = [];
    if (args.image !== undefined) {
      try {
        measured = await measuredFor(args, file, text, readFile);
      } catch (e) {
        process.stderr.write(`layerscope lint: ${(e as Error).message}\n`);
        return 2;
      }
    }
    const facts = args.noEngine ? {} : await baseImageFacts(text, baseOptions, engineFacts);
    const options = { ...baseOptions, ...facts, extraFindings: measured };
    const findings = shellcheck ? await lintWithShellcheck(text, options, shellcheck) : lintDockerfile(text, options);
    results.push({ file, findings });
    if (findings.some((f) => reachesThreshold(f.level, config.failureThreshold))) failed = true;
  }
  if (args.dryRun) process.stdout.write(diffs.join(''));
  else process.stdout.write(render(args.format, results, !args.noColor));
  if (ioError) return 2;
  if (args.dryRun) return 0;
  return failed && !args.noFail ? 1 : 0;
}

/**
 * What the engine knows about the FROM images some finding depends on (UndefinedVar alone decides:
 * a cheap pass). The engine client loads only when there is such a finding, once per run.
 */
async function baseImageFacts(text: string, options: LintOptions, holder: { client?: CliBaseImages }): Promise<Pick<LintOptions, 'baseImage' | 'buildPlatform'>> {
  const undefinedVar = findRule('UndefinedVar');
  const refs = undefinedVar ? refsToSettle(lintDockerfile(text, { ...options, rules: [undefinedVar], skipValidity: true })) : [];
  if (refs.length === 0) return {};
  holder.client ??= new (await import('./baseImageFacts')).CliBaseImages();
  return holder.client.optionsFor(refs);
}

/** Measured findings (LS2xxx) of the image built from this Dockerfile; [] with a warning when it is not. */
async function measuredFor(args: LintArgs, file: string, text: string, readFile: (rel: string) => string | undefined): Promise<Finding[]> {
  // Loaded only with --image: plain lint never initialises the engine client or the analysis.
  const { analyzeOnEngine, linkAnalysis, notLinkedMessage } = await import('./imageInsight');
  const { measuredFindings } = await import('../insight/findings');
  const linked = linkAnalysis(await analyzeOnEngine(args.image!), text, { buildArgs: args.buildArgs, target: args.target, dockerfilePath: file });
  if (!linked.link.matched) {
    process.stderr.write(`layerscope lint: ${notLinkedMessage(args.image!, file, linked.link)}\n`);
    return [];
  }
  return measuredFindings(linked.insight, linked.link, {
    dockerfileText: text, dockerignoreText: readFile('.dockerignore'), largeFileBytes: args.largeFileBytes,
  });
}

function render(format: Format, results: FileResult[], color: boolean): string {
  switch (format) {
    case 'json': return formatJson(results) + '\n';
    case 'checkstyle': return formatCheckstyle(results);
    case 'sarif': return formatSarif(results, { docsBase: docsBase(), version: packageVersion() });
    default: return formatTty(results, color && !!process.stdout.isTTY && !process.env.NO_COLOR);
  }
}

/** The bundled rule docs (docs/rules/ next to dist/), as a file URI; override with LAYERSCOPE_DOCS_BASE. */
function docsBase(): string {
  return process.env.LAYERSCOPE_DOCS_BASE || pathToFileURL(join(__dirname, '..', 'docs', 'rules') + '/').href;
}

function packageVersion(): string | undefined {
  try { return (require('../../package.json') as { version: string }).version; } catch { return undefined; }
}
