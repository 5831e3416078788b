import { strict as assert } from 'node:assert';
import { savingsMarkdown, savingsReport } from '../../../src/insight/savings';
import { summarize } from '../../../src/insight/summary';
import { plantedImage } from './planted';

describe('insight/savings', () => {
  it('ranks what would save the most, largest first, each byte counted once', async () => {
    const { analysis, link } = await plantedImage();
    const report = savingsReport(summarize(analysis), link);
    assert.deepEqual(report.items.map((i) => [i.code, i.bytes, i.lines]), [
      ['LS2002', 3_000_000, [3, 4]],
      ['LS2001', 120_000, [2]],
      ['LS2001', 40_000, [2]],
      ['LS2004', 5021, [1]],
      ['LS2001', 5000, [2]],
      ['LS2004', 300, [1]],
    ]);
    assert.equal(report.total, 3_170_321);
    assert.equal(report.items[0].what, 'files written by line 4 (RUN) and deleted or replaced by line 5 (RUN) (/tmp/big)');
    assert.match(report.items[1].action, /&& apt-get clean$/);
    assert.ok(report.items.every((i) => !/inefficien|user wasted/i.test(`${i.what} ${i.action}`)), 'plain words');
  });

  it('names layers instead of lines when no Dockerfile is linked', async () => {
    const { analysis } = await plantedImage();
    const report = savingsReport(summarize(analysis));
    assert.equal(report.items[0].what, 'files written by layer 2 and deleted or replaced by layer 3 (/tmp/big)');
    assert.ok(report.items.every((i) => i.lines.length === 0));
    // Without a link nothing says which layers COPY made: no .dockerignore items.
    assert.ok(report.items.every((i) => i.code !== 'LS2004'));
  });

  it('renders Markdown for a pull-request comment', async () => {
    const { analysis, link } = await plantedImage();
    const md = savingsMarkdown(savingsReport(summarize(analysis), link), { dockerfile: 'Dockerfile' });
    assert.match(md, /^### Image size: what would save the most\n\nAbout \*\*3\.17 MB\*\* could be saved\./);
    assert.match(md, /\| 3 MB \| Dockerfile:4, Dockerfile:5 \| files written by line 4 \(RUN\)/);
    assert.equal(md.split('\n').filter((l) => l.startsWith('| ')).length, 7);
    assert.match(savingsMarkdown({ items: [], total: 0 }), /Nothing to save/);
  });
});
