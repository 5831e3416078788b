// `layerscope lint` and base images: when a finding depends on what a FROM image sets (UndefinedVar's
// hedge), ask the local engine for that image's Config.Env and platform, as the editor does
// (src/diagnostics/baseImages.ts; the pure part is src/lint/baseImage.ts). Loaded only then, with a
// short timeout; an unreachable engine or a missing image leaves the finding as it was, silently.
import { homedir } from 'node:os';
import { createEngine } from '../docker/connect';
import type { Engine } from '../docker/engine';
import { BaseImageFacts, gatherFacts, platformOf } from '../lint/baseImage';
import type { LintOptions } from '../lint/index';

/** How long the engine may take to answer one request before lint goes on without it. */
export const ENGINE_TIMEOUT_MS = 2000;

function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { ac.abort(); reject(new Error(`no answer within ${ms} ms`)); }, ms);
  });
  return Promise.race([run(ac.signal), timeout]).finally(() => clearTimeout(timer));
}

/** One per CLI run: the engine is reached at most once, each image inspected at most once. */
export class CliBaseImages {
  private engine: Promise<Engine | undefined> | undefined;
  private platform: Promise<string | undefined> | undefined;
  private readonly memo = new Map<string, Promise<BaseImageFacts | undefined>>();

  constructor(private readonly timeoutMs = ENGINE_TIMEOUT_MS, private readonly connect = defaultConnect) {}

  /** Linter options with what the engine knows about `refs`; {} when it cannot be reached. */
  async optionsFor(refs: string[]): Promise<Pick<LintOptions, 'baseImage' | 'buildPlatform'>> {
    if (refs.length === 0) return {};
    const engine = await (this.engine ??= this.reach());
    if (!engine) return {};
    const baseImage = await gatherFacts(refs, (ref) => withTimeout((s) => engine.inspectImage(ref, s), this.timeoutMs), this.memo);
    this.platform ??= withTimeout((s) => engine.version(s), this.timeoutMs).then(platformOf, () => undefined);
    return { baseImage, buildPlatform: await this.platform };
  }

  private async reach(): Promise<Engine | undefined> {
    try {
      const engine = this.connect(this.timeoutMs);
      await withTimeout((s) => engine.ping(s), this.timeoutMs);
      return engine;
    } catch {
      return undefined;
    }
  }
}

function defaultConnect(timeoutMs: number): Engine {
  return createEngine({ setting: '', env: process.env, homeDir: homedir() }, { connectTimeoutMs: timeoutMs });
}
