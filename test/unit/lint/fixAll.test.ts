import * as assert from 'node:assert/strict';
import { lintDockerfile } from '../../../src/lint';
import { applyEdits } from '../../../src/lint/edits';
import { fixAll, minimalEdit } from '../../../src/lint/fixAll';
import type { Finding } from '../../../src/lint/types';

const lines = (...l: string[]) => l.join('\n') + '\n';
const lint = (text: string) => lintDockerfile(text);

describe('lint/fixAll', () => {
  it('applies every preferred fix, also those that touch the same instruction, over several passes', () => {
    const text = lines('FROM debian:12 AS Builder', 'MAINTAINER ops@example.com', 'RUN apt-get update && apt-get install curl', 'WORKDIR app', 'CMD node server.js');
    const r = fixAll(text, lint);
    assert.equal(r.text, lines(
      'FROM debian:12 AS builder',
      'LABEL org.opencontainers.image.authors="ops@example.com"',
      'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app',
      'CMD ["node", "server.js"]'));
    assert.equal(r.applied, 7);
    // What is left has no automatic fix.
    assert.deepEqual(lint(r.text).map((f) => f.code).sort(), ['DL3008']);
  });

  it('leaves a clean file as it is', () => {
    const text = lines('FROM alpine:3.19', 'CMD ["true"]');
    assert.deepEqual(fixAll(text, lint), { text, applied: 0 });
  });

  it('stops after maxPasses even when a lint keeps offering fixes', () => {
    let calls = 0;
    const endless = (t: string): Finding[] => {
      calls++;
      return [{ code: 'X', level: 'info', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [{ title: 'grow', preferred: true, edits: [{ range: { start: { line: 0, character: t.length }, end: { line: 0, character: t.length } }, newText: 'x' }] }] }];
    };
    assert.deepEqual(fixAll('', endless, 3), { text: 'xxx', applied: 3 });
    assert.equal(calls, 3);
  });

  it('skips fixes that are not preferred', () => {
    const f: Finding = { code: 'X', level: 'info', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      fixes: [{ title: 'maybe', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'b' }] }] };
    assert.deepEqual(fixAll('a', () => [f]), { text: 'a', applied: 0 });
  });
});

describe('lint/fixAll: minimalEdit', () => {
  const roundTrip = (from: string, to: string) => {
    const e = minimalEdit(from, to);
    assert.equal(e ? applyEdits(from, [e]) : from, to);
    return e;
  };

  it('replaces only the changed middle', () => {
    assert.deepEqual(roundTrip('FROM a\nRUN x\nCMD y\n', 'FROM a\nRUN x -y\nCMD y\n'),
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, newText: ' -y' });
  });

  it('handles edits at the very start and end, deletions, and no change', () => {
    roundTrip('abc', 'xabc');
    roundTrip('abc', 'abcx');
    roundTrip('a\nb\nc\n', 'a\nc\n');
    roundTrip('aaa', 'aa');
    assert.equal(roundTrip('same\n', 'same\n'), undefined);
  });
});
