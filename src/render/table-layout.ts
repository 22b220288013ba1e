/**
 * The official layout of the three statistical tables as a grid with merged cells, derived only
 * from the format definition (TableDef / BlockDef / paths), so a new national format needs no
 * new layout code. Shared by the HTML, DOCX and PDF renderers.
 */
import type { BlockDef, ColumnDef, RowDef, TableDef, TableId } from '../core/format/format-types.js';
import { cellKey } from '../core/format/cell-key.js';
import { getFormat, tableOf } from '../core/format/registry.js';
import { displayValue, type CellValue, type ReportDocument } from '../core/report/report-model.js';
import { mergeColumnPaths, mergeRowLabels } from './merge-labels.js';
import type { LayoutCell, TableLayout } from './table-layout-types.js';

/**
 * Lays a table of a report out as the national format prints it: header rows built from the
 * column paths, row labels merged from the row paths, one value cell per format cell (and per
 * column of each local extra row of table 二). Blank values stay '' and are marked `blank`.
 */
export function layoutTable(report: ReportDocument, table: TableId): TableLayout {
  const def = tableOf(getFormat(report.format), table);
  const valueColumns = Math.max(...def.blocks.map((b) => b.columns.length));
  const columnCount = def.labelColumns + valueColumns;
  const rows: LayoutCell[][] = [];
  const singleBlock = def.blocks.length === 1 && !def.blocks[0]!.caption;

  for (const block of def.blocks) {
    // When a block has fewer columns than the grid, its last column spans the rest (二 （八）, 2021 （五）).
    const spans = block.columns.map((_, i) =>
      i === block.columns.length - 1 ? valueColumns - (block.columns.length - 1) : 1);
    if (block.caption) {
      rows.push([{ text: block.caption, rowSpan: 1, colSpan: columnCount, role: 'caption', align: 'center' }]);
    }
    rows.push(...headerRows(def, block, spans, singleBlock));
    rows.push(...bodyRows(report, def, block, spans));
  }
  return { table, columnCount, columnWidths: columnWidths(def.labelColumns, valueColumns), rows };
}

/**
 * Header rows of a block. Column paths (prefixed with the table's column caption, 三 申请人情况)
 * are merged level by level: consecutive columns sharing a label become one cell spanning them,
 * and a column whose path ends early spans down to the last header row.
 */
function headerRows(def: TableDef, block: BlockDef, spans: number[], withTableCaption: boolean): LayoutCell[][] {
  const caption = withTableCaption && def.columnCaption ? [def.columnCaption] : [];
  const merged = mergeColumnPaths(block.columns.map((c: ColumnDef) => [...caption, ...c.path]), spans);
  const rows: LayoutCell[][] = merged.map(() => []);

  if (def.labelColumns > 0) {
    const corner = withTableCaption ? def.corner : undefined;
    rows[0]!.push({
      text: corner ?? block.rowHeader ?? '', rowSpan: merged.length, colSpan: def.labelColumns,
      role: corner ? 'corner' : 'header', align: corner ? 'left' : 'center',
    });
  }
  merged.forEach((labels, level) => {
    rows[level]!.push(...labels.map((l): LayoutCell => ({ ...l, role: 'header', align: 'center' })));
  });
  return rows;
}

/**
 * Body rows of a block: the row labels occupy the table's label columns. A label that is the
 * last of its path spans the remaining label columns; an outer label shared by consecutive rows
 * is printed once with a row span (三、本年度办理结果, （三）不予公开).
 */
function bodyRows(report: ReportDocument, def: TableDef, block: BlockDef, spans: number[]): LayoutCell[][] {
  const out: LayoutCell[][] = [];
  const paths = block.rows.map((row: RowDef) => row.path);

  block.rows.forEach((row, r) => {
    const cells = labelCells(paths, r, def.labelColumns);
    block.columns.forEach((column, c) => {
      const key = cellKey(def.id, row.key, column.key);
      cells.push(valueCell(report.cells[key], spans[c]!, key));
    });
    out.push(cells);
  });

  for (const extra of report.extraRows.filter((e) => e.table === def.id && e.block === block.key)) {
    const cells = labelCells([[extra.label]], 0, def.labelColumns);
    block.columns.forEach((column, c) => {
      cells.push(valueCell(extra.values[column.key] ?? null, spans[c]!, `extra:${block.key}:${extra.label}:${column.key}`));
    });
    out.push(cells);
  }
  return out;
}

/** Label cells of body row `r`: the innermost label left-aligned, group labels centred. */
function labelCells(paths: readonly string[][], r: number, labelColumns: number): LayoutCell[] {
  return mergeRowLabels(paths, r, labelColumns).map(({ innermost, ...l }) =>
    ({ ...l, role: 'row-label', align: innermost ? 'left' : 'center' }));
}

function valueCell(value: CellValue | undefined, colSpan: number, key: string): LayoutCell {
  const blank = value === null || value === undefined;
  const cell: LayoutCell = { text: displayValue(value), rowSpan: 1, colSpan, role: 'value', align: 'center', cellKey: key };
  if (blank) cell.blank = true;
  return cell;
}

/**
 * Relative column widths (sum 100) for an A4 portrait page (~156 mm of text width): one label
 * column gets room for ten characters; with several label columns the outer ones are narrow
 * (the first holds a vertical group label, the second a four-character group label) and the
 * innermost gets the long sub-labels. Table 三's seven value columns (7 % ≈ 11 mm) then hold
 * 自然人 on one line at 9 pt (小五), the size that keeps the 2021 table on one page.
 */
function columnWidths(labelColumns: number, valueColumns: number): number[] {
  const labels = labelColumns === 0 ? []
    : labelColumns === 1 ? [31]
    : [5, ...Array<number>(labelColumns - 2).fill(11), 51 - 5 - 11 * (labelColumns - 2)];
  const rest = 100 - labels.reduce((s, w) => s + w, 0);
  // Value widths in hundredths of a percent so the total is exactly 100.
  const units = Math.round(rest * 100);
  const base = Math.floor(units / valueColumns);
  const values = Array.from({ length: valueColumns }, (_, i) => (base + (i < units - base * valueColumns ? 1 : 0)) / 100);
  return [...labels, ...values];
}
