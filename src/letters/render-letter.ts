/**
 * Letters to an applicant (reply 告知书, fee notice) as Word and PDF, set like the annual report
 * (GB/T 9704-2012): A4 with a 156 mm × 225 mm text area, title in 二号 小标宋, the 文号 line centred
 * under it, body in 三号 仿宋 with 22 lines a page, the salutation flush left, signature and date at
 * the right. The words come from src/core/applications/letter-content.ts; page, fonts and styles
 * from the report renderers (docx-styles.ts, pdf-fonts.ts).
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import pdfMake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { LetterContent } from '../core/applications/letter-content.js';
import { BODY_CHAR, LINE_PITCH, MARGIN, PAGE, STYLE, STYLES, fontTableXml, mm } from '../render/docx/docx-styles.js';
import { createFontSet, lineHeightFor } from '../render/pdf/pdf-fonts.js';
import { printedWidth } from '../render/print-layout.js';

/** A line of the closing and its distance from the right margin in body characters. */
interface ClosingLine {
  text: string;
  rightChars: number;
}

/**
 * Signature and date without a seal (GB/T 9704 §7.3.5.2), as the report places them: the agency two
 * characters from the right, the date below starting two characters right of the agency's first
 * character; a date wider than that moves the agency instead.
 */
export function letterClosingLines(signature: string, date: string): ClosingLine[] {
  const s = printedWidth(signature);
  const d = printedWidth(date);
  let signatureRight = 2;
  let dateRight = s - d;
  if (dateRight < 2) {
    dateRight = 2;
    signatureRight = Math.max(2, d - s + 4);
  }
  return [{ text: signature, rightChars: signatureRight }, { text: date, rightChars: dateRight }];
}

/** Body paragraphs in reading order before the closing formula: the text, then the remedies. */
const bodyTexts = (c: LetterContent): string[] => [...c.paragraphs, c.remedies];

// ---------------------------------------------------------------------------------------------- Word

/** Renders a letter as a .docx file. */
export async function renderLetterDocx(content: LetterContent): Promise<Buffer> {
  const flush = { firstLine: 0, firstLineChars: 0 };
  const children: Paragraph[] = [
    // The title's own space after is moved below the 文号 line.
    new Paragraph({
      style: STYLE.title,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun(content.title)],
    }),
    new Paragraph({
      style: STYLE.body, alignment: AlignmentType.CENTER, indent: flush,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
      children: [new TextRun(content.docNo)],
    }),
    new Paragraph({ style: STYLE.body, indent: flush, children: [new TextRun(content.salutation)] }),
    ...bodyTexts(content).map((text) => new Paragraph({ style: STYLE.body, children: [new TextRun(text)] })),
    // The closing formula, one empty line, signature and date stay on one page: a signature never
    // stands alone on a page (GB/T 9704 §7.3.5.4).
    new Paragraph({ style: STYLE.body, keepNext: true, keepLines: true, children: [new TextRun(content.closing)] }),
    new Paragraph({ style: STYLE.closing, keepNext: true }),
    ...letterClosingLines(content.signature, content.date).map(({ text, rightChars }, i) => new Paragraph({
      style: STYLE.closing,
      keepNext: i === 0 || content.note !== undefined,
      indent: { right: Math.round(rightChars * BODY_CHAR), firstLine: 0 },
      children: [new TextRun(text)],
    })),
    // 附注: below the date, indented two characters (GB/T 9704 §7.3.6).
    ...(content.note ? [new Paragraph({ style: STYLE.body, children: [new TextRun(content.note)] })] : []),
  ];
  const doc = new Document({
    title: content.title,
    subject: `${content.title}（${content.docNo}）`,
    creator: content.signature,
    lastModifiedBy: content.signature,
    keywords: '政府信息公开;依申请公开',
    styles: STYLES,
    sections: [{
      properties: {
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, header: mm(15), footer: mm(22), gutter: 0 } },
        grid: { linePitch: LINE_PITCH },
      },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

// ----------------------------------------------------------------------------------------------- PDF

const PT_PER_MM = 72 / 25.4;
const pt = (millimetres: number) => millimetres * PT_PER_MM;

/** GB/T 9704 margins in pdfmake order (left, top, right, bottom) and the 22-line pitch. */
const MARGINS: [number, number, number, number] = [pt(28), pt(37), pt(26), pt(35)];
const PITCH = pt(225) / 22;
const SIZE = { title: 22, body: 16 } as const;

/** pdfmake's virtual file system (not in its Node typings). */
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

/** Renders a letter as a PDF file with its fonts embedded (Noto Serif SC from npm). */
export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  const fonts = createFontSet();
  const serif = fonts.family('serif');
  const lineHeight = lineHeightFor('serif', SIZE.body, PITCH);
  const text = (value: string, style: Omit<ContentText, 'text'>): ContentText =>
    ({ text: fonts.runs(value, 'serif'), font: serif, fontSize: SIZE.body, lineHeight, ...style }) as ContentText;

  const body: Content[] = [
    text(content.title, { fontSize: SIZE.title, bold: true, alignment: 'center', lineHeight: 1.2 }),
    text(content.docNo, { alignment: 'center', margin: [0, 0, 0, PITCH] }),
    text(content.salutation, {}),
    ...bodyTexts(content).map((t) => text(t, { alignment: 'justify', leadingIndent: 2 * SIZE.body })),
    // The closing formula, one empty line, signature, date and 附注 on one page: a signature never
    // stands alone on a page (GB/T 9704 §7.3.5.4, §7.3.6).
    {
      stack: [
        text(content.closing, { leadingIndent: 2 * SIZE.body }),
        ...letterClosingLines(content.signature, content.date).map(({ text: line, rightChars }, i) =>
          text(line, { alignment: 'right', margin: [0, i === 0 ? PITCH : 0, rightChars * SIZE.body, 0] })),
        ...(content.note ? [text(content.note, { leadingIndent: 2 * SIZE.body })] : []),
      ],
      unbreakable: true,
    },
  ];

  // A letter refers to no file or address: pdfmake may read neither (fonts come from its virtual file system).
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  const vfs = (pdfMake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, bytes] of fonts.files) if (!vfs.existsSync(name)) vfs.writeFileSync(name, bytes);
  pdfMake.addFonts(fonts.fonts);

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language: 'zh-CN',
    info: {
      title: content.title,
      author: content.signature,
      subject: content.docNo,
      keywords: '政府信息公开;依申请公开',
      creator: 'Gongkai',
      producer: 'Gongkai (pdfmake)',
      // A fixed date keeps the bytes of a letter's PDF the same on every download.
      creationDate: new Date(`${content.issuedOn}T00:00:00+08:00`),
    },
    defaultStyle: { font: serif, fontSize: SIZE.body },
    content: body,
  };
  return pdfMake.createPdf(doc).getBuffer();
}
