// Playwright checks of what is really on screen, from inside the extension host: each call writes
// a request into the launcher's channel folder and waits for its answer (see README.md here).
import * as fs from 'fs';
import * as path from 'path';
import { channelDir } from './channel';

/** Which frames a selector is looked up in: the workbench (default), '*' = all, else a URL part. */
export interface FrameOption { frame?: string; timeoutMs?: number }
export interface LocateOptions extends FrameOption { nth?: number; hasText?: string }

type Request =
  | ({ action: 'click'; selector: string; button?: 'left' | 'right' } & LocateOptions)
  | ({ action: 'waitFor'; selector: string; state?: 'visible' | 'attached' | 'hidden' | 'detached' } & LocateOptions)
  | ({ action: 'texts'; selector: string } & FrameOption)
  | ({ action: 'attributes'; selector: string; name: string } & FrameOption)
  | { action: 'clickAt'; at: [number, number]; timeoutMs?: number }
  | { action: 'drag'; from: [number, number]; to: [number, number]; timeoutMs?: number }
  | { action: 'press'; key: string; timeoutMs?: number }
  | { action: 'type'; text: string; delayMs?: number; timeoutMs?: number }
  | ({ action: 'evaluate'; expression: string } & FrameOption)
  | ({ action: 'screenshot'; path: string; selector?: string; clickSelectors?: string[]; waitForSelector?: string; settleMs?: number } & LocateOptions);

let counter = 0;

/** True when a launcher holding a browser page serves this run (code-server route). */
export function uiAvailable(): boolean {
  const dir = channelDir();
  return !!dir && fs.existsSync(path.join(dir, 'ui'));
}

/** Sends one request to the launcher and resolves with its result; rejects with its error. */
export async function ui<T = unknown>(request: Request): Promise<T> {
  const dir = channelDir();
  if (!dir || !uiAvailable()) {
    throw new Error('No UI channel: Playwright checks need the code-server launcher (node test/rig/run-integration.mjs).');
  }
  const uiDir = path.join(dir, 'ui');
  const id = `${Date.now().toString().padStart(14, '0')}-${process.pid}-${++counter}`;
  const tmp = path.join(uiDir, `${id}.req.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(request));
  fs.renameSync(tmp, path.join(uiDir, `${id}.req.json`));
  const resPath = path.join(uiDir, `${id}.res.json`);
  const deadline = Date.now() + (request.timeoutMs ?? 10_000) + 15_000;
  while (!fs.existsSync(resPath)) {
    if (Date.now() > deadline) throw new Error(`UI request ${request.action} got no answer from the launcher`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const res = JSON.parse(fs.readFileSync(resPath, 'utf8')) as { ok: boolean; result?: T; error?: string };
  fs.rmSync(resPath, { force: true });
  if (!res.ok) throw new Error(`UI ${request.action} failed: ${res.error}`);
  return res.result as T;
}

/** Shorthands for the common requests. */
export const page = {
  click: (selector: string, opts: LocateOptions = {}) => ui<null>({ action: 'click', selector, ...opts }),
  waitFor: (selector: string, opts: LocateOptions & { state?: 'visible' | 'attached' | 'hidden' | 'detached' } = {}) =>
    ui<null>({ action: 'waitFor', selector, ...opts }),
  texts: (selector: string, opts: FrameOption = {}) => ui<string[]>({ action: 'texts', selector, ...opts }),
  attributes: (selector: string, name: string, opts: FrameOption = {}) =>
    ui<(string | null)[]>({ action: 'attributes', selector, name, ...opts }),
  /** A mouse click at page coordinates (where an element was found a moment ago, see workbench.ts). */
  clickAt: (at: [number, number]) => ui<null>({ action: 'clickAt', at }),
  /** Mouse drag in page coordinates (e.g. a sash, to resize the side bar). */
  drag: (from: [number, number], to: [number, number]) => ui<null>({ action: 'drag', from, to }),
  press: (key: string) => ui<null>({ action: 'press', key }),
  type: (text: string) => ui<null>({ action: 'type', text }),
  evaluate: <T>(expression: string, opts: FrameOption = {}) => ui<T>({ action: 'evaluate', expression, ...opts }),
  screenshot: (file: string, opts: Omit<Extract<Request, { action: 'screenshot' }>, 'action' | 'path'> = {}) =>
    ui<string>({ action: 'screenshot', path: path.resolve(file), ...opts }),
};
