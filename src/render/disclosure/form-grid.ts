/**
 * A form as rows of labelled cells, set the same way in Word and PDF: a ruled grid of a fixed number of
 * columns, cells spanning columns, labels in bold. The 保密审查表 and the notice-board page's metadata use it.
 */
import { Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Content, TableCell as PdfCell } from 'pdfmake/interfaces.js';
import { gridWidths } from '../docx/docx-table.js';
import { docxCell } from './docx-kit.js';
import { cell, type PdfText } from './pdf-kit.js';

/** One cell of a form row. */
export interface FormCell {
  text: string;
  /** Columns it spans (1 unless given). */
  span?: number;
  /** A label or a section heading. */
  label?: boolean;
  align?: 'left' | 'center';
}

/** A row of cells whose spans add up to the grid's column count. */
export type FormRow = FormCell[];

/** Shorthand: a label cell. */
export const label = (text: string, span = 1): FormCell => ({ text, span, label: true });
/** Shorthand: a value cell, left-aligned when it spans more than one column. */
export const value = (text: string, span = 1): FormCell => ({ text, span, align: span > 1 ? 'left' : 'center' });

/** The form as a Word table filling `width` twips, columns in the relative widths given. */
export function formDocxTable(rows: FormRow[], relative: number[], width: number, size = 21): Table {
  const widths = gridWidths(relative, width);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map((row) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        children: row.map((c) => {
          const span = c.span ?? 1;
          const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
          col += span;
          return docxCell(c.text, { width: w, columnSpan: span > 1 ? span : undefined, bold: c.label, align: c.align ?? 'center', size });
        }),
      });
    }),
  });
}

/** An empty paragraph (Word needs one after a table that ends a document). */
export const spacer = () => new Paragraph({ children: [] });

/** The form as a pdfmake table `width` points wide, columns in the relative widths given. */
export function formPdfTable(t: PdfText, rows: FormRow[], relative: number[], width: number, fontSize: number): Content {
  const total = relative.reduce((a, b) => a + b, 0);
  // pdfmake adds each cell's padding and rules to the width given: take them off so the table fills `width`.
  const inner = width - relative.length * 8.6;
  return {
    table: {
      widths: relative.map((r) => (r / total) * inner),
      dontBreakRows: true,
      body: rows.map((row) => row.flatMap((c) => {
        const span = c.span ?? 1;
        const first = cell(t, c.text, {
          fontSize, alignment: c.align ?? 'center', ...(span > 1 ? { colSpan: span } : {}),
          ...(c.label ? { bold: true } : {}),
        });
        // pdfmake wants the covered cells present as empty objects.
        return [first, ...Array.from({ length: span - 1 }, () => ({}) as PdfCell)];
      })),
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 2, paddingBottom: () => 2 },
  } as Content;
}
