// The reference order without a collator (src/model/compareRefs.ts) against Intl.Collator('en').
import * as assert from 'node:assert/strict';
import { compareRefs } from '../../../src/model/compareRefs';

const collator = new Intl.Collator('en');
const sign = (n: number) => Math.sign(n);

describe('model: image references in the collator\'s order', () => {
  it('agrees with Intl.Collator(\'en\') on random references of the reference alphabet, case and prefixes included', () => {
    // A small seeded generator, so a failure can be replayed.
    let seed = 12345;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = '_-:.@/0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const few = 'aAbB0:/.-_';
    const word = () => {
      const chars = random(3) === 0 ? few : alphabet;
      return Array.from({ length: random(7) }, () => chars[random(chars.length)]).join('');
    };
    let checked = 0;
    for (let i = 0; i < 50_000; i++) {
      const a = word();
      // Often a near miss: the same text with one character changed, recased, or cut short.
      const b = random(2) ? word() : random(2) ? a.toUpperCase() : a.slice(0, random(a.length + 1)) + word();
      assert.equal(sign(compareRefs(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      checked++;
    }
    assert.equal(checked, 50_000);
  });

  it('sorts real references as the collator does', () => {
    const refs = ['registry.local:5000/app:1.0', 'app:latest', 'App:Latest', 'app-db:2', 'app_db:2', 'app.db:2', 'app/db:2', 'app:Latest',
      'busybox:1', 'busybox:10', 'busybox:9', 'localhost/x:y', 'a:b', 'a-b:c', 'ab:c'];
    assert.deepEqual([...refs].sort(compareRefs), [...refs].sort(collator.compare));
  });

  it('leaves characters outside the alphabet to the collator', () => {
    for (const [a, b] of [['é:1', 'e:1'], ['a b', 'a-b'], ['ä', 'b'], ['a+b', 'a-b']]) {
      assert.equal(sign(compareRefs(a, b)), sign(collator.compare(a, b)), `${a} vs ${b}`);
    }
  });
});
