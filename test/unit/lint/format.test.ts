import { strict as assert } from 'node:assert';
import { formatCheckstyle, xmlEscape } from '../../../src/lint/format/checkstyle';
import { formatJson } from '../../../src/lint/format/json';
import { formatSarif } from '../../../src/lint/format/sarif';
import { formatTty } from '../../../src/lint/format/tty';
import type { Finding } from '../../../src/lint/types';

const f = (code: string, level: Finding['level'], line: number, ch: number, message = 'm'): Finding =>
  ({ code, level, message, range: { start: { line, character: ch }, end: { line, character: ch + 3 } } });

describe('output formats', () => {
  const results = [{ file: 'a/Dockerfile', findings: [f('DL3007', 'warning', 0, 5), f('SC2086', 'info', 2, 0, 'quote "$x" <here> & there')] }, { file: 'b', findings: [] }];

  it('json: hadolint shape, 1-based, in order', () => {
    assert.deepEqual(JSON.parse(formatJson(results)), [
      { code: 'DL3007', column: 6, file: 'a/Dockerfile', level: 'warning', line: 1, message: 'm' },
      { code: 'SC2086', column: 1, file: 'a/Dockerfile', level: 'info', line: 3, message: 'quote "$x" <here> & there' },
    ]);
    assert.equal(formatJson([]), '[]');
  });
  it('tty: one line per finding, colour only when asked', () => {
    assert.equal(formatTty(results), 'a/Dockerfile:1:6 DL3007 warning: m\na/Dockerfile:3:1 SC2086 info: quote "$x" <here> & there\n');
    assert.match(formatTty(results, true), /\x1b\[33mwarning\x1b\[0m/);
    assert.equal(formatTty([]), '');
  });
  it('checkstyle: escaped attributes, style maps to info, control characters replaced', () => {
    const out = formatCheckstyle([{ file: 'x"y', findings: [f('DL3048', 'style', 0, 0, 'a\u0001b')] }, results[0]]);
    assert.match(out, /<file name="x&quot;y">\n<error line="1" column="1" severity="info" message="a\ufffdb" source="DL3048"\/>/);
    assert.match(out, /message="quote &quot;\$x&quot; &lt;here&gt; &amp; there"/);
    assert.equal(xmlEscape("'"), '&apos;');
  });
  it('sarif: levels, rule metadata and help links (ours and the ShellCheck wiki), URIs', () => {
    const log = JSON.parse(formatSarif([...results, { file: '/abs/my file', findings: [f('DL3048', 'style', 1, 1)] }, { file: 'C:\\w\\Dockerfile', findings: [f('DL3007', 'error', 0, 0)] }], { docsBase: 'https://docs.example/rules/' }));
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string; helpUri?: string }) => [r.id, r.helpUri ?? null]), [
      ['DL3007', 'https://docs.example/rules/DL3007.md'], ['DL3048', 'https://docs.example/rules/DL3048.md'], ['SC2086', 'https://www.shellcheck.net/wiki/SC2086'],
    ]);
    assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['warning', 'note', 'note', 'error']);
    assert.deepEqual(run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri),
      ['a/Dockerfile', 'a/Dockerfile', 'file:///abs/my%20file', 'file:///C:/w/Dockerfile']);
    assert.equal(run.results[1].ruleIndex, 2);
  });
});
