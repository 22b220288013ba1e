/**
 * Converts the shared table layout (rows list only the cells that start in them, with rowSpan and
 * colSpan, as in HTML) into pdfmake tables: pdfmake wants every grid position filled, so the
 * positions a merged cell covers get empty placeholders `{}`. Tables fill the text width with
 * thin black rules, cells centred vertically, rows never split, header rows repeated on a new page.
 *
 * Row heights are computed here from the fonts' advance widths rather than left to pdfmake: with
 * `dontBreakRows` pdfmake misplaces vertically centred cells that span rows, so a merged cell is
 * centred by a top margin computed from the heights of the rows it spans.
 *
 * Cell texts are broken into lines here too (pdf-measure.ts) and each line handed to pdfmake
 * whole (`noWrap`): one text drawing per line of a cell instead of one per character.
 */
import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { placeCells, repeatedHeaderRows, type PlacedCell } from '../layout-grid.js';
import type { LayoutCell, TableLayout } from '../table-layout-types.js';
import { lineHeightEm, setWidth, type FontSet } from './pdf-fonts.js';
import { balancedLines, wrapLines } from './pdf-measure.js';

/** A placeholder for a grid position covered by a merged cell. */
export type Placeholder = Record<string, never>;

/**
 * pdfmake's table body for a layout: `toCell` output (given the placed cell) carrying
 * rowSpan/colSpan where merged, and `{}` at every position a merged cell covers.
 */
export function gridBody<T extends object>(
  layout: TableLayout,
  toCell: (placed: PlacedCell) => T,
): Array<Array<(T & { rowSpan?: number; colSpan?: number }) | Placeholder>> {
  const grid: Array<Array<(T & { rowSpan?: number; colSpan?: number }) | Placeholder>> =
    layout.rows.map(() => Array.from({ length: layout.columnCount }, () => ({})));
  for (const placed of placeCells(layout)) {
    const { cell, row, column } = placed;
    const out: T & { rowSpan?: number; colSpan?: number } = { ...toCell(placed) };
    if (cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
    if (cell.colSpan > 1) out.colSpan = cell.colSpan;
    grid[row]![column] = out;
  }
  return grid;
}

/**
 * Splits a layout at its caption rows (table 二: one block per 第二十条 item) so each block can be
 * kept on one page. Rows before the first caption, if any, form a block of their own.
 */
export function splitBlocks(layout: TableLayout): TableLayout[] {
  const blocks: TableLayout[] = [];
  for (const row of layout.rows) {
    if (row.some((c) => c.role === 'caption') || blocks.length === 0) blocks.push({ ...layout, rows: [] });
    blocks[blocks.length - 1]!.rows.push(row);
  }
  return blocks.length ? blocks : [layout];
}

/** How a table is set. */
export interface PdfTableOptions {
  /** Font size in points. */
  fontSize: number;
  /** Least height of a row's content in points (more lines make a row taller). */
  minRowHeight: number;
  /** Width of the text area in points: the table fills it. */
  textWidth: number;
  /** Left and right cell padding in points. */
  paddingX: number;
  /** pdfmake `id` of the table, used to keep a short table on one page. */
  id?: string;
  /** A block continuing the table above: its top rule is drawn over that table's bottom rule. */
  continues?: boolean;
}

const RULE = 0.6;
const PADDING_Y = 1.5;
/** Line height within cells, relative to the font's own. */
const CELL_LINE_HEIGHT = 1.05;

/** Thin black rules on every edge and small paddings (a table 三 cell holds three characters of 9 pt). */
function tableLayout(paddingX: number): CustomTableLayout {
  return {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => paddingX,
    paddingRight: () => paddingX,
    paddingTop: () => PADDING_Y,
    paddingBottom: () => PADDING_Y,
  };
}

/**
 * A group label down a column too narrow for three characters (三、本年度办理结果) is set one
 * character a line, as the national format prints it; a wider group label (（三）不予公开) breaks
 * after its enumerator.
 */
export function cellText(cell: LayoutCell, contentWidth: number, fontSize: number): string {
  if (cell.role === 'row-label' && cell.rowSpan > 1) {
    if (contentWidth < 3 * fontSize) return [...cell.text].join('\n');
    return cell.text.replace(/^(（[一二三四五六七八九十]+）)(?=.)/, '$1\n');
  }
  return cell.text;
}

/** A pdfmake table and its height in points (rules included). */
export interface BuiltTable {
  node: Content;
  height: number;
}

/** Builds one pdfmake table for a layout (table 二 is first split with `splitBlocks`). */
export function pdfTable(layout: TableLayout, options: PdfTableOptions, fonts: FontSet): BuiltTable {
  const total = layout.columnWidths.reduce((s, w) => s + w, 0);
  const lineEm = lineHeightEm('serif') * CELL_LINE_HEIGHT;
  const placed = placeCells(layout);

  // Each cell's lines, font size and height at its width.
  const sized = new Map<string, { lines: string[]; fontSize: number; height: number }>();
  const at = (p: PlacedCell) => `${p.row}:${p.column}`;
  for (const p of placed) {
    const share = layout.columnWidths.slice(p.column, p.column + p.cell.colSpan).reduce((s, w) => s + w, 0) / total;
    // The corner note of table 三 is long: a point smaller keeps it within its three rows.
    const fontSize = p.cell.role === 'corner' ? options.fontSize - 1 : options.fontSize;
    const width = share * options.textWidth - 2 * options.paddingX - RULE;
    const measure = (s: string) => setWidth(s, 'serif', fontSize, p.cell.role === 'caption');
    // A tenth of a point in hand, so no line comes out wider than its cell. Headings wrap into even lines.
    const lines = p.cell.role === 'header'
      ? balancedLines(p.cell.text, width - 0.1, measure)
      : wrapLines(cellText(p.cell, width, fontSize), width - 0.1, measure);
    sized.set(at(p), { lines, fontSize, height: lines.length * lineEm * fontSize });
  }

  // Content heights of the rows: single-row cells first, then merged cells enlarge their last row.
  const heights = layout.rows.map(() => options.minRowHeight);
  for (const p of placed) if (p.cell.rowSpan === 1) heights[p.row] = Math.max(heights[p.row]!, sized.get(at(p))!.height);
  const gap = 2 * PADDING_Y + RULE; // between the content areas of two rows
  const spanned = (p: PlacedCell) =>
    heights.slice(p.row, p.row + p.cell.rowSpan).reduce((s, h) => s + h, 0) + (p.cell.rowSpan - 1) * gap;
  for (const p of placed) {
    const short = sized.get(at(p))!.height - spanned(p);
    if (p.cell.rowSpan > 1 && short > 0) heights[p.row + p.cell.rowSpan - 1]! += short;
  }

  const body = gridBody(layout, (p): TableCell => {
    const { lines, fontSize, height } = sized.get(at(p))!;
    // One line: a text that does not wrap; more: a stack of them.
    const line = (s: string) => ({ text: fonts.runs(s, 'serif'), noWrap: true });
    const content: Record<string, unknown> = lines.length === 1
      ? { ...line(lines[0]!), alignment: p.cell.align }
      : { stack: lines.map(line), alignment: p.cell.align };
    if (p.cell.rowSpan > 1) content.margin = [0, Math.max(0, (spanned(p) - height) / 2), 0, 0];
    else content.verticalAlignment = 'middle';
    if (p.cell.role === 'caption') content.bold = true;
    if (fontSize !== options.fontSize) content.fontSize = fontSize;
    return content as TableCell;
  });

  const headerRows = repeatedHeaderRows(layout);
  const table: ContentTable = {
    table: {
      widths: layout.columnWidths.map((w) => `${(w / total) * 100}%`),
      heights,
      headerRows,
      ...(headerRows ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      body,
    },
    layout: tableLayout(options.paddingX),
    fontSize: options.fontSize,
    lineHeight: CELL_LINE_HEIGHT,
  };
  if (options.continues) table.margin = [0, -RULE, 0, 0];
  const height = heights.reduce((s, h) => s + h + gap, RULE);
  // pdfmake passes a node's id to pageBreakBefore (its typings omit it on tables).
  return { node: options.id ? Object.assign(table, { id: options.id }) : table, height };
}
