// Every rule code we can report has its doc page (the editor and SARIF link to it).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MEASURED_RULES } from '../../../src/lint/measuredRules';
import { rules } from '../../../src/lint/registry';
import { syntaxRules } from '../../../src/lint/validity';
import { INTERNAL_ERROR_CODE } from '../../../src/lint/types';

const DOCS = resolve(__dirname, '../../../docs/rules');

describe('rule docs', () => {
  for (const code of [...rules.map((r) => r.meta.code), ...syntaxRules.map((r) => r.code), INTERNAL_ERROR_CODE]) {
    it(`${code} has docs/rules/${code}.md with why, bad and good`, () => {
      const p = resolve(DOCS, `${code}.md`);
      assert.ok(existsSync(p), `missing ${p}`);
      const text = readFileSync(p, 'utf8');
      assert.ok(text.startsWith(`# ${code}`), 'title names the code');
      for (const h of ['## Why', '## Bad', '## Good']) assert.ok(text.includes(h), `missing section ${h}`);
    });
  }
});

describe('docs/lint.md', () => {
  it('lists every rule', () => {
    const text = readFileSync(resolve(DOCS, '..', 'lint.md'), 'utf8');
    const missing = [...rules, ...MEASURED_RULES.map((meta) => ({ meta }))].map((r) => r.meta.code).filter((c) => !text.includes(`[${c}](rules/${c}.md)`));
    assert.deepEqual(missing, []);
  });
});

describe('measured rule docs', () => {
  for (const meta of MEASURED_RULES) {
    it(`${meta.code} has a page with why, bad, good and how it is measured`, () => {
      const text = readFileSync(resolve(DOCS, `${meta.code}.md`), 'utf8');
      assert.ok(text.startsWith(`# ${meta.code}: `), 'title names the code');
      for (const h of ['## Why', '## Bad', '## Good', '## How it is measured']) assert.ok(text.includes(h), `missing section ${h}`);
      assert.ok(text.includes(`Default level: **${meta.level}**`), 'states the level the code uses');
      assert.match(text, /## Bad\n\n```dockerfile\n[\s\S]+?```/, 'a Dockerfile example under Bad');
    });
  }
});
