import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unruledTables } from './pdf-columns.js';
import { ruledTables, type GridTable } from './pdf-grid.js';
import { continues, mergeTables } from './pdf-merge.js';
import type { Segment } from './pdf-rules.js';
import { groupLines, joinLines, joinRuns, unifyIdeographs, type TextRun } from './pdf-text.js';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });
/** A run of 10 pt text with its baseline at y (CJK characters one em wide). */
const run = (text: string, x: number, y: number, page = 1): TextRun => ({ text, x, y, width: [...text].length * 10, size: 10, page });

const cellsOf = (table: GridTable) => table.cells.map((c) => `${c.r},${c.c} ${c.rowSpan}×${c.colSpan} ${c.text}`);

/**
 * A 3 × 3 grid at x 0/100/200/300, y 0/20/40/60 whose first column's two lower cells are one
 * (no line between them) and whose top row's right two cells are one.
 */
function mergedGrid(): Segment[] {
  return [
    h(0, 0, 300), h(20, 0, 300), h(40, 100, 300), h(60, 0, 300),
    v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60),
  ];
}

test('merged cells come from the borders that are not drawn; text goes to its cell, wrapped lines joined', () => {
  const runs = [
    run('信息内容', 10, 14), run('数量', 150, 14),
    run('三、本年', 10, 34), run('度结果', 10, 48), run('12', 150, 34), run('0', 250, 34),
    run('7', 150, 54), run('105', 250, 54),
    run('表外文字', 10, 90),
  ];
  const { tables, rest } = ruledTables(1, mergedGrid(), runs);
  assert.equal(tables.length, 1);
  assert.deepEqual(cellsOf(tables[0]!), [
    '0,0 1×1 信息内容', '0,1 1×2 数量',
    '1,0 2×1 三、本年度结果', '1,1 1×1 12', '1,2 1×1 0',
    '2,1 1×1 7', '2,2 1×1 105',
  ]);
  assert.deepEqual(rest.map((r) => r.text), ['表外文字']);
});

test('a run that crosses a column border is split by its characters', () => {
  const { tables } = ruledTables(1, mergedGrid(), [run('甲乙', 90, 54)]);
  const texts = tables[0]!.cells.filter((c) => c.text).map((c) => `${c.r},${c.c} ${c.text}`);
  assert.deepEqual(texts, ['1,0 甲', '2,1 乙']);
});

test('borders drawn cell by cell, a hair apart, make one grid; a lone box is no table', () => {
  const pieces = [
    h(0, 0, 100), h(0.4, 100, 200), h(20, 0, 200), h(40, 0, 200),
    v(0, 0, 20), v(0.3, 20, 40), v(100, 0, 40), v(200, 0, 40),
  ];
  const { tables } = ruledTables(1, pieces, []);
  assert.equal(tables[0]!.xs.length, 3);
  assert.equal(tables[0]!.rowCount, 2);
  assert.equal(ruledTables(1, [h(0, 0, 100), h(50, 0, 100), v(0, 0, 50), v(100, 0, 50)], [run('框内', 10, 30)]).tables.length, 0);
});

test('a table continued on the next page: columns united, the repeated header dropped', () => {
  const page1 = ruledTables(1, mergedGrid(), [run('信息内容', 10, 14), run('数量', 150, 14), run('甲', 10, 34), run('1', 150, 34)]).tables[0]!;
  const lines = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(0, 0, 40), v(100, 0, 40), v(300, 0, 40)];
  const page2 = ruledTables(2, lines, [run('信息内容', 10, 14), run('数量', 150, 14), run('乙', 10, 34), run('2', 150, 34)]).tables[0]!;
  assert.ok(continues(page1, page2));
  const merged = mergeTables(page1, page2);
  assert.equal(merged.rowCount, 4);
  assert.deepEqual(cellsOf(merged).slice(-2), ['3,0 1×1 乙', '3,1 1×2 2']);
  assert.deepEqual(merged.cells.filter((c) => c.r === 3).map((c) => c.page), [2, 2]);
  // Another width is another table.
  const narrow = ruledTables(2, [h(0, 0, 200), h(20, 0, 200), v(0, 0, 20), v(100, 0, 20), v(200, 0, 20)], []).tables[0]!;
  assert.equal(continues(page1, narrow), false);
});

test('lines: runs on one baseline in x order; spaces only between Latin words; lines joined without spaces in Chinese', () => {
  const lines = groupLines([run('公开', 30, 100), run('政府信息', 70, 100.5), run('第二行', 0, 120)]);
  assert.deepEqual(lines.map((l) => l.text), ['公开政府信息', '第二行']);
  assert.equal(joinRuns([run('LED', 0, 0), run('screen', 40, 0)]), 'LED screen');
  assert.equal(joinRuns([run('2021', 0, 0), run('年', 43, 0)]), '2021年');
  // Producers that map glyphs to Kangxi radicals (⾏ U+2F8F) give the ideograph back; full-width stays.
  assert.equal(unifyIdeographs('⾏政许可（１）'), '行政许可（１）');
  assert.equal(joinLines(['（二）部分公开（区分处理的，只计这一情形，不', '计其他情形）']), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  // A URL or figure wrapped onto the next line is joined as it was; a space glyph keeps its space.
  assert.equal(joinLines(['http://www.h', 'uancui.gov.cn']), 'http://www.huancui.gov.cn');
  const [a, b] = groupLines([run('see the', 0, 10), { ...run('annual report', 0, 30), spaceBefore: true }]);
  assert.equal(joinLines([a!, b!]), 'see the annual report');
});

test('a table without borders: rows list the pieces they show; a wrapped label joins its row', () => {
  const lines = groupLines([
    run('信息内容', 0, 10), run('本年制发件数', 150, 10), run('现行有效件数', 300, 10),
    run('行政规范性文件', 0, 30), run('2', 180, 30), run('5', 330, 30),
    run('其他主动公开', 0, 45), run('36', 180, 50), run('118', 330, 50), run('文件', 0, 56),
    run('规章', 0, 75), run('0', 330, 75),
  ]);
  const { tables, rest } = unruledTables(1, lines);
  assert.equal(rest.length, 0);
  assert.deepEqual(tables[0]!.cells.map((c) => `${c.r},${c.c} ${c.text}`), [
    '0,0 信息内容', '0,1 本年制发件数', '0,2 现行有效件数',
    '1,0 行政规范性文件', '1,1 2', '1,2 5',
    '2,0 其他主动公开文件', '2,1 36', '2,2 118',
    '3,0 规章', '3,1 0',
  ]);
  assert.equal(tables[0]!.ruled, false);
});

test('prose is never taken for a table without borders', () => {
  const prose = groupLines([
    run('本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括六个部分。', 0, 10),
    run('2021', 0, 30), run('年，本局主动公开政府信息', 60, 30),
  ]);
  assert.equal(unruledTables(1, prose).tables.length, 0);
});
