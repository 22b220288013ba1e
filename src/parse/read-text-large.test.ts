/**
 * A large text (issue 11): tables of more cells than any report are refused before they are built (50 MB of
 * TAB-separated data would need gigabytes), with a Chinese message; a report's own text and long prose are read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportFile } from './parse-file.js';
import { MAX_TEXT_CELLS, readText } from './read-text.js';

describe('a large text', () => {
  it('refuses TAB-separated data of more cells than a report has', async () => {
    const rows = '项目\t1\t2\t3\n'.repeat(Math.ceil(MAX_TEXT_CELLS / 4) + 1);
    assert.throws(() => readText(rows), /^Error: 文本中的表格单元格过多（超过 10 万个/);
    const words = '\t12\n'.repeat(MAX_TEXT_CELLS + 1);
    const result = await parseReportFile(Buffer.from(words), '数据.txt');
    assert.equal(result.report, null);
    assert.match(result.error ?? '', /^文本中的表格单元格过多/);
  });

  it('reads a table just under the cap', () => {
    const rows = '项目\t1\t2\t3\n'.repeat(Math.floor(MAX_TEXT_CELLS / 4));
    assert.equal(readText(rows).blocks.length, 1);
  });
});
