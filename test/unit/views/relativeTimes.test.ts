// The one relative-time timer, driven with stand-in trees: it needs no VS Code (types only).
import * as assert from 'node:assert/strict';
import { RelativeTimes, type Retimable } from '../../../src/views/relativeTimes';

type Listener = () => void;
function tree(delays: (number | undefined)[]) {
  const visibility: Listener[] = [];
  const rebuilt: Listener[] = [];
  const calls: number[] = [];
  const t: Retimable & { visible: boolean; calls: number[]; show(v: boolean): void; rebuild(): void } = {
    visible: true,
    calls,
    view: {
      get visible() { return t.visible; },
      onDidChangeVisibility: (l: Listener) => { visibility.push(l); return { dispose() {} }; },
    } as unknown as Retimable['view'],
    onDidRebuild: ((l: Listener) => { rebuilt.push(l); return { dispose() {} }; }) as unknown as Retimable['onDidRebuild'],
    retime(now: number) {
      calls.push(now);
      return delays.length > 1 ? delays.shift() : delays[0];
    },
    show(v: boolean) { t.visible = v; for (const l of visibility) l(); },
    rebuild() { for (const l of rebuilt) l(); },
  };
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('views/relativeTimes', () => {
  it('one timer for all trees, set for the soonest change; hidden trees are not re-worded', async () => {
    const fast = tree([300]);
    const slow = tree([60_000]);
    const times = new RelativeTimes([fast, slow]);
    try {
      fast.rebuild();
      assert.equal(fast.calls.length, 1);
      assert.equal(slow.calls.length, 1, 'every visible tree is re-worded on a replan');
      await sleep(800);
      assert.ok(times.ticks >= 1 && times.ticks <= 3, `ticked about every 320 ms, never faster: ${times.ticks}`);
      assert.equal(fast.calls.length, slow.calls.length, 'each tick re-words every visible tree once');
      slow.visible = false;
      const before = slow.calls.length;
      await sleep(400);
      assert.equal(slow.calls.length, before, 'a hidden tree is left alone');
    } finally {
      times.dispose();
    }
  });

  it('sleeps when nothing counts time or nothing is visible, and wakes on a rebuild or when shown', async () => {
    const t = tree([undefined]);
    const times = new RelativeTimes([t]);
    try {
      t.rebuild();
      await sleep(400);
      assert.equal(times.ticks, 0);
      assert.equal(t.calls.length, 1);
      const shown = tree([250]);
      const other = new RelativeTimes([shown]);
      shown.show(false);
      await sleep(400);
      assert.equal(other.ticks, 0, 'hidden: no timer');
      shown.show(true);
      await sleep(400);
      assert.ok(other.ticks >= 1, 'shown: ticking');
      other.dispose();
      const ticks = other.ticks;
      await sleep(400);
      assert.equal(other.ticks, ticks, 'disposed: stopped');
    } finally {
      times.dispose();
    }
  });
});
