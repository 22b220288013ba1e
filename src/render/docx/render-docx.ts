/**
 * The annual report as a Word document laid out like a published government document
 * (GB/T 9704): title, preamble, the six sections with their parts, each section's statistical
 * table after its text (from the shared layout, exactly as the national format merges its cells),
 * signature and date, and page numbers “— 1 —” on the outer side of each page.
 */
import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type FileChild,
} from 'docx';
import type { TableId } from '../../core/format/format-types.js';
import { getFormat } from '../../core/format/registry.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { closingLines, titleLines } from '../print-layout.js';
import { layoutTable } from '../table-layout.js';
import {
  BODY_CHAR, LINE_PITCH, MARGIN, PAGE, SIZE, STYLE, STYLES, fontTableXml, mm,
} from './docx-styles.js';
import { docxTable, type DocxTableOptions } from './docx-table.js';

/**
 * How each table is set. Table 三 has ten columns and 27–29 rows: 小五 (9 pt) keeps its long
 * labels to one or two lines, and the table fits one page, where it is kept whole (its tall
 * merged label 三、本年度办理结果 would otherwise be cut at the page break). Tables 二 and 四
 * use 五号 (10.5 pt); table 二 may break between its 第二十条 blocks.
 */
const TABLE_OPTIONS: Record<TableId, DocxTableOptions> = {
  二: { fontSize: SIZE.table, minRowHeight: mm(8) },
  三: { fontSize: SIZE.tableSmall, minRowHeight: mm(6), keepTogether: true },
  四: { fontSize: SIZE.table, minRowHeight: mm(8), keepTogether: true },
};

const body = (text: string) => new Paragraph({ style: STYLE.body, children: [new TextRun(text)] });

/** The title, broken after the agency name when it does not fit on one line. */
function titleParagraph(report: ReportDocument): Paragraph {
  return new Paragraph({
    style: STYLE.title,
    children: titleLines(report).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
  });
}

/** Signature and date (print-layout.ts places them), one empty line below the text. */
function closing(report: ReportDocument): Paragraph[] {
  const lines = closingLines(report);
  if (lines.length === 0) return [];
  return [
    new Paragraph({ style: STYLE.closing, keepNext: true }),
    ...lines.map(({ text, rightChars }) => new Paragraph({
      style: STYLE.closing,
      indent: { right: Math.round(rightChars * BODY_CHAR), firstLine: 0 },
      children: [new TextRun(text)],
    })),
  ];
}

/** Page number “— N —” in 四号宋体, one character in from the outer edge (right on odd, left on even pages). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [new Paragraph({
      style: STYLE.pageNumber,
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
}

/** The body: title, preamble, sections with parts and tables, closing. */
function content(report: ReportDocument): FileChild[] {
  const format = getFormat(report.format);
  const children: FileChild[] = [titleParagraph(report), ...report.preamble.map(body)];
  let afterTable = false;
  for (const section of report.sections) {
    // Half a line of air between a table and the next heading, which Word would set flush.
    const spacing = afterTable ? { before: Math.round(LINE_PITCH / 2), line: LINE_PITCH, lineRule: LineRuleType.EXACT } : undefined;
    children.push(new Paragraph({ style: STYLE.heading1, spacing, children: [new TextRun(section.heading)] }));
    afterTable = false;
    children.push(...section.paragraphs.map(body));
    for (const part of section.parts) {
      children.push(new Paragraph({ style: STYLE.heading2, children: [new TextRun(part.heading)] }));
      children.push(...part.paragraphs.map(body));
    }
    // The official format prints the table right after the section's text, without a caption.
    for (const table of format.tables.filter((t) => t.section === section.key)) {
      children.push(docxTable(layoutTable(report, table.id), TABLE_OPTIONS[table.id]));
      afterTable = true;
    }
  }
  children.push(...closing(report));
  return children;
}

/** Renders a report as a .docx file. */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const agency = report.agency.name;
  const doc = new Document({
    title: report.title,
    subject: `${report.year}年政府信息公开工作年度报告`,
    creator: agency,
    lastModifiedBy: agency,
    keywords: '政府信息公开;年度报告',
    description: `按照${getFormat(report.format).document}规定的格式编制`,
    styles: STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          // The page number sits about 7 mm below the text area (GB/T 9704 §7.5).
          margin: { ...MARGIN, header: mm(15), footer: mm(22), gutter: 0 },
        },
        grid: { linePitch: LINE_PITCH },
      },
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: content(report),
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
