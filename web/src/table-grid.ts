/**
 * Builds the editable grids of tables 二, 三 and 四 from the interchange document's cells alone:
 * cells are grouped by table, rows follow the row paths and columns the column paths, and the
 * labels are merged as the national format prints them. A blank cell (null) stays blank, never 0.
 */
import { mergeColumnPaths, mergeRowLabels } from '../../src/render/merge-labels.js';
import type { InterchangeCell, TableId } from './api-types.js';

/** The three statistical tables in the order the report prints them. */
export const TABLE_IDS: readonly TableId[] = ['二', '三', '四'];

/**
 * Labels the national format prints that are not part of any cell's path (format-2019.ts,
 * format-2021.ts and parts.ts hold the same text): 二's row header, 三's corner note and the
 * caption above its applicant columns.
 */
const TABLE_DECOR: Record<TableId, { rowHeader?: string; corner?: string; columnCaption?: string; captioned: boolean }> = {
  二: { rowHeader: '信息内容', captioned: true },
  三: { corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', columnCaption: '申请人情况', captioned: false },
  四: { captioned: false },
};

/** A label cell of the grid. */
export interface GridLabelCell {
  kind: 'caption' | 'corner' | 'header' | 'label';
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** A value cell: points at its cell in the document (index) and carries its value as held. */
export interface GridValueCell {
  kind: 'value';
  /** Stable address of the cell: table, row path and column path. */
  address: string;
  /** Index of the cell in the document's `cells`. */
  index: number;
  value: number | null | string;
  /** Unit of an amount cell (采购总金额: 万元), kept as the document holds it. */
  unit: string | null;
  /** An amount cell: its unit is part of the value (2019 采购总金额: 万元 or 元). */
  amount: boolean;
  /** Text as printed: '' for a blank cell, a placeholder as written. */
  text: string;
  /** A blank cell (null), distinct from 0. */
  blank: boolean;
  /** A local row the format does not have (table 二). */
  extra: boolean;
  /** Row and column labels, outer → inner (for screen readers and tooltips). */
  row: string[];
  column: string[];
  rowSpan: number;
  colSpan: number;
}

export type GridCell = GridLabelCell | GridValueCell;

/** A table as a grid: rows list only the cells that start in them (as in HTML). */
export interface TableGrid {
  table: TableId;
  columnCount: number;
  labelColumns: number;
  rows: GridCell[][];
}

/** Stable address of a cell from its table and label paths (used to find and highlight it). */
export function cellAddress(table: string, row: readonly string[], column: readonly string[]): string {
  return JSON.stringify([table, row, column]);
}

/** Text of a cell value as printed: blank as '', amounts without their unit (shown beside). */
export function cellText(value: number | null | string): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value;
}

/**
 * Whether a cell holds an amount with a unit. A filled amount carries `unit` in the interchange
 * file; a blank one does not, so the column is recognised by its label too (the 2019 format's
 * 采购总金额 is the only amount column of either national format).
 */
export function isAmountCell(cell: InterchangeCell): boolean {
  return (cell.unit !== undefined && cell.unit !== null) || cell.column[cell.column.length - 1] === '采购总金额';
}

/** Units offered for an amount cell; a unit a file brings is kept even if not listed. */
export const AMOUNT_UNITS: readonly string[] = ['万元', '元'];

interface Block {
  caption: string | null;
  columns: string[][];
  columnIndex: Map<string, number>;
  rows: Array<{ path: string[]; extra: boolean; cells: Map<number, GridValueCell> }>;
  rowIndex: Map<string, number>;
}

/** Groups a table's cells into blocks (table 二: one per 第二十条 caption), rows and columns. */
function blocksOf(table: TableId, cells: readonly InterchangeCell[]): Block[] {
  const blocks: Block[] = [];
  const byCaption = new Map<string, Block>();
  cells.forEach((cell, index) => {
    if (cell.table !== table) return;
    const captioned = TABLE_DECOR[table].captioned && cell.row.length > 1;
    const caption = captioned ? cell.row[0]! : null;
    const labels = captioned ? cell.row.slice(1) : [...cell.row];
    let block = byCaption.get(caption ?? '');
    if (!block) {
      block = { caption, columns: [], columnIndex: new Map(), rows: [], rowIndex: new Map() };
      byCaption.set(caption ?? '', block);
      blocks.push(block);
    }
    const columnKey = JSON.stringify(cell.column);
    let c = block.columnIndex.get(columnKey);
    if (c === undefined) {
      c = block.columns.length;
      block.columns.push([...cell.column]);
      block.columnIndex.set(columnKey, c);
    }
    const rowKey = JSON.stringify(labels);
    let r = block.rowIndex.get(rowKey);
    if (r === undefined) {
      r = block.rows.length;
      block.rows.push({ path: labels, extra: false, cells: new Map() });
      block.rowIndex.set(rowKey, r);
    }
    const row = block.rows[r]!;
    if (cell.extra) row.extra = true;
    row.cells.set(c, {
      kind: 'value', address: cellAddress(table, cell.row, cell.column), index, value: cell.value,
      unit: cell.unit ?? null, amount: isAmountCell(cell), text: cellText(cell.value), blank: cell.value === null, extra: cell.extra === true,
      row: [...cell.row], column: [...cell.column], rowSpan: 1, colSpan: 1,
    });
  });
  return blocks;
}

/**
 * Builds the grid of one table from the document's cells: block caption rows, header rows merged
 * from the column paths, row labels merged from the row paths. When a block has fewer columns
 * than the grid, its last column spans the rest (二 （八）).
 */
export function buildTableGrid(table: TableId, cells: readonly InterchangeCell[]): TableGrid {
  const decor = TABLE_DECOR[table];
  const blocks = blocksOf(table, cells);
  const labelColumns = Math.max(0, ...blocks.flatMap((b) => b.rows.map((r) => r.path.length)));
  const valueColumns = Math.max(1, ...blocks.map((b) => b.columns.length));
  const columnCount = labelColumns + valueColumns;
  const rows: GridCell[][] = [];

  for (const block of blocks) {
    const spans = block.columns.map((_, i) => (i === block.columns.length - 1 ? valueColumns - i : 1));
    if (block.caption) rows.push([{ kind: 'caption', text: block.caption, rowSpan: 1, colSpan: columnCount }]);
    rows.push(...headerRows(block, spans, labelColumns, decor));
    const paths = block.rows.map((row) => row.path);
    block.rows.forEach((row, r) => {
      const out: GridCell[] = mergeRowLabels(paths, r, labelColumns)
        .map(({ text, rowSpan, colSpan }) => ({ kind: 'label', text, rowSpan, colSpan }));
      block.columns.forEach((_, c) => {
        const cell = row.cells.get(c);
        // A row without a value for a column (possible only in a hand-made file) shows an empty label cell.
        out.push(cell ? { ...cell, colSpan: spans[c]! } : { kind: 'label', text: '', rowSpan: 1, colSpan: spans[c]! });
      });
      rows.push(out);
    });
  }
  return { table, columnCount, labelColumns, rows };
}

/** Grids of every table present in the document, in the order 二, 三, 四. */
export function buildTableGrids(cells: readonly InterchangeCell[]): TableGrid[] {
  return TABLE_IDS.filter((t) => cells.some((c) => c.table === t)).map((t) => buildTableGrid(t, cells));
}

function headerRows(
  block: Block, spans: number[], labelColumns: number, decor: (typeof TABLE_DECOR)[TableId],
): GridCell[][] {
  const prefix = decor.columnCaption ? [decor.columnCaption] : [];
  const merged = mergeColumnPaths(block.columns.map((p) => [...prefix, ...p]), spans);
  const rows: GridCell[][] = merged.map(() => []);
  if (labelColumns > 0) {
    const corner = decor.corner ?? decor.rowHeader ?? '';
    rows[0]!.push({ kind: decor.corner ? 'corner' : 'header', text: corner, rowSpan: merged.length, colSpan: labelColumns });
  }
  merged.forEach((labels, level) => {
    rows[level]!.push(...labels.map(({ text, rowSpan, colSpan }): GridCell => ({ kind: 'header', text, rowSpan, colSpan })));
  });
  return rows.filter((r) => r.length > 0);
}

/** Placeholders a report may print instead of a number; kept as written (report-model.ts PLACEHOLDERS). */
export const PLACEHOLDERS: readonly string[] = ['/', '／', '-', '－', '—', '–', '无'];

/**
 * Reads what a person typed into a value cell: empty → blank (null, not 0); a number → that
 * number; a placeholder → kept as written; anything else is kept as text and marked invalid so
 * the person sees it (the server names the problem on save).
 */
export function parseCellInput(text: string): { value: number | null | string; valid: boolean } {
  const t = text.trim();
  if (t === '') return { value: null, valid: true };
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return { value: Number(t), valid: true };
  if (PLACEHOLDERS.includes(t)) return { value: t, valid: true };
  return { value: t, valid: false };
}
