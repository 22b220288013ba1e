/**
 * The official layout of a statistical table as a grid with merged cells, derived from the
 * format definition and shared by the HTML, DOCX and PDF renderers (and, read backwards, by
 * parsers). Implemented in table-layout.ts.
 */
import type { TableId } from '../core/format/format-types.js';

/** One cell of the grid. Rows list only the cells that start in them (as in HTML). */
export interface LayoutCell {
  /** Text as printed; '' for a blank value cell. */
  text: string;
  rowSpan: number;
  colSpan: number;
  role: 'corner' | 'caption' | 'header' | 'row-label' | 'value';
  align: 'left' | 'center' | 'right';
  /** For value cells: the cell key (三:r3-1:natural) or, for extra rows, `extra:<block>:<label>:<column>`. */
  cellKey?: string;
  /** A value cell with no value (distinct from 0). */
  blank?: boolean;
}

/** A table laid out as the national format prints it. */
export interface TableLayout {
  table: TableId;
  /** Width of the grid in columns. */
  columnCount: number;
  /** Relative column widths (sum 100), for DOCX and PDF. */
  columnWidths: number[];
  rows: LayoutCell[][];
}
