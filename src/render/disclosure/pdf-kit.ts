/**
 * What the disclosure PDFs share: the embedded CJK fonts (src/render/pdf/pdf-fonts.ts), text runs that set
 * every character in a font that holds it, ruled tables, and pdfmake locked away from files and addresses.
 */
import pdfMake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { createFontSet, type FamilyKey, type FontSet } from '../pdf/pdf-fonts.js';

/** pdfmake's virtual file system (not in its Node typings). */
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

const PT_PER_MM = 72 / 25.4;
/** Millimetres to points. */
export const pt = (millimetres: number) => millimetres * PT_PER_MM;

/** A text builder bound to one document's fonts. */
export interface PdfText {
  fonts: FontSet;
  /** A text in the serif (宋体-like) or sans (黑体-like) family with pdfmake style properties. */
  text(value: string, style?: Omit<ContentText, 'text'>, family?: FamilyKey): ContentText;
}

/** Starts a document's fonts. */
export function pdfText(): PdfText {
  const fonts = createFontSet();
  return {
    fonts,
    text: (value, style = {}, family = 'serif') =>
      ({ text: fonts.runs(value, family), font: fonts.family(family), ...style }) as ContentText,
  };
}

/** Width of an A4 page in points. */
export const A4_WIDTH = 595.28;

/** A table cell of text (a blank cell stays blank: an unanswered question is not "否"). */
export function cell(t: PdfText, value: string, style: Omit<ContentText, 'text'> & { colSpan?: number; rowSpan?: number } = {}): TableCell {
  return t.text(value, { margin: [3, 3, 3, 3], ...style }) as TableCell;
}

/** Renders a document with its fonts embedded; pdfmake may read no file or address (fonts come from memory). */
export async function renderPdf(t: PdfText, doc: Omit<TDocumentDefinitions, 'defaultStyle'> & { content: Content }, fontSize: number): Promise<Buffer> {
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  const vfs = (pdfMake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, bytes] of t.fonts.files) if (!vfs.existsSync(name)) vfs.writeFileSync(name, bytes);
  pdfMake.addFonts(t.fonts.fonts);
  return pdfMake.createPdf({
    pageSize: 'A4',
    language: 'zh-CN',
    ...doc,
    defaultStyle: { font: t.fonts.family('serif'), fontSize },
  }).getBuffer();
}

/** A fixed creation date (the day given, Beijing time) so the same input always gives the same bytes. */
export const creationDate = (date: string | null | undefined) => new Date(`${date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '2000-01-01'}T00:00:00+08:00`);
