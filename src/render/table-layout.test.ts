import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { newReport } from '../core/report/new-report.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { TableId } from '../core/format/format-types.js';
import { layoutTable } from './table-layout.js';
import type { LayoutCell, TableLayout } from './table-layout-types.js';

const seed = (): ReportDocument =>
  fromInterchange(JSON.parse(readFileSync(new URL('../demo/huancui-approval-bureau-2019.json', import.meta.url), 'utf8')));

/**
 * Places every cell in an occupancy matrix (as a browser lays out rowspan/colspan) and asserts
 * that no two cells overlap, no cell leaves the grid, and every grid row is exactly full.
 */
function assertGrid(layout: TableLayout): Array<Array<LayoutCell | undefined>> {
  const grid: Array<Array<LayoutCell | undefined>> = layout.rows.map(() => Array(layout.columnCount).fill(undefined));
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < layout.columnCount && grid[r]![c]) c++;
      assert.ok(cell.rowSpan >= 1 && cell.colSpan >= 1, `表${layout.table} 第${r + 1}行：跨度须为正`);
      assert.ok(c + cell.colSpan <= layout.columnCount, `表${layout.table} 第${r + 1}行“${cell.text}”超出列数`);
      assert.ok(r + cell.rowSpan <= layout.rows.length, `表${layout.table} 第${r + 1}行“${cell.text}”超出行数`);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          assert.equal(grid[r + dr]![c + dc], undefined, `表${layout.table} (${r + dr},${c + dc}) 重叠`);
          grid[r + dr]![c + dc] = cell;
        }
      }
      c += cell.colSpan;
    }
  });
  grid.forEach((row, r) => row.forEach((cell, c) => assert.ok(cell, `表${layout.table} (${r},${c}) 空缺`)));
  return grid;
}

const values = (l: TableLayout) => l.rows.flat().filter((c) => c.role === 'value');
const find = (l: TableLayout, text: string) => l.rows.flat().find((c) => c.text === text);

const fixture = (name: string): ReportDocument =>
  fromInterchange(JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')));

test('fixtures: the 2021 local extra row adds one row of three value cells to table 二', () => {
  const report = fixture('full-2021.json');
  assert.equal(report.extraRows.length, 1);
  const layout = layoutTable(report, '二');
  assertGrid(layout);
  assert.equal(values(layout).length, 10 + 3);
  assert.equal(values(layout).filter((c) => c.blank).length, Object.values(report.cells).filter((v, i) => v === null && Object.keys(report.cells)[i]!.startsWith('二:')).length);
  for (const table of ['三', '四'] as TableId[]) assertGrid(layoutTable(report, table));
  const l2020 = fixture('full-2020.json');
  for (const table of ['二', '三', '四'] as TableId[]) assertGrid(layoutTable(l2020, table));
  assert.equal(values(layoutTable(l2020, '三')).length, 161);
});

const cases: Array<[string, () => ReportDocument, Record<TableId, number>]> = [
  ['2019 seed', seed, { 二: 22, 三: 161, 四: 15 }],
  ['2019 new', () => newReport('某某局', 2019), { 二: 22, 三: 161, 四: 15 }],
  ['2021 new', () => newReport('某某局', 2023), { 二: 10, 三: 175, 四: 15 }],
];

for (const [name, make, counts] of cases) {
  test(`${name}: value cells, full grids, widths`, () => {
    const report = make();
    for (const table of ['二', '三', '四'] as TableId[]) {
      const layout = layoutTable(report, table);
      assert.equal(report.extraRows.length, 0);
      assert.equal(values(layout).length, counts[table], `表${table} 数值单元格数`);
      assertGrid(layout);
      assert.equal(layout.columnWidths.length, layout.columnCount);
      assert.ok(Math.abs(layout.columnWidths.reduce((s, w) => s + w, 0) - 100) < 1e-9, `表${table} 列宽合计 100`);
      for (const cell of values(layout)) assert.ok(cell.cellKey, '数值单元格带 cellKey');
    }
  });
}

test('table 二: one 4-column grid, caption/header/data rows, short blocks stretch their last column', () => {
  const l19 = layoutTable(seed(), '二');
  assert.equal(l19.columnCount, 4);
  assert.deepEqual(l19.rows[0], [{ text: '第二十条第（一）项', rowSpan: 1, colSpan: 4, role: 'caption', align: 'center' }]);
  assert.deepEqual(l19.rows[1]!.map((c) => c.text), ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
  const item8 = l19.rows.findIndex((r) => r[0]!.text === '第二十条第（八）项');
  assert.deepEqual(l19.rows[item8 + 1]!.map((c) => [c.text, c.colSpan]), [['信息内容', 1], ['上一年项目数量', 1], ['本年增/减', 2]]);
  assert.deepEqual(l19.rows[item8 + 2]!.map((c) => c.colSpan), [1, 1, 2]);
  assert.equal(l19.rows[item8 + 2]![0]!.text, '行政事业性收费');
  // The seed's procurement amount keeps its unit.
  assert.equal(values(l19).find((c) => c.cellKey === '二:procurement:amount')!.text, '165.51万元');

  const l21 = layoutTable(newReport('某某局', 2022), '二');
  assert.equal(l21.columnCount, 4);
  const item5 = l21.rows.findIndex((r) => r[0]!.text === '第二十条第（五）项');
  assert.deepEqual(l21.rows[item5 + 1]!.map((c) => [c.text, c.colSpan]), [['信息内容', 1], ['本年处理决定数量', 3]]);
});

test('table 二: local extra rows follow their block like data rows', () => {
  const report = newReport('某某局', 2019);
  report.extraRows.push({ table: '二', block: 'art20-1', label: '其他主动公开文件', values: { made: 3, published: null, total: 0 } });
  const layout = layoutTable(report, '二');
  assertGrid(layout);
  const idx = layout.rows.findIndex((r) => r[0]!.text === '其他主动公开文件');
  assert.equal(idx, 4, 'after 规章 and 规范性文件');
  assert.deepEqual(layout.rows[idx]!.slice(1).map((c) => [c.text, c.blank ?? false, c.cellKey]), [
    ['3', false, 'extra:art20-1:其他主动公开文件:made'],
    ['', true, 'extra:art20-1:其他主动公开文件:published'],
    ['0', false, 'extra:art20-1:其他主动公开文件:total'],
  ]);
});

test('table 三: header from column paths, merged row labels', () => {
  for (const [year, results, other] of [[2019, 20, 1], [2021, 22, 3]] as const) {
    const layout = layoutTable(newReport('某某局', year), '三');
    assert.equal(layout.columnCount, 10);
    const grid = assertGrid(layout);
    const [h1, h2, h3] = layout.rows;
    assert.equal(h1![0]!.role, 'corner');
    assert.deepEqual([h1![0]!.rowSpan, h1![0]!.colSpan], [3, 3]);
    assert.match(h1![0]!.text, /勾稽关系/);
    assert.deepEqual(h1!.slice(1).map((c) => [c.text, c.rowSpan, c.colSpan]), [['申请人情况', 1, 7]]);
    assert.deepEqual(h2!.map((c) => [c.text, c.rowSpan, c.colSpan]), [['自然人', 2, 1], ['法人或其他组织', 1, 5], ['总计', 2, 1]]);
    assert.deepEqual(h3!.map((c) => c.text), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);

    const body = layout.rows.slice(3);
    assert.deepEqual(body[0]!.slice(0, 1).map((c) => [c.text, c.colSpan]), [['一、本年新收政府信息公开申请数量', 3]]);
    assert.deepEqual(body.at(-1)!.slice(0, 1).map((c) => [c.text, c.colSpan]), [['四、结转下年度继续办理', 3]]);
    const resultsCell = find(layout, '三、本年度办理结果')!;
    assert.equal(resultsCell.rowSpan, results);
    assert.equal(resultsCell.colSpan, 1);
    assert.equal(grid.findIndex((row) => row[0] === resultsCell), 5, 'first column, after the header and rows 一、二');
    assert.deepEqual([find(layout, '（一）予以公开')!.colSpan], [2]);
    const withheld = find(layout, '（三）不予公开')!;
    assert.deepEqual([withheld.rowSpan, withheld.colSpan], [8, 1]);
    assert.equal(grid.find((row) => row[1] === withheld)![2]!.text, '1.属于国家秘密');
    const otherCell = find(layout, '（六）其他处理')!;
    assert.deepEqual([otherCell.rowSpan, otherCell.colSpan], other === 1 ? [1, 2] : [3, 1]);
    for (const row of body) assert.equal(row.filter((c) => c.role === 'value').length, 7);
  }
});

test('table 四: two header levels over 15 values, no label column', () => {
  const layout = layoutTable(seed(), '四');
  assert.equal(layout.columnCount, 15);
  assertGrid(layout);
  assert.deepEqual(layout.rows[0]!.map((c) => [c.text, c.rowSpan, c.colSpan]), [['行政复议', 1, 5], ['行政诉讼', 1, 10]]);
  assert.deepEqual(layout.rows[1]!.map((c) => [c.text, c.rowSpan, c.colSpan]), [
    ['结果维持', 2, 1], ['结果纠正', 2, 1], ['其他结果', 2, 1], ['尚未审结', 2, 1], ['总计', 2, 1],
    ['未经复议直接起诉', 1, 5], ['复议后起诉', 1, 5],
  ]);
  assert.equal(layout.rows[2]!.length, 10);
  assert.equal(layout.rows[3]!.length, 15);
  assert.ok(layout.rows[3]!.every((c) => c.role === 'value' && c.align === 'center'));
});

test('blank values stay empty and are marked; 0 is printed', () => {
  const report = newReport('某某局', 2021);
  report.cells['三:received:natural'] = 0;
  const layout = layoutTable(report, '三');
  const cells = values(layout);
  const zero = cells.find((c) => c.cellKey === '三:received:natural')!;
  assert.deepEqual([zero.text, zero.blank], ['0', undefined]);
  const blank = cells.find((c) => c.cellKey === '三:received:total')!;
  assert.deepEqual([blank.text, blank.blank], ['', true]);
});
