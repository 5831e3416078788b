// `layerscope analyze IMAGE`: the analysis core from a terminal or CI.
// Exit codes: 0 done (and every --ci rule passed), 1 a --ci rule failed, 2 bad arguments, an
// unreachable engine, a missing image or an unreadable archive.
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  AnalysisError, analyzeImage, evaluateCiRules, formatTextReport, toJsonReport, type AnalysisLimits, type CiRules, type ImageAnalysis,
} from '../analysis';
import { parseDiveCi, parseRuleSetting, resolveCiRules, type CiRuleSettings, type RuleName } from '../analysis/ciRules';
import { missingImageText, saveStream, untilInterrupted } from './engineAccess';
import { EngineError } from '../docker/engine';
import { formatBytes } from '../model/format';
import { parseBuildArg } from './buildArg';
import type { DockerfileReport } from './dockerfileReport';
import { errorText } from '../model/errorText';

const help = `Usage: layerscope analyze IMAGE [options]

Streams the image (docker save) once and reports, layer by layer, what each one added, modified and
removed, the bytes wasted (stored in a layer but hidden in the final filesystem by a later one), the
efficiency (1 - wasted / stored), the most wasteful paths and the largest files.

Options:
  --source engine|archive   engine (default): IMAGE is a name or ID on the Docker engine (DOCKER_HOST,
                            the current docker context, or the platform default).
                            archive: IMAGE is a docker save / OCI archive file (.tar, .tar.gz), or -
                            for standard input; no engine needed.
  --json                    print one JSON object instead of the table: {image, sizeBytes, layers,
                            wastedBytes, efficiency, inefficiencies, largestFiles}; with --ci it gains
                            a "ci" member and the rule lines go to stderr
  --verify                  with --source engine, also check each layer's content against its diff ID
                            (always done for archives, which may be damaged on disk)
  --ci                      check the rules below; exit 1 if one fails. As in dive, the defaults are
                            --lowest-efficiency 0.9 --highest-user-wasted-percent 0.1 (wasted bytes
                            unchecked); a .dive-ci file (dive's format: rules: lowestEfficiency,
                            highestWastedBytes, highestUserWastedPercent, each a value or disabled)
                            overrides them, and flags override both. A rule not given keeps its value.
  --ci-config FILE          the rules file (default: .dive-ci in the current directory, when present)
  --lowest-efficiency R     fail when efficiency < R (0..1, or disabled)
  --highest-wasted-bytes S  fail when wasted bytes > S (bytes, or 20MB, 1.5GiB, ..., or disabled)
  --highest-user-wasted-percent R
                            fail when wasted / bytes of the layers above the base layer > R (0..1, or disabled)
  Any rule option implies --ci.
  --platform OS/ARCH        for a multi-platform archive: the platform to analyse (default: this machine's)
  --max-entries N           refuse archives whose layers hold more than N entries (default 5000000)
  --max-name-bytes N        refuse archives whose distinct file names hold more than N bytes (default 268435456)
  --dockerfile FILE         the Dockerfile IMAGE was built from: adds, per instruction, its layer, size
                            and wasted bytes (JSON: "instructions": [{line, instruction, keyword, layer,
                            size, wastedBytes}], "savings": {items, total}, "dockerfile": {file,
                            matched, score, targetStage}) and a ranked list of what would save the most
  --target STAGE            with --dockerfile: the stage IMAGE was built from (default: found by matching)
  --build-arg NAME=VALUE    with --dockerfile: a build argument IMAGE was built with (repeatable)
  --format text|json|markdown
                            markdown: a summary ready to paste into a pull-request comment

Efficiency here is 1 - wasted / stored bytes, where wasted counts only the copies no path of the final
filesystem shows. dive also counts the kept copy of a file stored in two layers, so its score is lower
for the same image.`;

class UsageError extends Error {}

interface Args {
  image: string;
  source: 'engine' | 'archive';
  json: boolean;
  markdown: boolean;
  dockerfile?: string;
  target?: string;
  buildArgs: Record<string, string>;
  ci: boolean;
  verify: boolean;
  rules: CiRules;
  /** Set only when given. */
  platform?: string;
  limits?: Partial<AnalysisLimits>;
}

/** Reads a file as text, undefined when it does not exist (the CLI's fs; tests pass their own). */
export type ReadConfig = (path: string) => string | undefined;

const readIfPresent: ReadConfig = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
};

const ruleFlags: Record<string, RuleName> = {
  '--lowest-efficiency': 'lowestEfficiency', '--highest-wasted-bytes': 'highestWastedBytes', '--highest-user-wasted-percent': 'highestUserWastedPercent',
};

function count(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} needs a whole number above 0, got '${value}'`);
  return n;
}

export function parseAnalyzeArgs(argv: string[], readConfig: ReadConfig = readIfPresent): Args | 'help' {
  const positional: string[] = [];
  let source: Args['source'] = 'engine';
  let json = false;
  let markdown = false;
  let dockerfile: string | undefined;
  let target: string | undefined;
  const buildArgs: Record<string, string> = {};
  let ci = false;
  let verify = false;
  let ciConfig: string | undefined;
  let platform: string | undefined;
  const limits: Partial<AnalysisLimits> = {};
  const flagRules: CiRuleSettings = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '--json': json = true; break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'markdown') throw new UsageError(`--format is text, json or markdown, got '${v}'`);
        if (v === 'json') json = true;
        if (v === 'markdown') markdown = true;
        break;
      }
      case '--dockerfile': dockerfile = value(); break;
      case '--target': target = value(); break;
      case '--build-arg': {
        try { const [k, v] = parseBuildArg(value()); buildArgs[k] = v; } catch (err) { throw new UsageError((err as Error).message); }
        break;
      }
      case '--ci': ci = true; break;
      case '--verify': verify = true; break;
      case '--source': {
        const v = value();
        if (v !== 'engine' && v !== 'archive') throw new UsageError(`--source is engine or archive, got '${v}'`);
        source = v;
        break;
      }
      case '--lowest-efficiency': case '--highest-user-wasted-percent': case '--highest-wasted-bytes': {
        const rule = ruleFlags[flag];
        try { flagRules[rule] = parseRuleSetting(rule, value(), flag); } catch (err) { throw new UsageError((err as Error).message); }
        ci = true;
        break;
      }
      case '--ci-config': ciConfig = value(); ci = true; break;
      case '--platform': platform = value(); break;
      case '--max-entries': limits.maxEntries = count(flag, value()); break;
      case '--max-name-bytes': limits.maxNameBytes = count(flag, value()); break;
      case '--': positional.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw new UsageError(positional.length === 0 ? 'which image? (layerscope analyze IMAGE)' : `one image at a time, got ${positional.length}: ${positional.join(' ')}`);
  }
  let fileRules: CiRuleSettings = {};
  if (ci) {
    const path = ciConfig ?? '.dive-ci';
    const text = readConfig(path);
    if (text === undefined && ciConfig !== undefined) throw new UsageError(`--ci-config: ${path} does not exist`);
    try { if (text !== undefined) fileRules = parseDiveCi(text, path); } catch (err) { throw new UsageError((err as Error).message); }
  }
  if ((target !== undefined || Object.keys(buildArgs).length) && dockerfile === undefined) throw new UsageError('--target and --build-arg go with --dockerfile');
  if (markdown && json) throw new UsageError('--json and --format markdown: pick one');
  const rules = ci ? resolveCiRules(fileRules, flagRules) : {};
  return {
    image: positional[0], source, json, markdown, buildArgs, ci, verify, rules,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(platform !== undefined ? { platform } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
  };
}

async function openInput(args: Args, signal: AbortSignal): Promise<Readable> {
  if (args.source === 'archive') {
    if (args.image === '-') return process.stdin;
    const stream = createReadStream(args.image, { highWaterMark: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (err) => reject(new UsageError(`cannot read ${args.image}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    });
    return stream;
  }
  return saveStream(args.image, signal);
}

/** A one-line progress indicator on an interactive stderr. */
function progressLine(enabled: boolean): { update(bytes: number, layers: number): void; clear(): void } {
  let shown = false;
  return {
    update(bytes, layers) {
      if (!enabled) return;
      shown = true;
      process.stderr.write(`\rreading… ${formatBytes(bytes)}, ${layers} layers  `);
    },
    clear() { if (shown) process.stderr.write('\r\x1b[K'); },
  };
}

export async function runAnalyzeCli(argv: string[]): Promise<number> {
  let args: Args;
  try {
    const parsed = parseAnalyzeArgs(argv);
    if (parsed === 'help') { process.stdout.write(`${help}\n`); return 0; }
    args = parsed;
  } catch (err) {
    process.stderr.write(`layerscope analyze: ${(err as Error).message}\n\n${help}\n`);
    return 2;
  }

  const progress = progressLine(!args.json && process.stderr.isTTY === true);
  let analysis: ImageAnalysis;
  try {
    analysis = await untilInterrupted(async ({ signal }) => {
      const input = await openInput(args, signal);
      const result = await analyzeImage(input, {
        signal,
        // A file may be damaged on disk: check every layer against its diff ID. The engine's stream
        // comes from its own verified layer store; hashing it again would only cost CPU (~25% of ours).
        verifyDiffIds: args.source === 'archive' || args.verify,
        ...(args.platform !== undefined ? { platform: args.platform } : {}),
        ...(args.limits ? { limits: args.limits } : {}),
        onProgress: (p) => progress.update(p.bytesRead, p.layersRead),
      });
      // From the engine the archive holds just the image asked for, whatever its tags: use the name given.
      if (args.source === 'engine') result.image = args.image;
      return result;
    });
  } catch (err) {
    progress.clear();
    process.stderr.write(`layerscope analyze: ${describeError(err, args)}\n`);
    return 2;
  }
  progress.clear();
  for (const warning of analysis.warnings ?? []) process.stderr.write(`layerscope analyze: warning: ${warning}\n`);

  // The Dockerfile side (parsers, linking) loads only when asked for.
  const report = args.dockerfile !== undefined || args.markdown ? await import('./dockerfileReport') : undefined;
  let fileReport: DockerfileReport | undefined;
  if (args.dockerfile !== undefined && report) {
    const { linkAnalysis, notLinkedMessage } = await import('./imageInsight');
    let text: string;
    try { text = readFileSync(args.dockerfile, 'utf8'); } catch (err) {
      process.stderr.write(`layerscope analyze: cannot read ${args.dockerfile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 2;
    }
    const linked = linkAnalysis(analysis, text, { target: args.target, buildArgs: args.buildArgs, dockerfilePath: args.dockerfile });
    if (!linked.link.matched) process.stderr.write(`layerscope analyze: ${notLinkedMessage(args.image, args.dockerfile, linked.link)}\n`);
    fileReport = report.dockerfileReport(analysis, linked.insight, linked.link, text, args.dockerfile);
  }

  const results = args.ci ? evaluateCiRules(analysis, args.rules) : [];
  const failed = results.filter((r) => !r.passed);
  if (args.json) {
    const report = {
      ...toJsonReport(analysis),
      ...(fileReport ? {
        dockerfile: { file: fileReport.file, matched: fileReport.matched, score: fileReport.score, targetStage: fileReport.targetStage },
        instructions: fileReport.instructions, savings: fileReport.savings,
      } : {}),
      ...(args.ci ? { ci: { passed: failed.length === 0, rules: results } } : {}),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else if (args.markdown && report) {
    process.stdout.write(fileReport ? report.dockerfileMarkdown(analysis, fileReport) : report.imageMarkdown(analysis));
  } else {
    process.stdout.write(formatTextReport(analysis));
    if (fileReport && report) process.stdout.write(report.dockerfileText(fileReport));
  }
  if (args.ci) {
    const out = args.json ? process.stderr : process.stdout;
    out.write(`${args.json ? '' : '\n'}CI rules:\n`);
    for (const r of results) out.write(`  ${r.passed ? 'PASS' : 'FAIL'}  ${r.rule}: ${r.message}\n`);
    out.write(failed.length ? `${failed.length} of ${results.length} rules failed\n` : `all ${results.length} rules passed\n`);
  }
  return failed.length ? 1 : 0;
}

function describeError(err: unknown, args: Args): string {
  if (err instanceof UsageError || err instanceof EngineError) {
    return missingImageText(err, args.image) ?? err.message;
  }
  if (err instanceof AnalysisError) {
    return `${args.source === 'archive' ? args.image : `image ${args.image}`}: ${err.message}`;
  }
  return errorText(err);
}
