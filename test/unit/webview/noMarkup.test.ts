// A guard for the webview's one rule about text: it never parses strings as HTML. Every element is
// made by webview-ui/dom.ts with text nodes, so none of these APIs may appear in the webview code.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../webview-ui');
const forbidden = /\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('webview code', () => {
  it('has no HTML-parsing or eval APIs anywhere', () => {
    const files = sources(root);
    assert.ok(files.length >= 5, `found ${files.length} sources`);
    const offenders = files.flatMap((file) => readFileSync(file, 'utf8').split('\n')
      .map((line, i) => ({ file, line: i + 1, text: line }))
      .filter((l) => forbidden.test(l.text)));
    assert.deepEqual(offenders, []);
  });
});
