// In a workspace that holds a Dockerfile, Layerscope activates as the window starts (package.json's
// `workspaceContains`), before any Dockerfile is open. In a quiet moment the work the first lint
// would do runs in three steps, a timer turn apart, so the host's thread is never held for all of
// it at once: the shell parser loads and parses one line (its GopherJS set-up is the largest single
// piece), the diagnostics area loads and registers (it finds the parser loaded: one module per file
// in the process, scripts/esbuild/codeCache.cjs), and a tiny Dockerfile is linted. The first real
// Dockerfile's findings then come without those costs. Nothing runs inside activate(): it all starts on a timer. A Dockerfile that
// opens first takes the ordinary path (onDemand.ts), and the warm-up steps aside.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { DOCKERFILE_GLOB } from '../lint/dockerfileNames';
import { errorDetail } from '../model/errorText';
import { isLintable } from './documents';
import { nextTurn, whenHostIdle } from './hostIdle';
import type { Diagnostics } from './index';

export interface WarmUp {
  /** `waiting` (for the workspace scan or a quiet moment), `loading`, then `done`, `skipped` or `failed`. */
  state: 'waiting' | 'loading' | 'done' | 'skipped' | 'failed';
  /** Why it was skipped, why it failed, or (done) why the tiny lint did not run. */
  reason?: string;
  /** The Dockerfile the workspace scan found. */
  found?: string;
  /** performance.now() when the area started loading, and when the warm-up ended. */
  loadAt?: number;
  doneAt?: number;
  /** How long the shell parser took to load and parse a line, the area to load and register, and the tiny lint (ms). */
  shellMs?: number;
  loadMs?: number;
  lintMs?: number;
  /** Settles when the warm-up has ended (any outcome). */
  settled: Promise<void>;
}

export interface WarmUpDoor {
  /** Whether the area has started loading (a Dockerfile opened, or the warm-up). */
  started(): boolean;
  /** Loads and registers the area, once; undefined when it failed (the door logs it). */
  start(): Promise<Diagnostics | undefined>;
}

/**
 * The warm-up starts this long after activation. The window's first seconds belong to what it shows
 * first (a view's rows when the side bar activated us, restored editors), and the workspace search
 * spawns a process from the host: profiled in the activation bench's tree round, ~30 ms on the host's
 * thread just before the Images view asked for its rows.
 */
const START_DELAY_MS = 2000;

export function scheduleWarmUp(ctx: Ctx, door: WarmUpDoor): WarmUp {
  let settle = () => {};
  const warmUp: WarmUp = { state: 'waiting', settled: new Promise<void>((resolve) => { settle = resolve; }) };
  const abort = new AbortController();
  ctx.push({ dispose: () => abort.abort() });
  const end = (state: 'done' | 'skipped' | 'failed', reason?: string) => {
    Object.assign(warmUp, { state, reason, doneAt: performance.now() });
    settle();
  };
  const run = async () => {
    if (abort.signal.aborted) return end('skipped', 'deactivated');
    if (door.started()) return end('skipped', 'a Dockerfile was open at activation');
    if (!vscode.workspace.workspaceFolders?.length) return end('skipped', 'no workspace folder');
    const [found] = await vscode.workspace.findFiles(DOCKERFILE_GLOB, undefined, 1);
    if (!found) return end('skipped', 'no Dockerfile in the workspace');
    warmUp.found = found.toString();
    if (!config.lint(found).enable) return end('skipped', 'layerscope.lint.enable is off');
    if (await whenHostIdle({ signal: abort.signal }) === 'aborted') return end('skipped', 'deactivated');
    if (door.started()) return end('skipped', 'a Dockerfile opened first');
    warmUp.state = 'loading';
    warmUp.loadAt = performance.now();
    warmUp.shellMs = await warmShellParser();
    await nextTurn();
    if (abort.signal.aborted) return end('skipped', 'deactivated');
    // A Dockerfile that opened meanwhile has started the area itself: start() hands back the same load.
    const loadFrom = performance.now();
    const area = await door.start();
    warmUp.loadMs = performance.now() - loadFrom;
    if (!area) return end('failed', 'the diagnostics area failed to load (see the log)');
    // The tiny lint in a turn of its own, and not when a Dockerfile has opened meanwhile: its own
    // lint is already under way and would only wait behind this one.
    await nextTurn();
    if (abort.signal.aborted) return end('skipped', 'deactivated');
    if (vscode.workspace.textDocuments.some(isLintable)) return end('done', 'a Dockerfile opened: its own lint ran instead of the tiny one');
    warmUp.lintMs = area.warmUp(found);
    end('done');
  };
  setTimeout(() => {
    run().catch((err: unknown) => {
      ctx.log.warn(`The diagnostics warm-up failed: ${errorDetail(err)}`);
      end('failed', errorDetail(err));
    });
  }, START_DELAY_MS);
  return warmUp;
}

/** Loads the shell parser and parses one line (its first parse sets up tables); returns the time it took (ms). */
async function warmShellParser(): Promise<number> {
  const from = performance.now();
  // A CommonJS package imported from an ES module arrives as `default` (Node and the bundle's chunks alike).
  const { syntax } = (await import('mvdan-sh')).default;
  syntax.NewParser().Parse('apt-get update && echo "$HOME" | tr a-z A-Z > /tmp/x\n', '');
  return performance.now() - from;
}
