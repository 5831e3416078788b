// OnFirstUse (src/onFirstUse.ts): the Layers panels and the Dockerfile ↔ image glue load through it.
import * as assert from 'node:assert/strict';
import { OnFirstUse } from '../../src/onFirstUse';

describe('OnFirstUse', () => {
  it('loads once however many ask, and only when asked', async () => {
    let loads = 0;
    const lazy = new OnFirstUse(async () => ({ n: ++loads }));
    assert.equal(loads, 0);
    assert.equal(lazy.loaded, undefined);
    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    assert.equal(loads, 1);
    assert.equal(a, b);
    assert.equal(lazy.loaded, a);
  });

  it('calls whenLoaded subscribers at the load, and at once after it, without loading', async () => {
    const lazy = new OnFirstUse<string>(async () => 'panels');
    const seen: string[] = [];
    lazy.whenLoaded((v) => seen.push(`early ${v}`));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(seen.length, 0, 'subscribing does not load');
    await lazy.get();
    assert.deepEqual(seen, ['early panels']);
    lazy.whenLoaded((v) => seen.push(`late ${v}`));
    assert.deepEqual(seen, ['early panels', 'late panels']);
  });

  it('tries again after a failed load', async () => {
    let attempt = 0;
    const lazy = new OnFirstUse(async () => {
      if (++attempt === 1) throw new Error('chunk missing');
      return attempt;
    });
    await assert.rejects(lazy.get(), /chunk missing/);
    assert.equal(await lazy.get(), 2);
  });
});
