// Every RUN rule has a doc page whose bad example triggers the rule and whose good example does not.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellRules } from '../../../../src/lint/rules/shell';
import { findings } from './helpers';

const DOCS = join(__dirname, '../../../../docs/rules');

function example(page: string, heading: string): string {
  const at = page.indexOf(`## ${heading}\n`);
  assert.ok(at >= 0, `has a ${heading} section`);
  const open = page.indexOf('```dockerfile\n', at);
  const close = page.indexOf('\n```', open + 1);
  return page.slice(open + '```dockerfile\n'.length, close) + '\n';
}

describe('RUN rule doc pages', () => {
  for (const rule of shellRules) {
    const code = rule.meta.code;
    it(`${code}: the page exists, its bad example fires and its good example does not`, () => {
      const file = join(DOCS, `${code}.md`);
      assert.ok(existsSync(file), `${file} exists`);
      const page = readFileSync(file, 'utf8');
      assert.ok(page.includes(`hadolint ignore=${code}`), 'says how to suppress');
      assert.ok(findings(code, example(page, 'Bad')).length > 0, 'bad example fires');
      assert.equal(findings(code, example(page, 'Good')).length, 0, 'good example is quiet');
    });
  }
});
