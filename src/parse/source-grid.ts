/**
 * Placing the cells of an HTML-style table (rows listing the cells that start in them, with row
 * and column spans) on a grid, as a browser does: each cell takes the first column that no cell
 * from a row above still covers. Absurd spans are clamped so a broken page cannot blow up the
 * grid: a row span to the rows the table has, a column span to the columns the table has.
 */
import type { SourceCell, SourceTable } from '../core/parse/source-types.js';

/** A cell as found in the source, before placement. */
export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Widest grid a reader builds; cells beyond it are dropped (no report table comes near). */
export const MAX_COLUMNS = 1000;

/** A column span above this is taken as a page error, not as a width of the table. */
const PLAUSIBLE_COLSPAN = 64;

/**
 * Parses a span attribute: HTML's rules (digits, 1 when missing or invalid; colspan at most
 * 1000; rowspan 0 means "to the end of the table").
 */
export function parseSpan(value: string | null, kind: 'row' | 'col'): number {
  const n = value === null ? NaN : parseInt(value.trim(), 10);
  if (kind === 'row' && n === 0) return Number.MAX_SAFE_INTEGER;
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, kind === 'col' ? MAX_COLUMNS : 65534);
}

/**
 * Places the rows of a table on the grid and returns the source table, each cell with its grid
 * position (1-based `row`, `column`) and the table's 1-based index in the document. `groups`
 * gives each row's row group (thead, tbody, tfoot): as in a browser, a row span ends with its
 * group. An implausible column span (colspan="999") is placed as reaching the table's right edge,
 * which a first pass finds from the other cells. Rows with no cells that no row span covers are
 * dropped; `notes` receives what had to be clamped.
 */
export function placeCells(rows: RawCell[][], tableIndex: number, notes: string[], groups?: number[]): SourceTable {
  // Raw rows left in each row's group, itself included.
  const left: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    left[i] = i + 1 < rows.length && (!groups || groups[i + 1] === groups[i]) ? left[i + 1]! + 1 : 1;
  }
  const implausible = (cell: RawCell) => cell.colSpan > PLAUSIBLE_COLSPAN;
  let width = 0;
  if (rows.some((row) => row.some(implausible))) {
    const trial = place(rows, left, tableIndex, (cell) => (implausible(cell) ? 1 : cell.colSpan));
    for (const row of trial.placed) for (const cell of row) width = Math.max(width, cell.where.column! - 1 + cell.colSpan);
  }
  const { placed, dropped } = place(rows, left, tableIndex, (cell, c) => (implausible(cell) ? Math.max(1, width - c) : cell.colSpan));
  if (dropped > 0) notes.push(`第 ${tableIndex} 个表格超过 ${MAX_COLUMNS} 列，已舍去 ${dropped} 个单元格。`);
  const clamped = rows.reduce((n, row) => n + row.filter(implausible).length, 0) + clampSpans(placed);
  if (clamped > 0) notes.push(`第 ${tableIndex} 个表格有 ${clamped} 个单元格的合并范围超出表格，已按表格实际行列截断。`);
  return { rows: placed, where: { table: tableIndex } };
}

/** One placement pass with the given column span per cell (`c` is the column it starts in). */
function place(rows: RawCell[][], left: number[], tableIndex: number, spanOf: (cell: RawCell, c: number) => number) {
  const coveredUntil: number[] = []; // per column: last grid row a cell from above covers
  const placed: SourceCell[][] = [];
  let dropped = 0;
  rows.forEach((raw, i) => {
    const r = placed.length;
    if (raw.length === 0 && !coveredUntil.some((until) => until >= r)) return;
    const out: SourceCell[] = [];
    let c = 0;
    for (const cell of raw) {
      while (c < MAX_COLUMNS && (coveredUntil[c] ?? -1) >= r) c++;
      if (c >= MAX_COLUMNS) { dropped++; continue; }
      const colSpan = Math.min(spanOf(cell, c), MAX_COLUMNS - c);
      const rowSpan = Math.min(cell.rowSpan, left[i]!);
      for (let k = c; k < c + colSpan; k++) coveredUntil[k] = Math.max(coveredUntil[k] ?? -1, r + rowSpan - 1);
      out.push({ text: cell.text, rowSpan, colSpan, where: { table: tableIndex, row: r + 1, column: c + 1 } });
      c += colSpan;
    }
    placed.push(out);
  });
  while (placed.length > 0 && placed[placed.length - 1]!.length === 0) placed.pop();
  return { placed, dropped };
}

/**
 * Clamps spans to the table: a row span to the rows below, a column span to the width the other
 * cells give the table (the rightmost column any cell starts in, or that a plausible span reaches).
 * Returns how many cells were clamped.
 */
export function clampSpans(rows: SourceCell[][]): number {
  let width = 0;
  for (const row of rows) {
    for (const cell of row) {
      const start = cell.where.column! - 1;
      width = Math.max(width, start + 1, cell.colSpan <= PLAUSIBLE_COLSPAN ? start + cell.colSpan : 0);
    }
  }
  let clamped = 0;
  for (const row of rows) {
    for (const cell of row) {
      const rowSpan = Math.min(cell.rowSpan, rows.length - (cell.where.row! - 1));
      const colSpan = Math.min(cell.colSpan, width - (cell.where.column! - 1));
      if (rowSpan !== cell.rowSpan || colSpan !== cell.colSpan) clamped++;
      cell.rowSpan = rowSpan;
      cell.colSpan = colSpan;
    }
  }
  return clamped;
}
