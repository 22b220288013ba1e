/**
 * Hand-made table layouts for the renderers' tests (DOCX, PDF, the layout grid): small enough to
 * read every cell, shaped like the official tables' merged corners, captions and group labels.
 */
import type { LayoutCell, TableLayout } from './table-layout-types.js';

/** A layout cell; row labels are left-aligned, everything else centred. */
export const c = (text: string, role: LayoutCell['role'], rowSpan = 1, colSpan = 1, blank = false): LayoutCell =>
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
export const small: TableLayout = {
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

/** Table 二's shape: two 第二十条 blocks, each with its own caption and header row. */
export const captioned: TableLayout = {
  table: '二', columnCount: 2, columnWidths: [50, 50],
  rows: [
    [c('第二十条第（一）项', 'caption', 1, 2)], [c('信息内容', 'header'), c('数量', 'header')], [c('规章', 'row-label'), c('1', 'value')],
    [c('第二十条第（五）项', 'caption', 1, 2)], [c('信息内容', 'header'), c('数量', 'header')], [c('行政许可', 'row-label'), c('2', 'value')],
  ],
};
