// DL3000's quick fix: a relative WORKDIR becomes the absolute directory the builder resolves it to.
import { strict as assert } from 'node:assert';
import { applyFix, findings } from '../helpers';
import { absoluteWorkdirFix } from '../../../../src/lint/fixes/absoluteWorkdir';
import { LintDocument } from '../../../../src/lint/document';
import { applyEdits } from '../../../../src/lint/edits';
import { harmOfFix } from '../../../../src/lint/fixcheck';

/** The fix for the WORKDIR on 0-based `line` (computed directly: the rule fires only before any absolute WORKDIR). */
function fixed(text: string[], line: number): string {
  const src = text.join('\n') + '\n';
  const doc = new LintDocument(src);
  const ins = doc.instructions.find((i) => i.range.start.line === line)!;
  const fix = absoluteWorkdirFix(doc, ins)!;
  assert.ok(fix, `a fix for line ${line + 1}`);
  assert.deepEqual(harmOfFix(src, 'DL3000', fix[0]), [], 'the fix keeps the directory');
  return applyEdits(src, fix[0].edits).split('\n')[line];
}

describe('lint/fixes: DL3000 absolute WORKDIR', () => {
  it('prefixes / when no WORKDIR comes before, through the rule', () => {
    const text = ['FROM node:20', 'WORKDIR app', 'WORKDIR "my dir"'];
    const fs = findings('DL3000', text);
    assert.equal(fs.length, 2);
    assert.equal(applyFix(text, fs[0]), 'FROM node:20\nWORKDIR /app\nWORKDIR "my dir"\n');
    assert.equal(applyFix(text, fs[1]), 'FROM node:20\nWORKDIR app\nWORKDIR "/app/my dir"\n', 'joined to the relative one before it, quotes kept');
    assert.ok(fs[0].fixes![0].preferred);
  });

  it('joins the previous absolute WORKDIR of the stage, or of the stage it builds on', () => {
    assert.equal(fixed(['FROM alpine', 'WORKDIR /srv', 'WORKDIR ./app/../web'], 2), 'WORKDIR /srv/web');
    assert.equal(fixed(['FROM alpine AS base', 'WORKDIR /opt', 'FROM base', 'WORKDIR tool'], 3), 'WORKDIR /opt/tool');
    assert.equal(fixed(['FROM alpine AS base', 'WORKDIR /opt', 'FROM alpine', 'WORKDIR tool'], 3), 'WORKDIR /tool', 'another image: no inheritance');
  });

  it('offers nothing for a path with a variable', () => {
    const doc = new LintDocument('FROM alpine\nWORKDIR $HOME/app\n');
    assert.equal(absoluteWorkdirFix(doc, doc.instructions[1]), undefined);
  });
});
