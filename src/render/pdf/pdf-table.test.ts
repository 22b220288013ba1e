import { test } from 'node:test';
import assert from 'node:assert/strict';
import { c, captioned, small } from '../layout-fixtures.js';
import { repeatedHeaderRows } from '../layout-grid.js';
import { createFontSet } from './pdf-fonts.js';
import { balancedLines, breakPieces, justifySpacing, wrapLines } from './pdf-measure.js';
import { cellText, gridBody, pdfTable, splitBlocks } from './pdf-table.js';

test('gridBody fills every grid position: spans on the starting cell, {} where a merged cell reaches', () => {
  const body = gridBody(small, ({ cell }) => ({ text: cell.text }));
  assert.deepEqual(body, [
    [{ text: '角', rowSpan: 2, colSpan: 2 }, {}, { text: '申请人', colSpan: 2 }, {}],
    [{}, {}, { text: '甲' }, { text: '乙' }],
    [{ text: '组', rowSpan: 2 }, { text: '子一' }, { text: '1' }, { text: '' }],
    [{}, { text: '子二' }, { text: '0' }, { text: '3' }],
  ]);
  for (const row of body) assert.equal(row.length, small.columnCount);
});

test('splitBlocks gives one block per caption, each with its own header rows to repeat', () => {
  const blocks = splitBlocks(captioned);
  assert.deepEqual(blocks.map((b) => b.rows.map((r) => r[0]!.text)), [
    ['第二十条第（一）项', '信息内容', '规章'], ['第二十条第（五）项', '信息内容', '行政许可'],
  ]);
  assert.equal(repeatedHeaderRows(blocks[0]!), 2);
});

test('group labels: one character a line in a narrow column, a break after the enumerator otherwise', () => {
  assert.equal(cellText(c('三、本年度办理结果', 'row-label', 22), 20, 9), '三\n、\n本\n年\n度\n办\n理\n结\n果');
  assert.equal(cellText(c('（三）不予公开', 'row-label', 8), 45, 9), '（三）\n不予公开');
  assert.equal(cellText(c('1.属于国家秘密', 'row-label'), 45, 9), '1.属于国家秘密');
});

test('line wrapping keeps Latin words whole and punctuation off the wrong line end', () => {
  assert.deepEqual(breakPieces('（二）部分公开，165.51万元'), ['（二）', '部', '分', '公', '开，', '165.51', '万', '元']);
  const em = (s: string) => [...s].length * 10; // 10 pt a character
  assert.deepEqual(wrapLines('商业企业', 30, em), ['商业企', '业']);
  assert.deepEqual(balancedLines('商业企业', 30, em), ['商业', '企业']);
  assert.deepEqual(balancedLines('社会公益组织', 40, em), ['社会公', '益组织']);
  assert.deepEqual(balancedLines('总计', 40, em), ['总计']);
  assert.deepEqual(wrapLines('甲\n乙', 100, em), ['甲', '乙']);
});

test('paragraph wrapping: a first-line indent, web addresses broken anywhere, spaces dropped at breaks, justified spacing', () => {
  const em = (s: string) => [...s].length * 10;
  assert.deepEqual(wrapLines('甲乙丙丁戊己庚辛', 40, em, { firstLineIndent: 20 }), ['甲乙', '丙丁戊己', '庚辛']);
  assert.deepEqual(breakPieces('站（http://a.cn）查', true), ['站', '（h', 't', 't', 'p:', '/', '/', 'a.', 'c', 'n）', '查']);
  assert.deepEqual(breakPieces('站（http://a.cn）查'), ['站', '（http:', '//a.cn）', '查']);
  assert.deepEqual(wrapLines('ab cd ef', 50, em), ['ab cd', 'ef']);
  assert.deepEqual(wrapLines('甲abcdefg', 40, em), ['甲abc', 'defg'], 'a word wider than a line breaks anywhere');
  // 30 pt of text spread to 40 pt over two gaps (a hair short, so pdfmake never wraps it).
  assert.ok(Math.abs(justifySpacing('甲乙丙', 30, 40) - 5) < 0.01);
  assert.ok(Math.abs(justifySpacing('甲乙丙', 30, 40, 2) - 10) < 0.01, 'two inlines: one gap fewer');
  assert.equal(justifySpacing('甲', 10, 40), 0);
});

test('pdfTable: widths as shares of the text width, merged cells centred by margin, rows unbreakable', () => {
  const fonts = createFontSet();
  const { node, height } = pdfTable(small, { fontSize: 9, minRowHeight: 14, textWidth: 400, paddingX: 2, id: 't' }, fonts);
  const table = (node as { table: { widths: string[]; heights: number[]; headerRows: number; dontBreakRows: boolean; body: unknown[][] } }).table;
  assert.deepEqual(table.widths, ['20%', '30%', '25%', '25%']);
  assert.equal(table.headerRows, 2);
  assert.equal(table.dontBreakRows, true);
  assert.equal(table.heights.length, 4);
  assert.ok(table.heights.every((h) => h >= 14));
  assert.ok(height > table.heights.reduce((s, h) => s + h, 0));
  const group = table.body[2]![0] as { text: string; rowSpan: number; margin: number[]; verticalAlignment?: string };
  assert.equal(group.rowSpan, 2);
  assert.equal(group.verticalAlignment, undefined);
  assert.ok(group.margin[1]! > 0, 'a merged cell is pushed down to the middle of its rows');
  const value = table.body[2]![2] as { text: string; verticalAlignment: string };
  assert.deepEqual([value.text, value.verticalAlignment], ['1', 'middle']);
  assert.equal((table.body[2]![3] as { text: string }).text, '', 'a blank cell stays empty, never 0');
  assert.equal((node as { id?: string }).id, 't');
});
