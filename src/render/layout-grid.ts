/**
 * Reading a table layout as a grid, for the renderers that must know where each merged cell
 * stands (DOCX for cell widths, PDF for its filled body): where each cell starts, which rows are
 * header rows, and how many of them repeat on a new page.
 */
import type { LayoutCell, TableLayout } from './table-layout-types.js';

/** A layout cell at its grid position. */
export interface PlacedCell {
  cell: LayoutCell;
  row: number;
  column: number;
}

/**
 * Places the layout's cells on the full grid as a browser places rowspan/colspan cells. Throws
 * when the layout overlaps itself, leaves the grid or leaves a hole, since Word and pdfmake would
 * silently misdraw it.
 */
export function placeCells(layout: TableLayout): PlacedCell[] {
  const width = layout.columnCount;
  const taken = layout.rows.map(() => Array<boolean>(width).fill(false));
  const placed: PlacedCell[] = [];
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && taken[r]![c]) c++;
      if (c + cell.colSpan > width || r + cell.rowSpan > layout.rows.length) {
        throw new Error(`表${layout.table}第${r + 1}行单元格“${cell.text}”超出表格范围`);
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (taken[r + dr]![c + dc]) throw new Error(`表${layout.table}第${r + dr + 1}行第${c + dc + 1}列单元格重叠`);
          taken[r + dr]![c + dc] = true;
        }
      }
      placed.push({ cell, row: r, column: c });
      c += cell.colSpan;
    }
  });
  taken.forEach((row, r) => row.forEach((t, c) => {
    if (!t) throw new Error(`表${layout.table}第${r + 1}行第${c + 1}列没有单元格`);
  }));
  return placed;
}

/** Whether a cell belongs to the table's head: the corner, a column header or a block caption. */
export const isHeaderCell = (c: LayoutCell): boolean => c.role === 'corner' || c.role === 'header' || c.role === 'caption';

/** Whether a row holds only head cells. */
export const isHeaderRow = (row: LayoutCell[]): boolean => row.length > 0 && row.every(isHeaderCell);

/**
 * Number of leading header rows to repeat on each page. None when headers reappear further down
 * (table 二: each 第二十条 block has its own caption and header, so repeating the first would
 * mislabel the others) or when a header cell spans down into the body.
 */
export function repeatedHeaderRows(layout: TableLayout): number {
  let n = 0;
  while (n < layout.rows.length && isHeaderRow(layout.rows[n]!)) n++;
  if (n === 0 || n === layout.rows.length) return 0;
  if (layout.rows.slice(n).some((row) => row.some(isHeaderCell))) return 0;
  return layout.rows.slice(0, n).some((row, r) => row.some((c) => r + c.rowSpan > n)) ? 0 : n;
}
