// How a view redraws its rows (src/views/redrawBatch.ts): a burst fires once, never while VS Code
// waits for children (VS Code 1.100 then breaks the row), the whole tree at once when asked or when
// too many rows wait.
import * as assert from 'assert';
import { RedrawBatch } from '../../../src/views/redrawBatch';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => { resolve = res; });
  return { promise, resolve };
}

function batch() {
  const fired: (string[] | undefined)[] = [];
  return { fired, redraws: new RedrawBatch<string>((rows) => fired.push(rows)) };
}

describe('views/redrawBatch', () => {
  it('fires the rows asked for in one turn together on the next turn, each row once', async () => {
    const { fired, redraws } = batch();
    redraws.add(['web']);
    redraws.add(['db', 'web']);
    assert.deepStrictEqual(fired, [], 'not inside the caller');
    await tick(5);
    assert.deepStrictEqual(fired, [['web', 'db']]);
    redraws.add(['cache']);
    await tick(5);
    assert.deepStrictEqual(fired, [['web', 'db'], ['cache']], 'a later row goes out on its own turn, not held back');
  });

  it('holds rows while an answer to VS Code is on its way, and fires them when the last one is out', async () => {
    const { fired, redraws } = batch();
    const first = deferred<string[]>();
    const second = deferred<string[]>();
    const a = redraws.answer(() => first.promise);
    const b = redraws.answer(() => second.promise);
    redraws.add(['web']);
    await tick(20);
    assert.deepStrictEqual(fired, [], 'held while children are read');
    first.resolve(['Layer', 'Files']);
    assert.deepStrictEqual(await a, ['Layer', 'Files']);
    await tick(20);
    assert.deepStrictEqual(fired, [], 'still one answer out');
    second.resolve([]);
    await b;
    await tick(20);
    assert.deepStrictEqual(fired, [['web']]);
  });

  it('does not hold the whole tree (VS Code drops the answers it waits for), nor fire rows it covers', async () => {
    const { fired, redraws } = batch();
    const pending = deferred<number>();
    const answer = redraws.answer(() => pending.promise);
    redraws.add(['web', undefined]);
    await tick(20);
    assert.deepStrictEqual(fired, [undefined]);
    pending.resolve(1);
    await answer;
    await tick(20);
    assert.deepStrictEqual(fired, [undefined], 'nothing held back');
  });

  it('redraws the whole tree when more than 50 rows wait, and nothing after clear()', async () => {
    const { fired, redraws } = batch();
    redraws.add(Array.from({ length: 51 }, (_, i) => `c${i}`));
    await tick(20);
    assert.deepStrictEqual(fired, [undefined]);
    redraws.add(['web']);
    redraws.clear();
    await tick(20);
    assert.deepStrictEqual(fired, [undefined]);
  });

  it('passes a failed answer on and still fires what waited', async () => {
    const { fired, redraws } = batch();
    const answer = redraws.answer(async () => { await tick(10); throw new Error('engine gone'); });
    redraws.add(['web']);
    await assert.rejects(answer, /engine gone/);
    await tick(20);
    assert.deepStrictEqual(fired, [['web']]);
  });
});
