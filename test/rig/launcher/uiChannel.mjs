// The UI channel: extension tests cannot reach the browser page, so they write a request file
// (<channel>/ui/<id>.req.json) and the launcher, which holds the Playwright page, performs it and
// writes <id>.res.json. Protocol documented in test/integration/support/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { sleep } from './codeServer.mjs';

const DEFAULT_TIMEOUT = 10_000;

/** Serves requests until stop() is called. */
export function serveUiChannel(channelDir, page, { log = () => {} } = {}) {
  const dir = path.join(channelDir, 'ui');
  fs.mkdirSync(dir, { recursive: true });
  let running = true;
  const loop = (async () => {
    while (running) {
      const requests = fs.readdirSync(dir).filter((f) => f.endsWith('.req.json')).sort();
      for (const file of requests) {
        const id = file.slice(0, -'.req.json'.length);
        const reqPath = path.join(dir, file);
        let response;
        try {
          const request = JSON.parse(fs.readFileSync(reqPath, 'utf8'));
          log(`ui: ${request.action} ${request.selector ?? request.key ?? request.path ?? ''}`);
          response = { ok: true, result: await perform(page, request) };
        } catch (err) {
          response = { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
        fs.rmSync(reqPath, { force: true });
        const tmp = path.join(dir, `${id}.res.tmp`);
        fs.writeFileSync(tmp, JSON.stringify(response));
        fs.renameSync(tmp, path.join(dir, `${id}.res.json`));
      }
      await sleep(50);
    }
  })();
  return { stop: async () => { running = false; await loop; } };
}

async function perform(page, req) {
  const timeout = req.timeoutMs ?? DEFAULT_TIMEOUT;
  switch (req.action) {
    case 'click': {
      const loc = await locate(page, req, timeout);
      await loc.click({ timeout, button: req.button ?? 'left' });
      return null;
    }
    case 'waitFor': {
      const state = req.state ?? 'visible';
      if (state === 'hidden' || state === 'detached') {
        await page.locator(req.selector).first().waitFor({ state, timeout });
        return null;
      }
      const loc = await locate(page, req, timeout);
      await loc.waitFor({ state, timeout });
      return null;
    }
    case 'texts': {
      const frames = framesFor(page, req.frame);
      const texts = [];
      for (const frame of frames) texts.push(...(await frame.locator(req.selector).allInnerTexts()));
      return texts;
    }
    case 'attributes': {
      const frames = framesFor(page, req.frame);
      const values = [];
      for (const frame of frames) {
        for (const el of await frame.locator(req.selector).all()) values.push(await el.getAttribute(req.name));
      }
      return values;
    }
    case 'clickAt':
      await page.mouse.click(req.at[0], req.at[1]);
      return null;
    case 'drag':
      await page.mouse.move(req.from[0], req.from[1]);
      await page.mouse.down();
      await page.mouse.move(req.to[0], req.to[1], { steps: 8 });
      await page.mouse.up();
      return null;
    case 'press':
      await page.keyboard.press(req.key);
      return null;
    case 'type':
      await page.keyboard.type(req.text, { delay: req.delayMs ?? 10 });
      return null;
    case 'evaluate': {
      const [frame] = req.frame ? await framesWith(page, req.frame, 'body', timeout) : [page.mainFrame()];
      return await frame.evaluate(req.expression);
    }
    case 'screenshot': {
      for (const selector of req.clickSelectors ?? []) {
        await (await locate(page, { ...req, selector }, timeout)).click({ timeout });
      }
      if (req.waitForSelector) await (await locate(page, { ...req, selector: req.waitForSelector }, timeout)).waitFor({ timeout });
      // Park the pointer on the status bar so no hover tooltip covers what the picture is about.
      await page.mouse.move(page.viewportSize().width - 200, page.viewportSize().height - 5);
      if (req.settleMs) await sleep(req.settleMs);
      fs.mkdirSync(path.dirname(req.path), { recursive: true });
      if (req.selector) await (await locate(page, req, timeout)).screenshot({ path: req.path, timeout });
      else await page.screenshot({ path: req.path, fullPage: false });
      return req.path;
    }
    default:
      throw new Error(`unknown UI action '${req.action}'`);
  }
}

/** frame: undefined = the workbench page; '*' = every frame; other text = frames whose URL contains it. */
function framesFor(page, frame) {
  if (!frame) return [page.mainFrame()];
  return page.frames().filter((f) => frame === '*' || f.url().includes(frame));
}

async function framesWith(page, frame, selector, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = [];
    for (const f of framesFor(page, frame)) {
      if (await f.locator(selector).count().catch(() => 0)) found.push(f);
    }
    if (found.length) return found;
    if (Date.now() > deadline) throw new Error(`no frame${frame ? ` matching '${frame}'` : ''} contains '${selector}' after ${timeout} ms`);
    await sleep(100);
  }
}

/** The (nth, default first) element matching selector, waiting for it to exist. */
async function locate(page, req, timeout) {
  if (!req.selector) throw new Error(`UI action '${req.action}' needs a selector`);
  const [frame] = await framesWith(page, req.frame, req.selector, timeout);
  let loc = frame.locator(req.selector);
  if (req.hasText) loc = loc.filter({ hasText: req.hasText });
  return req.nth === undefined ? loc.first() : loc.nth(req.nth);
}
