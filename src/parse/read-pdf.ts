/**
 * Reads a text PDF into a SourceDocument: tables from the ruling lines and the positions of the
 * text (merged cells from the borders that are not drawn), or, for tables drawn without lines,
 * from the columns the text forms; paragraphs from the lines outside tables. A PDF without a
 * text layer (a scan) gives no blocks and says so; a damaged PDF throws “PDF 文件已损坏：…”.
 */
import type { SourceDocument } from '../core/parse/source-types.js';
import { unruledTables } from './pdf-columns.js';
import { isComplete, readPages, type PdfPage } from './pdf-document.js';
import { isPageNumber, layoutBlocks, type PageItem } from './pdf-flow.js';
import { ruledTables } from './pdf-grid.js';
import { groupLines } from './pdf-text.js';

/** The note for a PDF whose pages carry no text at all. */
export const SCANNED_PDF_NOTE = '该 PDF 没有文字层（可能是扫描件），无法读取表格数据';

/** The items of one page in reading order: its tables and the lines outside them. */
function pageItems(page: PdfPage): { items: PageItem[]; unruled: number } {
  const ruled = ruledTables(page.number, page.rules, page.runs);
  const lines = groupLines(ruled.rest).filter((line) => !isPageNumber(line, page.height));
  const unruled = unruledTables(page.number, lines);
  const items: PageItem[] = [
    ...ruled.tables.map((table): PageItem => ({ kind: 'table', table, top: table.top })),
    ...unruled.tables.map((table): PageItem => ({ kind: 'table', table, top: table.top })),
    ...unruled.rest.map((line): PageItem => ({ kind: 'line', line, top: line.y - line.size * 0.8 })),
  ];
  return { items: items.sort((a, b) => a.top - b.top), unruled: unruled.tables.length };
}

/** Reads a PDF file (its bytes) into blocks in reading order. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const pages = (await readPages(bytes)).map((page) => ({ number: page.number, ...pageItems(page) }));
  // A page whose only text is its page number has no text layer for the report either.
  const blank = pages.filter((p) => p.items.length === 0).map((p) => p.number);
  if (blank.length === pages.length) return { type: 'pdf', blocks: [], notes: [SCANNED_PDF_NOTE] };
  const notes: string[] = [];
  if (!isComplete(bytes)) notes.push('PDF 文件结尾不完整（缺少 %%EOF 标记），已读取其中能读取的内容');
  if (blank.length > 0) notes.push(`PDF 第 ${blank.join('、')} 页没有文字层（可能是扫描页），这些页的内容未能读取`);
  const unruled = pages.filter((p) => p.unruled > 0).map((p) => p.number);
  if (unruled.length > 0) {
    notes.push(`PDF 第 ${unruled.join('、')} 页的表格没有框线，按文字位置读取：含空白单元格的行无法确定数值所在的列`);
  }
  return { type: 'pdf', blocks: layoutBlocks(pages.map((p) => p.items)), notes };
}
