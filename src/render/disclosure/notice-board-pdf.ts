/**
 * The printable A4 page of an item for notice boards (公开栏) and the reading point (政府信息公开查阅点): the
 * title, the item's metadata in a ruled table (索引号, 发布机构, 文号, 成文日期, 发布日期), the body from its
 * sanitised HTML (headings, paragraphs, list items, simple tables) and the list of attachments, with page
 * numbers "— 1 —" at the foot (GB/T 9704 §7.5).
 */
import type { Content } from 'pdfmake/interfaces.js';
import { chineseDate, fileSizeText, type ExportItem } from './disclosure-item.js';
import { formPdfTable, label, value } from './form-grid.js';
import { bodyBlocks, type BodyBlock } from './html-blocks.js';
import { A4_WIDTH, cell, creationDate, pdfText, pt, renderPdf, type PdfText } from './pdf-kit.js';

const BODY = 14;

function blockContent(t: PdfText, b: BodyBlock): Content {
  switch (b.kind) {
    case 'heading':
      return t.text(b.text, { fontSize: [18, 16, BODY][b.level - 1], margin: [0, 8, 0, 4] }, 'sans');
    case 'paragraph':
      return t.text(b.text, { fontSize: BODY, lineHeight: 1.5, alignment: 'justify', leadingIndent: 2 * BODY, margin: [0, 0, 0, 4] });
    case 'list-item':
      return t.text(`${b.ordinal} ${b.text}`, { fontSize: BODY, lineHeight: 1.5, margin: [2 * BODY, 0, 0, 4] });
    case 'table': {
      const columns = Math.max(...b.rows.map((r) => r.length));
      return {
        table: {
          widths: Array.from({ length: columns }, () => '*'),
          headerRows: 0,
          body: b.rows.map((r) => Array.from({ length: columns }, (_, i) => cell(t, r[i] ?? '', { fontSize: 11 }))),
        },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
        margin: [0, 4, 0, 8],
      } as Content;
    }
  }
}

/** Renders the notice-board page of an item as a PDF file with its fonts embedded. */
export async function renderNoticeBoardPdf(item: ExportItem): Promise<Buffer> {
  const t = pdfText();
  const meta = formPdfTable(t, [
    [label('索引号'), value(item.indexNo ?? ''), label('发布机构'), value(item.issuer)],
    [label('文号'), value(item.docNo ?? ''), label('成文日期'), value(chineseDate(item.writtenOn))],
    [label('发布日期'), value(chineseDate(item.publishedOn), 3)],
  ], [12, 38, 12, 38], A4_WIDTH - pt(50), 10.5);
  const attachments: Content[] = item.attachments.length
    ? [
      t.text('附件：', { fontSize: BODY, margin: [0, 12, 0, 2] }, 'sans'),
      ...item.attachments.map((a, i) => t.text(`${i + 1}. ${a.fileName}（${fileSizeText(a.size)}）`, { fontSize: BODY, margin: [2 * BODY, 0, 0, 2] })),
    ]
    : [];
  return renderPdf(t, {
    pageMargins: [pt(25), pt(25), pt(25), pt(25)],
    info: { title: item.title, subject: item.indexNo ?? item.title, author: item.issuer, creator: 'Gongkai', producer: 'Gongkai (pdfmake)', creationDate: creationDate(item.publishedOn ?? item.writtenOn) },
    footer: (page: number) => t.text(`— ${page} —`, { fontSize: 12, alignment: 'center', margin: [0, 20, 0, 0] }),
    content: [
      t.text(item.title, { fontSize: 20, bold: true, alignment: 'center', lineHeight: 1.3, margin: [0, 0, 0, 12] }),
      meta,
      { text: '', margin: [0, 0, 0, 12] },
      ...bodyBlocks(item.bodyHtml).map((b) => blockContent(t, b)),
      ...attachments,
    ],
  }, BODY);
}
