// `layerscope analyze IMAGE`: the analysis core from a terminal or CI.
// Exit codes: 0 done (and every --ci rule passed), 1 a --ci rule failed, 2 bad arguments, an
// unreachable engine, a missing image or an unreadable archive.
import { createReadStream, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Readable } from 'node:stream';
import {
  AnalysisError, analyzeImage, evaluateCiRules, formatTextReport, toJsonReport, type CiRules, type ImageAnalysis,
} from '../analysis';
import { createEngine } from '../docker/connect';
import { EngineError } from '../docker/engine';
import { formatBytes, parseBytes } from '../model/format';
import { parseBuildArg } from './buildArg';
import type { DockerfileReport } from './dockerfileReport';

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
  --ci                      check the rules below; exit 1 if one fails. Defaults when --ci is given
                            alone: --lowest-efficiency 0.9 --highest-user-wasted-percent 0.1
  --lowest-efficiency R     fail when efficiency < R (0..1)
  --highest-wasted-bytes S  fail when wasted bytes > S (bytes, or 20MB, 1.5GiB, ...)
  --highest-user-wasted-percent R
                            fail when wasted / bytes of the layers above the base layer > R (0..1)
  Any rule option implies --ci.
  --dockerfile FILE         the Dockerfile IMAGE was built from: adds, per instruction, its layer, size
                            and wasted bytes (JSON: "instructions": [{line, instruction, keyword, layer,
                            size, wastedBytes}], "savings": {items, total}, "dockerfile": {file,
                            matched, score, targetStage}) and a ranked list of what would save the most
  --target STAGE            with --dockerfile: the stage IMAGE was built from (default: found by matching)
  --build-arg NAME=VALUE    with --dockerfile: a build argument IMAGE was built with (repeatable)
  --format text|json|markdown
                            markdown: a summary ready to paste into a pull-request comment`;

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
}

function ratio(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} needs a ratio between 0 and 1, got '${value}'`);
  return n;
}

export function parseAnalyzeArgs(argv: string[]): Args | 'help' {
  const positional: string[] = [];
  let source: Args['source'] = 'engine';
  let json = false;
  let markdown = false;
  let dockerfile: string | undefined;
  let target: string | undefined;
  const buildArgs: Record<string, string> = {};
  let ci = false;
  let verify = false;
  const rules: CiRules = {};
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
      case '--lowest-efficiency': rules.lowestEfficiency = ratio(flag, value()); ci = true; break;
      case '--highest-user-wasted-percent': rules.highestUserWastedPercent = ratio(flag, value()); ci = true; break;
      case '--highest-wasted-bytes': {
        const v = value();
        try { rules.highestWastedBytes = parseBytes(v); } catch (err) { throw new UsageError(`--highest-wasted-bytes: ${(err as Error).message}`); }
        ci = true;
        break;
      }
      case '--': positional.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw new UsageError(positional.length === 0 ? 'which image? (layerscope analyze IMAGE)' : `one image at a time, got ${positional.length}: ${positional.join(' ')}`);
  }
  if (ci && Object.keys(rules).length === 0) {
    rules.lowestEfficiency = 0.9;
    rules.highestUserWastedPercent = 0.1;
  }
  if ((target !== undefined || Object.keys(buildArgs).length) && dockerfile === undefined) throw new UsageError('--target and --build-arg go with --dockerfile');
  if (markdown && json) throw new UsageError('--json and --format markdown: pick one');
  return {
    image: positional[0], source, json, markdown, buildArgs, ci, verify, rules,
    ...(dockerfile !== undefined ? { dockerfile } : {}), ...(target !== undefined ? { target } : {}),
  };
}

async function openInput(args: Args, signal: AbortSignal): Promise<Readable> {
  if (args.source === 'archive') {
    if (args.image === '-') return process.stdin;
    const stream = createReadStream(args.image, { highWaterMark: 256 * 1024 });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (err) => reject(new UsageError(`cannot read ${args.image}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    });
    return stream;
  }
  const engine = createEngine({ setting: '', env: process.env, homeDir: homedir() });
  return engine.saveImages([args.image], signal);
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

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = progressLine(!args.json && process.stderr.isTTY === true);
  let analysis: ImageAnalysis;
  try {
    const input = await openInput(args, controller.signal);
    analysis = await analyzeImage(input, {
      signal: controller.signal,
      // A file may be damaged on disk: check every layer against its diff ID. The engine's stream
      // comes from its own verified layer store; hashing it again would only cost CPU (~25% of ours).
      verifyDiffIds: args.source === 'archive' || args.verify,
      onProgress: (p) => progress.update(p.bytesRead, p.layersRead),
    });
    // From the engine the archive holds just the image asked for, whatever its tags: use the name given.
    if (args.source === 'engine') analysis.image = args.image;
  } catch (err) {
    progress.clear();
    process.stderr.write(`layerscope analyze: ${describeError(err, args)}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress.clear();

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
    if (err instanceof EngineError && err.code === 'notFound') return `no image '${args.image}' on the engine (${err.message})`;
    return err.message;
  }
  if (err instanceof AnalysisError) {
    return `${args.source === 'archive' ? args.image : `image ${args.image}`}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
