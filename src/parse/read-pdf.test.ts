import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReport } from '../core/parse/read-report.js';
import { ValidationError } from '../core/errors.js';
import type { SourceDocument } from '../core/parse/source-types.js';
import { chineseDate } from '../core/report/dates.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import {
  REPORTS, assertRoundTrip, assertTablesMatchLayout, assertTextMatches, corpusFile, loadReport, paragraphs, sourceTables,
} from '../../test/corpus/corpus-helpers.js';
import { bordersAsBoxes, handMadeCorpus, rewritePdf, withoutBorders } from '../../test/corpus/pdf-helpers.js';
import { readPdf, SCANNED_PDF_NOTE } from './read-pdf.js';

/** Each report rendered once (pdfmake takes about a second a report). */
const rendered = new Map<string, Promise<Buffer>>();
const pdfOf = (path: string) => {
  let pdf = rendered.get(path);
  if (!pdf) rendered.set(path, (pdf = renderPdf(loadReport(path))));
  return pdf;
};

/**
 * The document with the PDF-only part of each cell's place (its page) checked and taken off,
 * so it compares with the layout as the HTML and DOCX readers' output does: every cell has a
 * page, the table's first page or a later one, in reading order.
 */
function withoutPages(doc: SourceDocument): SourceDocument {
  for (const table of sourceTables(doc)) {
    let last = table.where.page!;
    assert.ok(last >= 1, 'table page');
    for (const row of table.rows) {
      for (const cell of row) {
        assert.ok(cell.where.page! >= last, 'cell page in reading order');
        last = Math.max(last, cell.where.page!);
        delete cell.where.page;
      }
    }
  }
  return doc;
}

/** The paragraphs the PDF prints, one per line of the report's text, as the renderer sets them. */
function printedParagraphs(report: ReportDocument): string[] {
  const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const out = [report.title, ...report.preamble.flatMap(lines)];
  for (const section of report.sections) {
    out.push(section.heading, ...section.paragraphs.flatMap(lines));
    for (const part of section.parts) out.push(...lines(part.heading), ...part.paragraphs.flatMap(lines));
  }
  if (report.signature) out.push(report.signature);
  if (report.issuedOn) out.push(chineseDate(report.issuedOn));
  return out;
}

for (const [name, path] of REPORTS) {
  test(`${name}: the rendered PDF reads back as the layout, its text and its report exactly`, async () => {
    const report = loadReport(path);
    const pdf = await pdfOf(path);
    const doc = withoutPages(await readPdf(pdf));
    assert.equal(doc.type, 'pdf');
    assert.deepEqual(doc.notes, []);
    assertTablesMatchLayout(doc, report, name);
    assertTextMatches(doc, report, name);
    // Paragraphs end where the report's do (indents, short last lines, headings, page breaks).
    assert.deepEqual(paragraphs(doc), printedParagraphs(report));
    assertRoundTrip(doc, report, name);
  });

  test(`${name}: borders drawn as thin filled boxes (Word, WPS) read exactly too`, async () => {
    const report = loadReport(path);
    const pdf = rewritePdf(await pdfOf(path), bordersAsBoxes);
    const doc = withoutPages(await readPdf(pdf));
    assertTablesMatchLayout(doc, report, `${name} (boxes)`);
    assertRoundTrip(doc, report, `${name} (boxes)`);
  });

  test(`${name}: without any borders, no figure is put in a wrong place`, async () => {
    const report = loadReport(path);
    const doc = await readPdf(rewritePdf(await pdfOf(path), withoutBorders));
    assert.ok(doc.notes.some((n) => n.includes('表格没有框线')), 'the note on tables without borders');
    const result = readReport(doc);
    assert.equal(result.error, null);
    assert.equal(result.format, report.format);
    let read = 0;
    for (const cell of result.cells) {
      if (cell.status !== 'read') continue;
      read++;
      assert.deepEqual(result.report!.cells[cell.key] ?? null, report.cells[cell.key] ?? null, `${name}: ${cell.key}`);
    }
    // Rows that show all their figures read: at least the tables without blanks come through.
    if (name !== 'seed 2019') assert.ok(read >= 150, `${name}: ${read} cells read`);
  });
}

test('a PDF LibreOffice made from the Word report (simple TrueType and Type 1 fonts, its own borders) reads exactly', async () => {
  // test/corpus/pdf/libreoffice-2021.pdf: renderDocx(full-2021.json), then soffice --convert-to pdf.
  const pdf = corpusFile('pdf/libreoffice-2021.pdf');
  const report = loadReport('test/fixtures/full-2021.json');
  const doc = withoutPages(await readPdf(pdf));
  assert.deepEqual(doc.notes, []);
  assertTablesMatchLayout(doc, report, 'LibreOffice');
  assertRoundTrip(doc, report, 'LibreOffice');
});

test('a table longer than a page: its repeated header rows are skipped, its rows continue', async () => {
  const report: ReportDocument = loadReport('test/fixtures/full-2021.json');
  const base = report.extraRows[0]!;
  const columns = Object.keys(base.values);
  for (let i = 1; i <= 40; i++) {
    report.extraRows.push({ ...base, label: `其他主动公开文件（第${i}类）`, values: Object.fromEntries(columns.map((k, j) => [k, i * 10 + j])) });
  }
  const pdf = await renderPdf(report);
  const doc = await readPdf(pdf);
  const first = sourceTables(doc)[0]!;
  const pages = new Set(first.rows.flat().map((c) => c.where.page));
  assert.ok(pages.size >= 2, 'table 二 runs over a page break');
  withoutPages(doc);
  assertTablesMatchLayout(doc, report, 'long table');
  assertRoundTrip(doc, report, 'long table');
});

test('the corpus files are the hand-made PDFs', () => {
  for (const [name, bytes] of Object.entries(handMadeCorpus())) {
    assert.ok(corpusFile(`pdf/${name}`).equals(bytes), name);
  }
});

test('a PDF without a text layer (only an image, or only vector paths) says so and has no blocks', async () => {
  for (const name of ['scan-image-only.pdf', 'vector-only.pdf']) {
    const doc = await readPdf(corpusFile(`pdf/${name}`));
    assert.deepEqual(doc, { type: 'pdf', blocks: [], notes: [SCANNED_PDF_NOTE] }, name);
    const result = readReport(doc);
    assert.equal(result.report, null);
    assert.ok(result.notes.includes(SCANNED_PDF_NOTE), name);
  }
});

test('a text PDF with a standard font reads its text', async () => {
  const doc = await readPdf(corpusFile('pdf/latin-text.pdf'));
  assert.deepEqual(doc.blocks, [{ kind: 'paragraph', text: 'Annual report 2021', where: { page: 1 } }]);
});

test('a truncated, corrupt or empty PDF throws a clear Chinese error', async () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['truncated', corpusFile('pdf/truncated.pdf'), /^PDF 文件已损坏：文件不完整（缺少文件结尾标记 %%EOF/],
    ['cut in half', (await pdfOf(REPORTS[2]![1])).subarray(0, 60_000), /^PDF 文件已损坏：文件不完整/],
    ['garbage after the header', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x5a), Buffer.from('\n%%EOF\n')]), /^PDF 文件已损坏：/],
    ['not a PDF', Buffer.from('这不是 PDF 文件'.repeat(50)), /^PDF 文件已损坏：文件开头没有 PDF 标记/],
    ['empty', new Uint8Array(0), /^PDF 文件已损坏：文件内容为空$/],
  ];
  for (const [label, bytes, message] of cases) {
    await assert.rejects(readPdf(bytes), (error: unknown) => {
      assert.ok(error instanceof ValidationError, label);
      assert.match(error.message, message, label);
      return true;
    });
  }
});

test('a PDF whose end is cut off after its content still reads, with a note', async () => {
  const pdf = await pdfOf(REPORTS[2]![1]);
  const doc = await readPdf(pdf.subarray(0, pdf.length - 100));
  assert.deepEqual(doc.notes, ['PDF 文件结尾不完整（缺少 %%EOF 标记），已读取其中能读取的内容']);
  assertRoundTrip(withoutPages(doc), loadReport(REPORTS[2]![1]), 'cut-off end');
});

test('the bytes given are not taken over: the same buffer reads twice alike', async () => {
  const pdf = await pdfOf(REPORTS[0]![1]);
  const copy = Buffer.from(pdf);
  const a = await readPdf(pdf);
  assert.ok(pdf.equals(copy));
  assert.deepEqual(await readPdf(pdf), a);
});

test('documents read at the same time do not mix (one pdf.js worker serves them all)', async () => {
  const pdfs = await Promise.all(REPORTS.map(([, path]) => pdfOf(path)));
  const alone = [];
  for (const pdf of pdfs) alone.push(await readPdf(pdf));
  const together = await Promise.all([...pdfs, ...pdfs].map((pdf) => readPdf(pdf)));
  assert.deepEqual(together, [...alone, ...alone]);
});
