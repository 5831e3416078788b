import { strict as assert } from 'node:assert';
import { Expansion, rowWindow } from '../../../webview-ui/lib/tree';

describe('webview tree: expansion and the window of rows', () => {
  it('computes the window of rows to render', () => {
    assert.deepEqual(rowWindow(100_000, 0, 440, 22, 10), { start: 0, end: 30 });
    assert.deepEqual(rowWindow(100_000, 22_000, 440, 22, 10), { start: 990, end: 1030 });
    assert.deepEqual(rowWindow(15, 0, 440, 22, 10), { start: 0, end: 15 });
  });

  it('keeps a person\'s choices over the default and sends them as they were made', () => {
    const expansion = new Expansion();
    assert.equal(expansion.isExpanded('app', true), true);
    assert.equal(expansion.isExpanded('app', false), false);
    expansion.set('app', false);
    expansion.set('bin', true);
    assert.equal(expansion.isExpanded('app', true), false);
    assert.equal(expansion.isExpanded('bin', false), true);
    expansion.set('app', true);
    assert.deepEqual(expansion.choices(), { opened: ['bin', 'app'], closed: [] });
    assert.deepEqual(Expansion.from(expansion.choices()).choices(), expansion.choices());
    expansion.clear();
    assert.deepEqual(expansion.choices(), { opened: [], closed: [] });
  });
});
