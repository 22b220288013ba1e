import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LayoutCell, TableLayout } from '../table-layout-types.js';
import { createFontSet } from './pdf-fonts.js';
import { balancedLines, breakPieces, wrapLines } from './pdf-measure.js';
import { cellText, gridBody, pdfTable, placeCells, repeatedHeaderRows, splitBlocks } from './pdf-table.js';

const c = (text: string, role: LayoutCell['role'], rowSpan = 1, colSpan = 1, blank = false): LayoutCell =>
  ({ text, role, rowSpan, colSpan, align: role === 'row-label' ? 'left' : 'center', ...(blank ? { blank } : {}) });

/**
 * A small table shaped like table 三's top-left: a 2×2 corner, a header over two columns, a
 * group label spanning two body rows, a blank value.
 *
 *   | corner (2×2)    | 申请人 (×2)  |
 *   |                 | 甲   | 乙    |
 *   | 组 (↓2) | 子一  | 1    |       |   (乙 blank)
 *   |         | 子二  | 0    | 3     |
 */
const small: TableLayout = {
  table: '三',
  columnCount: 4,
  columnWidths: [20, 30, 25, 25],
  rows: [
    [c('角', 'corner', 2, 2), c('申请人', 'header', 1, 2)],
    [c('甲', 'header'), c('乙', 'header')],
    [c('组', 'row-label', 2, 1), c('子一', 'row-label'), c('1', 'value'), c('', 'value', 1, 1, true)],
    [c('子二', 'row-label'), c('0', 'value'), c('3', 'value')],
  ],
};

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

test('placeCells gives grid positions and rejects overlapping, overflowing or incomplete layouts', () => {
  assert.deepEqual(placeCells(small).map((p) => [p.cell.text, p.row, p.column]), [
    ['角', 0, 0], ['申请人', 0, 2], ['甲', 1, 2], ['乙', 1, 3], ['组', 2, 0], ['子一', 2, 1], ['1', 2, 2], ['', 2, 3],
    ['子二', 3, 1], ['0', 3, 2], ['3', 3, 3],
  ]);
  const broken = (rows: LayoutCell[][]): TableLayout => ({ ...small, rows });
  assert.throws(() => placeCells(broken([[c('a', 'header', 1, 5)]])), /超出表格范围/);
  assert.throws(() => placeCells(broken([[c('a', 'header', 3, 4)], [c('b', 'value', 1, 4)]])), /超出表格范围/);
  assert.throws(() => placeCells(broken([[c('a', 'header', 1, 3)], [c('b', 'value', 1, 4)]])), /没有单元格/);
});

test('header rows repeat only when they start the table and stay above the body', () => {
  assert.equal(repeatedHeaderRows(small), 2);
  const captioned: TableLayout = {
    table: '二', columnCount: 2, columnWidths: [50, 50],
    rows: [
      [c('第二十条第（一）项', 'caption', 1, 2)], [c('信息内容', 'header'), c('数量', 'header')], [c('规章', 'row-label'), c('1', 'value')],
      [c('第二十条第（五）项', 'caption', 1, 2)], [c('信息内容', 'header'), c('数量', 'header')], [c('行政许可', 'row-label'), c('2', 'value')],
    ],
  };
  assert.equal(repeatedHeaderRows(captioned), 0);
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
