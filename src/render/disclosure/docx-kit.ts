/**
 * What the disclosure Word files share: the report's styles and font table (src/render/docx/docx-styles.ts),
 * ruled table cells in 宋体, and one section on A4 (portrait or landscape).
 */
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, PageOrientation, TableCell, TextRun, VerticalAlignTable,
  WidthType, type FileChild,
} from 'docx';
import { FONT, MARGIN, PAGE, STYLE, STYLES, fontTableXml, fonts, mm } from '../docx/docx-styles.js';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** Every border of a ruled cell. */
export const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

/** Options of a table cell. */
export interface CellOptions {
  width?: number;
  columnSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center';
  bold?: boolean;
  /** Font size in half-points (五号 21 unless given). */
  size?: number;
}

/** A ruled cell of text; lines of `text` split at \n become paragraphs. */
export function docxCell(text: string, o: CellOptions = {}): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    borders: BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 85, right: 85, top: 40, bottom: 40 },
    ...(o.width ? { width: { size: o.width, type: WidthType.DXA } } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
    children: lines.map((line) => new Paragraph({
      style: STYLE.table,
      alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text: line, bold: o.bold, size: o.size, font: o.bold ? fonts(FONT.heading1) : undefined })],
    })),
  });
}

/** A title line in 小标宋 (二号 unless `size` is given). */
export function docxTitle(text: string, size?: number): Paragraph {
  return new Paragraph({ style: STYLE.title, spacing: { before: 0, after: 240 }, children: [new TextRun({ text, size })] });
}

/** A paragraph of body text without the first-line indent, in 仿宋 at `size` half-points. */
export function docxLine(text: string, o: { size?: number; align?: 'left' | 'right' | 'center'; indent?: boolean; font?: string; before?: number } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    alignment: o.align === 'right' ? AlignmentType.RIGHT : o.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: o.indent ? undefined : { firstLine: 0, firstLineChars: 0 },
    spacing: { line: o.size ? Math.round(o.size * 15) : 579, before: o.before ?? 0, after: 0 },
    children: [new TextRun({ text, size: o.size, font: o.font ? fonts(o.font) : undefined })],
  });
}

/** Packs one A4 section with the report's styles and font table. */
export async function packDocx(meta: { title: string; creator: string; keywords: string }, children: FileChild[], landscape = false): Promise<Buffer> {
  const margin = landscape
    ? { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20) }
    : { top: mm(25), bottom: mm(20), left: MARGIN.left, right: MARGIN.right };
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    keywords: meta.keywords,
    styles: STYLES,
    sections: [{
      properties: {
        page: {
          // docx swaps width and height itself for a landscape page.
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...margin, header: mm(10), footer: mm(10), gutter: 0 },
        },
      },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** Text width in twips of a page with the margins packDocx uses. */
export const docxTextWidth = (landscape = false) => (landscape ? PAGE.height - 2 * mm(20) : PAGE.width - MARGIN.left - MARGIN.right);
