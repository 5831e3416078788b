// Every Dockerfile of the shared corpus (../shared/corpus/dockerfiles beside the repo) lints without
// throwing and without an internal-error finding.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintDockerfile } from '../../../src/lint/index';
import { INTERNAL_ERROR_CODE } from '../../../src/lint/types';
import { applyEdits } from '../../../src/lint/edits';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/dockerfiles');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}

describe('lint corpus', function () {
  this.timeout(60000);
  it('lints all 248 corpus files with no exception, no internal error, ranges inside the text and applicable fixes', () => {
    const files = walk(CORPUS);
    assert.equal(files.length, 248, `expected the 248 corpus files under ${CORPUS}`);
    let total = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const out = lintDockerfile(text, { fileName: f, readFile: () => undefined });
      const internal = out.filter((x) => x.code === INTERNAL_ERROR_CODE);
      assert.deepEqual(internal, [], `${f}: ${internal.map((x) => x.message).join('; ')}`);
      const lens = text.split(/\r\n|\r|\n/).map((l) => l.length);
      for (const x of out) {
        for (const p of [x.range.start, x.range.end]) assert.ok(p.line < lens.length && p.character <= lens[p.line], `${f}: ${x.code} range outside the text`);
        for (const fix of x.fixes ?? []) applyEdits(text, fix.edits); // throws on overlapping edits
      }
      total += out.length;
    }
    assert.ok(total > 0, 'the corpus should produce some findings');
  });
  it('every preferred quick fix removes its finding and adds no validity error', () => {
    let applied = 0;
    for (const f of walk(CORPUS)) {
      const text = readFileSync(f, 'utf8');
      const before = lintDockerfile(text);
      for (const x of before) {
        const fix = x.fixes?.find((q) => q.preferred);
        if (!fix) continue;
        const after = lintDockerfile(applyEdits(text, fix.edits));
        const count = (list: typeof before, pick: (c: string) => boolean) => list.filter((y) => pick(y.code)).length;
        assert.ok(count(after, (c) => c === x.code) < count(before, (c) => c === x.code), `${f}:${x.range.start.line + 1} ${x.code}: '${fix.title}' left the finding`);
        assert.ok(count(after, (c) => c.startsWith('LS')) <= count(before, (c) => c.startsWith('LS')), `${f}:${x.range.start.line + 1} ${x.code}: '${fix.title}' broke the file`);
        applied++;
      }
    }
    assert.ok(applied > 100, `only ${applied} fixes were tried`);
  });
});
