/**
 * Converts the shared table layout (a grid with merged cells, rows listing only the cells that
 * start in them, as in HTML) into a Word table: full text width, single black borders, cells
 * centred vertically, rows never split across pages and the header rows repeated on each page.
 */
import {
  AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType,
} from 'docx';
import { isHeaderRow, placeCells, repeatedHeaderRows } from '../layout-grid.js';
import { printedWidth } from '../print-layout.js';
import type { LayoutCell, TableLayout } from '../table-layout-types.js';
import { STYLE, TEXT_WIDTH } from './docx-styles.js';

/** How a table is set: font size in half-points and the least row height in twips. */
export interface DocxTableOptions {
  fontSize: number;
  minRowHeight: number;
  /** Table width in twips; the text width unless given. */
  width?: number;
  /**
   * Keep the whole table on one page (each row kept with the next). Word and LibreOffice still
   * break a table that is taller than a page; one that fits moves to the next page whole.
   */
  keepTogether?: boolean;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Left and right cell padding in twips (1 mm): narrow, so four-character headers fit. */
const CELL_MARGIN = 57;

/** Splits a width in twips over relative column widths, so the parts add up exactly. */
export function gridWidths(relative: number[], width: number): number[] {
  const total = relative.reduce((s, w) => s + w, 0);
  const widths = relative.map((w) => Math.floor((w / total) * width));
  let rest = width - widths.reduce((s, w) => s + w, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]! += 1;
  return widths;
}

/** Punctuation that must not start a line (kept with the character before it). */
const NO_LINE_START = /^[、，。：；）」』”’.,:;)]$/u;

/** Splits a text into units of one character each, punctuation kept with the character before it. */
function units(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (out.length > 0 && NO_LINE_START.test(ch)) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

/**
 * Breaks a short label into lines that fit `cap` characters, as the printed format does: a
 * leading ordinal （三） or 三、 on its own line when the rest then fits (（三）/不予公开), otherwise
 * lines of even length (商业/企业, 社会/公益/组织) rather than a lone last character (商业企/业).
 * A `stacked` label (a group label in a very narrow column, 三、本年度办理结果) gets one character
 * a line. Returns null when the label fits or is long prose, which Word wraps by itself.
 */
export function labelLines(text: string, cap: number, stacked = false): string[] | null {
  const width = printedWidth(text);
  if (cap < 1 || width <= cap || text.includes('\n')) return null;
  const chars = units(text);
  if (stacked && cap <= 2) return chars;
  const ordinal = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)(.+)$/u.exec(text);
  if (ordinal && printedWidth(ordinal[1]!) <= cap && printedWidth(ordinal[2]!) <= cap) return [ordinal[1]!, ordinal[2]!];
  const lines = Math.ceil(width / cap);
  if (lines > 4) return null; // prose: let Word wrap it
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out.every((line) => printedWidth(line) <= cap) ? out : null;
}

/**
 * The paragraphs of a cell. A blank cell gets one empty paragraph (no run: never a 0). Header
 * labels and the centred group labels are broken where the format breaks them.
 */
function cellParagraphs(cell: LayoutCell, fontSize: number, width: number): Paragraph[] {
  const alignment = ALIGN[cell.align];
  if (cell.blank || cell.text === '') {
    return [new Paragraph({ style: STYLE.table, alignment, run: { size: fontSize } })];
  }
  const groupLabel = cell.role === 'row-label' && cell.rowSpan > 1;
  const cap = Math.floor((width - 2 * CELL_MARGIN) / (fontSize * 10));
  const lines = (cell.role === 'header' || groupLabel ? labelLines(cell.text, cap, groupLabel) : null)
    ?? cell.text.split('\n');
  return lines.map((line) => new Paragraph({
    style: STYLE.table, alignment,
    children: [new TextRun({ text: line, size: fontSize })],
  }));
}

/**
 * The width in twips of every cell of a layout, row by row: cells are placed on the grid as HTML
 * places them, skipping positions that cells from rows above still cover.
 */
export function cellWidths(layout: TableLayout, columnWidths: number[]): number[][] {
  const widths: number[][] = layout.rows.map(() => []);
  for (const { cell, row, column } of placeCells(layout)) {
    widths[row]!.push(columnWidths.slice(column, column + cell.colSpan).reduce((s, w) => s + w, 0));
  }
  return widths;
}

/**
 * Whether each row is kept on the page of the row below it. Header and caption rows always are;
 * a table kept together has every row kept; a table of captioned blocks (二) keeps each block
 * whole, so a 第二十条 item never starts at the foot of a page and ends on the next.
 */
function keepWithNext(layout: TableLayout, keepTogether: boolean): boolean[] {
  const rows = layout.rows;
  const blocks = rows.filter((row) => row.some((c) => c.role === 'caption')).length > 1;
  return rows.map((cells, r) => {
    const next = rows[r + 1];
    if (!next) return false;
    if (keepTogether || isHeaderRow(cells)) return true;
    return blocks && !next.some((c) => c.role === 'caption');
  });
}

/** Builds the Word table for a layout. */
export function docxTable(layout: TableLayout, options: DocxTableOptions): Table {
  const width = options.width ?? TEXT_WIDTH;
  const columnWidths = gridWidths(layout.columnWidths, width);
  const widths = cellWidths(layout, columnWidths);
  const headerRows = repeatedHeaderRows(layout);
  const keep = keepWithNext(layout, options.keepTogether ?? false);

  // docx sets keepNext on the paragraphs of a kept row, which is how Word keeps rows together.
  const rows = layout.rows.map((cells, r) => new TableRow({
    cantSplit: true,
    tableHeader: r < headerRows,
    keepNext: keep[r],
    height: { value: options.minRowHeight, rule: HeightRule.ATLEAST },
    children: cells.map((cell, c) => new TableCell({
      children: cellParagraphs(cell, options.fontSize, widths[r]![c]!),
      rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
      columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
    })),
  }));

  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 0, bottom: 0, left: CELL_MARGIN, right: CELL_MARGIN },
    borders: {
      top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER,
    },
  });
}
