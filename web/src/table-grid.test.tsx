import { describe, expect, it } from 'vitest';
import type { InterchangeCell } from './api-types.js';
import { buildTableGrid, buildTableGrids, cellAddress, parseCellInput, type GridCell, type GridValueCell } from './table-grid.js';
import { demoDocument } from './test-fixtures.js';

const values = (cells: GridCell[][]): GridValueCell[] => cells.flat().filter((c): c is GridValueCell => c.kind === 'value');

function find(cells: GridCell[][], row: string[], column: string[]): GridValueCell {
  const hit = values(cells).find((c) => JSON.stringify(c.row) === JSON.stringify(row) && JSON.stringify(c.column) === JSON.stringify(column));
  if (!hit) throw new Error(`no cell ${row.join('/')} × ${column.join('/')}`);
  return hit;
}

describe('buildTableGrid', () => {
  const doc = demoDocument();

  it('keeps a blank cell blank and a 0 as 0', () => {
    const grid = buildTableGrid('二', doc.cells);
    const blank = find(grid.rows, ['第二十条第（一）项', '规章'], ['本年新制作数量']);
    expect(blank.value).toBeNull();
    expect(blank.blank).toBe(true);
    expect(blank.text).toBe('');
    const zero = find(grid.rows, ['第二十条第（一）项', '规范性文件'], ['本年新公开数量']);
    expect(zero.value).toBe(0);
    expect(zero.blank).toBe(false);
    expect(zero.text).toBe('0');
  });

  it('places the seed figures and keeps the amount unit', () => {
    const grid = buildTableGrid('二', doc.cells);
    expect(find(grid.rows, ['第二十条第（五）项', '行政许可'], ['处理决定数量']).text).toBe('17302');
    const amount = find(grid.rows, ['第二十条第（九）项', '政府集中采购'], ['采购总金额']);
    expect(amount.value).toBe(165.51);
    expect(amount.unit).toBe('万元');
    expect(amount.amount).toBe(true);
    expect(find(grid.rows, ['第二十条第（九）项', '政府集中采购'], ['采购项目数量']).amount).toBe(false);
  });

  it('recognises a blank amount cell by its column, since a blank carries no unit', () => {
    const cells = doc.cells.map((c) => (c.column[0] === '采购总金额' ? { table: c.table, row: c.row, column: c.column, value: null } : c));
    const amount = find(buildTableGrid('二', cells).rows, ['第二十条第（九）项', '政府集中采购'], ['采购总金额']);
    expect([amount.blank, amount.unit, amount.amount]).toEqual([true, null, true]);
  });

  it('has one value cell per document cell, each pointing back at its index', () => {
    const grids = buildTableGrids(doc.cells);
    expect(grids.map((g) => g.table)).toEqual(['二', '三', '四']);
    const all = grids.flatMap((g) => values(g.rows));
    expect(all).toHaveLength(198);
    for (const c of all) {
      const cell = doc.cells[c.index]!;
      expect(c.address).toBe(cellAddress(cell.table, cell.row, cell.column));
      expect(c.value).toBe(cell.value);
    }
    expect(grids.map((g) => values(g.rows).length)).toEqual([22, 161, 15]);
  });

  it('lays table 二 out in captioned blocks; a short block’s last column spans the rest', () => {
    const grid = buildTableGrid('二', doc.cells);
    expect(grid.labelColumns).toBe(1);
    expect(grid.columnCount).toBe(4);
    const captions = grid.rows.flat().filter((c) => c.kind === 'caption').map((c) => c.text);
    expect(captions).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(grid.rows.flat().filter((c) => c.kind === 'header' && c.text === '信息内容')).toHaveLength(5);
    const fees = find(grid.rows, ['第二十条第（八）项', '行政事业性收费'], ['本年增/减']);
    expect(fees.colSpan).toBe(2);
    expect(fees.value).toBe(1);
  });

  it('merges table 三 headers and row labels as the national format prints them', () => {
    const grid = buildTableGrid('三', doc.cells);
    expect(grid.labelColumns).toBe(3);
    expect(grid.columnCount).toBe(10);
    const [h1, h2, h3] = grid.rows;
    expect(h1!.map((c) => [c.kind, c.rowSpan, c.colSpan])).toEqual([['corner', 3, 3], ['header', 1, 7]]);
    expect(h1![1]!.text).toBe('申请人情况');
    expect(h2!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([['自然人', 2, 1], ['法人或其他组织', 1, 5], ['总计', 2, 1]]);
    expect(h3!.map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const results = grid.rows.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect([results.rowSpan, results.colSpan]).toEqual([20, 1]);
    const withheld = grid.rows.flat().find((c) => c.text === '（三）不予公开')!;
    expect(withheld.rowSpan).toBe(8);
    const first = grid.rows.flat().find((c) => c.text === '一、本年新收政府信息公开申请数量')!;
    expect(first.colSpan).toBe(3);
    expect(find(grid.rows, ['一、本年新收政府信息公开申请数量'], ['总计']).value).toBe(0);
    expect(find(grid.rows, ['一、本年新收政府信息公开申请数量'], ['自然人']).blank).toBe(true);
  });

  it('lays table 四 out as one row of 15 cells under three header levels', () => {
    const grid = buildTableGrid('四', doc.cells);
    expect(grid.labelColumns).toBe(0);
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows[0]!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([['行政复议', 1, 5], ['行政诉讼', 1, 10]]);
    expect(grid.rows[1]!.slice(0, 5).every((c) => c.rowSpan === 2)).toBe(true);
    expect(values(grid.rows).map((c) => c.text).filter((t) => t !== '')).toEqual(['0', '0', '0']);
  });

  it('keeps a local extra row of table 二 in its block, marked extra', () => {
    const extra: InterchangeCell[] = ['本年新制作数量', '本年新公开数量', '对外公开总数量'].map((col, i) => ({
      table: '二', row: ['第二十条第（一）项', '其他主动公开文件'], column: [col], value: i === 0 ? null : i, extra: true,
    }));
    const cells = [...doc.cells.slice(0, 6), ...extra, ...doc.cells.slice(6)];
    const grid = buildTableGrid('二', cells);
    const rowIndex = grid.rows.findIndex((r) => r.some((c) => c.text === '其他主动公开文件'));
    expect(rowIndex).toBe(4); // caption, header, 规章, 规范性文件, then the extra row
    const extraCells = values([grid.rows[rowIndex]!]);
    expect(extraCells.map((c) => [c.extra, c.value])).toEqual([[true, null], [true, 1], [true, 2]]);
  });
});

describe('parseCellInput', () => {
  it('reads empty as blank, never 0', () => {
    expect(parseCellInput('')).toEqual({ value: null, valid: true });
    expect(parseCellInput('   ')).toEqual({ value: null, valid: true });
    expect(parseCellInput('0')).toEqual({ value: 0, valid: true });
  });

  it('reads numbers, signed changes and decimals', () => {
    expect(parseCellInput(' 17302 ')).toEqual({ value: 17302, valid: true });
    expect(parseCellInput('-3')).toEqual({ value: -3, valid: true });
    expect(parseCellInput('165.51')).toEqual({ value: 165.51, valid: true });
  });

  it('keeps placeholders as written and flags other text', () => {
    expect(parseCellInput('/')).toEqual({ value: '/', valid: true });
    expect(parseCellInput('无')).toEqual({ value: '无', valid: true });
    expect(parseCellInput('十二')).toEqual({ value: '十二', valid: false });
  });
});
