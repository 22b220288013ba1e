import { test } from 'node:test';
import assert from 'node:assert/strict';
import { c, captioned, small } from './layout-fixtures.js';
import { placeCells, repeatedHeaderRows } from './layout-grid.js';
import type { LayoutCell, TableLayout } from './table-layout-types.js';

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
  // Headers of a multi-block table are not repeated: each block has its own.
  assert.equal(repeatedHeaderRows(captioned), 0);
  const blocks: TableLayout = {
    ...small,
    rows: [
      [c('第二十条第（一）项', 'caption', 1, 4)], [c('信息内容', 'header', 1, 4)], [c('规章', 'row-label', 1, 4)],
      [c('第二十条第（五）项', 'caption', 1, 4)], [c('信息内容', 'header', 1, 4)], [c('行政许可', 'row-label', 1, 4)],
    ],
  };
  assert.equal(repeatedHeaderRows(blocks), 0);
});
