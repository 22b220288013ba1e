/**
 * Progress on stderr: a bar redrawn in place on a terminal, cut to its width; plain lines otherwise.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitEnd, progressBar, progressReporter } from './progress.js';
import { displayWidth } from './text-table.js';

function fakeStream(isTTY: boolean, columns = 60) {
  const written: string[] = [];
  return { stream: { isTTY, columns, write: (t: string) => written.push(t) > 0 }, written };
}

describe('progress', () => {
  it('draws the bar: empty, part, full', () => {
    assert.equal(progressBar(0, 4, 10), '[>         ]');
    assert.equal(progressBar(2, 4, 10), '[=====>    ]');
    assert.equal(progressBar(4, 4, 10), '[==========]');
    assert.equal(progressBar(0, 0, 4), '[====]');
  });

  it('keeps the end of a long name within the width, counting Chinese as two columns', () => {
    assert.equal(fitEnd('a.txt', 10), 'a.txt');
    const cut = fitEnd('报告/某某区人民政府2021年政府信息公开工作年度报告.docx', 20);
    assert.ok(cut.startsWith('…') && cut.endsWith('年度报告.docx'));
    assert.ok(displayWidth(cut) <= 20);
  });

  it('on a terminal: redraws one line with \\r, clears the rest, ends with a newline', () => {
    const { stream, written } = fakeStream(true, 60);
    const report = progressReporter(stream);
    report(0, 2, 'a.txt');
    report(1, 2, '某某局2021年报告.pdf');
    report(2, 2, '');
    assert.equal(written[0], `\r${progressBar(0, 2)} 0/2 a.txt\x1b[K`);
    assert.equal(written[1], `\r${progressBar(1, 2)} 1/2 某某局2021年报告.pdf\x1b[K`);
    assert.equal(written[2], `\r${progressBar(2, 2)} 2/2 完成\x1b[K\n`);
    for (const w of written) assert.ok(displayWidth(w.replace(/\x1b\[K|\r|\n/g, '')) < 60);
  });

  it('elsewhere: one plain line per file', () => {
    const { stream, written } = fakeStream(false);
    const report = progressReporter(stream);
    report(0, 2, 'a.txt');
    report(1, 2, 'b.pdf');
    report(2, 2, '');
    assert.deepEqual(written, ['1/2 a.txt\n', '2/2 b.pdf\n']);
  });
});
