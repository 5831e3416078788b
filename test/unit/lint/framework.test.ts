import { strict as assert } from 'node:assert';
import { lintDockerfile } from '../../../src/lint/index';
import { LintDocument } from '../../../src/lint/document';
import { mergeConfig, parseConfigText, reachesThreshold } from '../../../src/lint/config';
import { applyEdits } from '../../../src/lint/edits';
import { codesFor, findRule, rules } from '../../../src/lint/registry';
import type { Rule } from '../../../src/lint/rule';
import { INTERNAL_ERROR_CODE } from '../../../src/lint/types';

const codes = (text: string, opts = {}) => lintDockerfile(text, opts).map((f) => `${f.range.start.line + 1}:${f.code}`);

describe('lintDockerfile', () => {
  it('turns a throwing rule into one internal-error finding and still runs the others', () => {
    const boom: Rule = { meta: { code: 'XX0001', level: 'error', source: 'hadolint', title: 't' }, check() { throw new Error('kaput'); } };
    const out = lintDockerfile('FROM a:latest\n', { rules: [boom, findRule('DL3007')!] });
    assert.deepEqual(out.map((f) => f.code).sort(), ['DL3007', INTERNAL_ERROR_CODE]);
    assert.match(out.find((f) => f.code === INTERNAL_ERROR_CODE)!.message, /XX0001.*kaput/);
  });
  it('maps dockerfile-utils validity problems to LS codes at level error', () => {
    const out = lintDockerfile('FROM a:1\nFOO bar\nHEALTHCHECK --interval=abc CMD true\nCOPY onlyone\n');
    assert.deepEqual(out.filter((f) => f.code.startsWith('LS')).map((f) => `${f.range.start.line + 1}:${f.code}:${f.level}`), ['2:LS0001:error', '3:LS0006:error', '4:LS0002:error']);
  });
  it('does not report validator checks our own rules own twice', () => {
    const out = codes('FROM a:1\nMAINTAINER me\nWORKDIR rel\nCMD ["a"]\nCMD ["b"]\n');
    assert.ok(out.includes('2:DL4000') && out.includes('3:DL3000') && out.includes('4:DL4003'));
    assert.equal(out.filter((c) => c.includes('LS')).length, 0);
  });
  it('applies ignored and override from the configuration (aliases too)', () => {
    const config = mergeConfig({ ignored: ['DL3007'], override: { MaintainerDeprecated: 'style' } });
    const out = lintDockerfile('FROM a:latest\nMAINTAINER me\n', { config });
    assert.deepEqual(out.map((f) => `${f.code}:${f.level}`), ['DL4000:style']);
  });
  it('keeps every range inside the text', () => {
    const text = 'FROM a:1\nEXPOSE 99999';
    for (const f of lintDockerfile(text)) assert.ok(f.range.end.line <= 1 && f.range.end.character <= 'EXPOSE 99999'.length);
  });
  it('survives empty and binary input', () => {
    assert.doesNotThrow(() => lintDockerfile(''));
    assert.doesNotThrow(() => lintDockerfile('\u0000\uffff\r\r\n\\'));
  });
});

describe('pragmas', () => {
  it('# hadolint ignore= applies to the next instruction only', () => {
    assert.deepEqual(codes('FROM a:1\n# hadolint ignore=DL3020,DL3045\n# another comment\nADD x y\nADD x y\n').filter((c) => c.endsWith('DL3020')), ['5:DL3020']);
  });
  it('# hadolint global ignore= applies everywhere', () => {
    assert.deepEqual(codes('FROM a:latest\n# hadolint global ignore=DL3007\nFROM b:latest\n').filter((c) => c.endsWith('DL3007')), []);
  });
  it('# check=skip= takes BuildKit names and DL codes; all skips only BuildKit checks', () => {
    assert.deepEqual(codes('# check=skip=JSONArgsRecommended,DL3007\nFROM a:latest\nCMD run\n'), []);
    const all = codes('# check=skip=all\nFROM a:latest AS X\nCMD run\n');
    assert.deepEqual(all, ['2:DL3007']);
  });
  it('# check=error=true raises BuildKit checks to error', () => {
    const out = lintDockerfile('# check=error=true\nFROM a:1 AS Build\n');
    assert.deepEqual(out.map((f) => `${f.code}:${f.level}`), ['StageNameCasing:error']);
  });
  it('a check directive after an instruction is not a directive', () => {
    assert.deepEqual(codes('FROM a:latest\n# check=skip=DL3007\n'), ['1:DL3007']);
  });
  it('disable-ignore-pragma turns pragmas off', () => {
    assert.deepEqual(codes('# hadolint global ignore=DL3007\nFROM a:latest\n', { config: mergeConfig({ disableIgnorePragma: true }) }), ['2:DL3007']);
  });
});

describe('registry', () => {
  it('has unique codes and resolves aliases (several rules for one alias)', () => {
    const all = rules.map((r) => r.meta.code);
    assert.equal(new Set(all).size, all.length);
    assert.equal(findRule('jsonargsrecommended')?.meta.code, 'DL3025');
    assert.deepEqual(codesFor('MultipleInstructionsDisallowed').sort(), ['DL3012', 'DL4003', 'DL4004']);
    assert.deepEqual(codesFor('SC2086'), ['SC2086']);
  });
});

describe('config', () => {
  it('parses .hadolint.yaml keys', () => {
    const { config, errors } = parseConfigText([
      'ignored: [DL3008, DL3015]', 'override:', '  error: [DL3001]', '  info: [DL3032]', 'trustedRegistries:', '  - docker.io',
      'failure-threshold: warning', 'label-schema:', '  author: text', 'strict-labels: true', 'unknown-key: 1',
    ].join('\n'));
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      ignored: ['DL3008', 'DL3015'], override: { DL3001: 'error', DL3032: 'info' }, trustedRegistries: ['docker.io'],
      failureThreshold: 'warning', labelSchema: { author: 'text' }, strictLabels: true,
    });
  });
  it('reports bad YAML and bad shapes as messages', () => {
    assert.match(parseConfigText('ignored: [', 'x.yaml').errors[0], /^x.yaml: not valid YAML/);
    assert.match(parseConfigText('failure-threshold: loud').errors[0], /failure-threshold/);
    assert.match(parseConfigText('override:\n  fatal: [DL1]').errors[0], /override.fatal/);
    assert.match(parseConfigText('- a').errors[0], /mapping/);
  });
  it('merges with later sources winning', () => {
    const c = mergeConfig({ ignored: ['A'], failureThreshold: 'error', override: { X: 'info' } }, { ignored: ['B'], override: { Y: 'style' } });
    assert.deepEqual([c.ignored, c.failureThreshold, c.override], [['B'], 'error', { X: 'info', Y: 'style' }]);
  });
  it('thresholds', () => {
    assert.equal(reachesThreshold('warning', 'warning'), true);
    assert.equal(reachesThreshold('info', 'warning'), false);
    assert.equal(reachesThreshold('error', 'none'), false);
  });
});

describe('LintDocument', () => {
  const text = [
    'ARG BASE=alpine:3', 'FROM $BASE AS build', 'ONBUILD RUN make \\', '# comment', '  && install', 'SHELL ["powershell", "-Command"]', 'RUN Get-Item x',
    'FROM build AS test', 'RUN still-powershell', 'FROM alpine:3', 'COPY --from=build /a /a', 'RUN ["echo", "exec"]', 'RUN <<EOF', 'echo hi', 'EOF',
  ].join('\n') + '\n';
  const doc = new LintDocument(text);
  it('builds stages with names, parents, reuse and final flags', () => {
    assert.deepEqual(doc.stages.map((s) => [s.name, s.parent?.index ?? null, s.isFinal, s.reused]), [['build', null, false, true], ['test', 0, false, false], [null, null, true, false]]);
    assert.equal(doc.globalArgs.length, 1);
  });
  it('tracks the shell per instruction, across stages built on each other', () => {
    const runs = doc.runs();
    assert.deepEqual(runs.map((r) => [r.range.start.line + 1, r.posixShell, !!r.onbuild]), [[3, true, true], [7, false, false], [9, false, false], [12, true, false], [13, true, false]]);
  });
  it('gives shell source with Dockerfile comments blanked, same length, exec form excluded', () => {
    const onbuildRun = doc.runs()[0];
    const src = doc.shellSource(onbuildRun)!;
    assert.equal(src.text, 'make \\\n' + ' '.repeat(10) + '  && install');
    assert.equal(text.slice(src.start, src.start + src.text.length).length, src.text.length);
    assert.equal(doc.shellSource(doc.runs()[3]), null);
    assert.deepEqual(doc.runs()[3].execForm, ['echo', 'exec']);
    assert.equal(doc.runs()[4].heredocs.length, 1);
  });
  it('computes variable scope (global ARGs only in FROM)', () => {
    assert.ok(doc.scopeAt(doc.stages[0].from).has('BASE'));
    assert.ok(!doc.scopeAt(doc.stages[0].instructions[0]).has('BASE'));
  });
  it('treats `# escape=` continuations', () => {
    const d = new LintDocument('# escape=`\nFROM a:1\nRUN echo a `\n  b\n');
    assert.equal(d.shellSource(d.runs()[0])!.text, 'echo a \\\n  b');
  });
});

describe('applyEdits', () => {
  it('applies several edits against the original positions', () => {
    const out = applyEdits('ab\ncd\n', [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'X' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '>' },
    ]);
    assert.equal(out, '>ab\nXd\n');
  });
  it('rejects overlapping edits', () => {
    const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
    assert.throws(() => applyEdits('abc', [{ range: r, newText: '' }, { range: r, newText: 'x' }]));
  });
});

describe('lintDockerfile input hardening', () => {
  it('accepts a partial or malformed config object without throwing', () => {
    const bad = { ignored: 'DL3007', override: null, trustedRegistries: undefined } as unknown as import('../../../src/lint/config').LintConfig;
    const out = lintDockerfile('FROM a:latest\n', { config: bad });
    assert.deepEqual(out.map((f) => f.code), ['DL3007']);
  });
  it('a throwing readFile does not break the lint', () => {
    const out = lintDockerfile('FROM a:1\nCOPY x /x\n', { readFile: () => { throw new Error('EACCES'); } });
    assert.ok(!out.some((f) => f.code === INTERNAL_ERROR_CODE));
  });
});

describe('validity and rules do not double-report', () => {
  it('an instruction before FROM is DL3061 only; a file without FROM is LS0008', () => {
    assert.deepEqual(codes('RUN x\nFROM a:1\n'), ['1:DL3061']);
    assert.deepEqual(codes('ARG A=1\n'), ['1:LS0008']);
    assert.deepEqual(codes(''), ['1:LS0008']);
  });
});

describe('validity overlaps with rules', () => {
  it('COPY to a non-directory is DL3021 only; ADD keeps the validity error', () => {
    assert.deepEqual(codes('FROM a:1\nCOPY a b /dest\n'), ['2:DL3021']);
    assert.deepEqual(codes('FROM a:1\nADD a b /dest\n'), ['2:DL3020', '2:LS0007']);
  });
  it('EXPOSE with a host part is ExposeInvalidFormat only; a bad port stays LS0005', () => {
    assert.deepEqual(codes('FROM a:1\nEXPOSE 1.2.3.4:80:80\n'), ['2:ExposeInvalidFormat']);
    assert.deepEqual(codes('FROM a:1\nEXPOSE http\n'), ['2:LS0005']);
  });
});

describe('dockerfile-ast memo', () => {
  it('repeated calls return equal, independent lists (flags stripped every time)', () => {
    const doc = new LintDocument('FROM a:1\nCOPY --from=b --chown=1:1 x y /d/\nLABEL k="v $X"\n');
    const copy = doc.instructions[1].node;
    const first = copy.getArguments().map((a) => a.getValue());
    const again = copy.getArguments();
    assert.deepEqual(first, ['x', 'y', '/d/']);
    assert.deepEqual(again.map((a) => a.getValue()), first);
    again.pop();
    assert.equal(copy.getArguments().length, 3);
    const label = doc.instructions[2].node;
    assert.deepEqual(label.getVariables().map((v) => v.getName()), ['X']);
    assert.deepEqual(label.getVariables().map((v) => v.getName()), ['X']);
  });
});
