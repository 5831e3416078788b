// The two-phase view load (src/views/phasedLoad.ts): the later rows never end up under the first
// phase's, whatever settles first, and a newer load drops an older load's later phase.
import * as assert from 'assert';
import { PhasedLoads } from '../../../src/views/phasedLoad';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function recorder() {
  const shown: string[] = [];
  return { shown, targets: { showNow: (r: string) => shown.push(`now:${r}`), showLater: (r: string) => shown.push(`later:${r}`) } };
}

describe('views/phasedLoad', () => {
  it('shows the later rows last when the slow read had already answered (the Dangling "… reclaimable" race)', async () => {
    const loads = new PhasedLoads<string>();
    const { shown, targets } = recorder();
    // /system/df cached and settled by another view before this load even reads the image list.
    const df = Promise.resolve('with bytes');
    await loads.run(async () => ({ now: 'no bytes yet', later: df }), targets);
    await loads.settled;
    assert.deepStrictEqual(shown, ['now:no bytes yet', 'later:with bytes']);
  });

  it('shows the later rows when the slow read answers after the first phase', async () => {
    const loads = new PhasedLoads<string>();
    const { shown, targets } = recorder();
    const df = deferred<string>();
    await loads.run(async () => ({ now: 'a', later: df.promise }), targets);
    assert.deepStrictEqual(shown, ['now:a']);
    df.resolve('b');
    await loads.settled;
    assert.deepStrictEqual(shown, ['now:a', 'later:b']);
  });

  it('drops the later phase of a load that a newer load replaced (an event while /system/df is under way)', async () => {
    const loads = new PhasedLoads<string>();
    const { shown, targets } = recorder();
    const oldDf = deferred<string>();
    const newDf = deferred<string>();
    await loads.run(async () => ({ now: 'old', later: oldDf.promise }), targets);
    await loads.run(async () => ({ now: 'new', later: newDf.promise }), targets);
    newDf.resolve('new bytes');
    await loads.settled;
    oldDf.resolve('old bytes');
    await oldDf.promise;
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(shown, ['now:old', 'now:new', 'later:new bytes']);
  });

  it('keeps the newest load\'s later phase when the older one answers first', async () => {
    const loads = new PhasedLoads<string>();
    const { shown, targets } = recorder();
    const oldDf = deferred<string>();
    const newDf = deferred<string>();
    await loads.run(async () => ({ now: 'old', later: oldDf.promise }), targets);
    await loads.run(async () => ({ now: 'new', later: newDf.promise }), targets);
    oldDf.resolve('old bytes');
    await new Promise((r) => setImmediate(r));
    newDf.resolve('new bytes');
    await loads.settled;
    assert.deepStrictEqual(shown, ['now:old', 'now:new', 'later:new bytes']);
  });

  it('shows plain rows as one phase and rethrows a failed read without showing anything', async () => {
    const loads = new PhasedLoads<string[]>();
    const shown: string[][] = [];
    await loads.run(async () => ['x', 'y'], { showNow: (r) => shown.push(r), showLater: () => assert.fail('no later phase') });
    assert.deepStrictEqual(shown, [['x', 'y']]);
    await assert.rejects(loads.run(async () => { throw new Error('engine gone'); }, { showNow: () => assert.fail('nothing to show'), showLater: () => assert.fail('nothing later') }), /engine gone/);
  });

  it('keeps the first phase when the later phase brings nothing or fails', async () => {
    const loads = new PhasedLoads<string>();
    const { shown, targets } = recorder();
    await loads.run(async () => ({ now: 'a', later: Promise.resolve(undefined) }), targets);
    await loads.settled;
    await loads.run(async () => ({ now: 'b', later: Promise.reject(new Error('df failed')) }), targets);
    await loads.settled;
    assert.deepStrictEqual(shown, ['now:a', 'now:b']);
  });
});
