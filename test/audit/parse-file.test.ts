/**
 * parseReportFile: every kind of bad input gives a result with `report: null` and a Chinese error
 * (never a throw); good files of every type are sniffed and read; the audit row, the problem list
 * and the import guard built from a result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ParseResult } from '../../src/core/parse/parse-types.js';
import { ValidationError } from '../../src/core/errors.js';
import { MAX_PARSE_BYTES, parseReportFile, parseResultSummary } from '../../src/parse/parse-file.js';
import { documentForImport } from '../../src/parse/parse-import.js';
import { resultProblems } from '../../src/parse/parse-summary.js';
import { sniffType } from '../../src/parse/sniff-type.js';
import { makeZip } from './zip-fixtures.js';
import { full2021, garbage, pdfWithoutText, renderedFiles, SEED_AGENCY, SEED_TEXT, textWithReceived } from './audit-fixtures.js';

const corpus = (path: string) => readFileSync(new URL(`../corpus/${path}`, import.meta.url));
const HAN = /\p{Script=Han}/u;

/** Asserts a whole-file failure: no report, no cells, a Chinese message matching `pattern`. */
function assertFailed(result: ParseResult, pattern: RegExp): void {
  assert.equal(result.report, null);
  assert.equal(result.checks, null);
  assert.deepEqual(result.cells, []);
  assert.ok(result.error, 'has an error');
  assert.match(result.error, HAN);
  assert.match(result.error, pattern);
}

describe('parseReportFile on bad input', () => {
  it('an empty file', async () => {
    const result = await parseReportFile(new Uint8Array(0), 'empty.docx');
    assertFailed(result, /文件为空/);
    assert.equal(result.fileName, 'empty.docx');
  });

  it('a file over 50 MB is refused by its size, without reading it', async () => {
    const result = await parseReportFile(new Uint8Array(MAX_PARSE_BYTES + 1), 'huge.pdf');
    assertFailed(result, /^文件过大（50\.0 MB），年度报告文件不得超过 50 MB$/);
    assert.equal(result.sourceType, null);
  });

  it('binary garbage', async () => {
    const result = await parseReportFile(garbage(4096), 'data.bin');
    assertFailed(result, /^不是可识别的报告文件（二进制内容）$/);
    // Garbage named like a report is still garbage.
    assertFailed(await parseReportFile(garbage(4096, 99), '报告.txt'), /二进制内容/);
  });

  it('images, archives and old Office files say what they are', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage(500)]);
    assertFailed(await parseReportFile(png, 'scan.png'), /PNG 图片.*文字识别/);
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), garbage(500)]);
    assertFailed(await parseReportFile(doc, 'report.doc'), /旧版 Office.*\.docx/);
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), garbage(200)]);
    assertFailed(await parseReportFile(xlsx, 'table.xlsx'), /Excel 工作簿/);
  });

  it('a text file that is not a report', async () => {
    const result = await parseReportFile(corpus('txt/not-a-report.txt'), 'notice.txt');
    assertFailed(result, /未识别出政府信息公开工作年度报告/);
    assert.equal(result.sourceType, 'txt');
  });

  it('a report in English', async () => {
    const result = await parseReportFile(corpus('txt/english-report.txt'), 'annual-report.txt');
    assertFailed(result, /没有中文内容/);
  });

  it('a corrupt DOCX: ZIP garbage, and a real one cut in half', async () => {
    const zipGarbage = Buffer.concat([Buffer.from('PK\x03\x04'), garbage(3000)]);
    assertFailed(await parseReportFile(zipGarbage, 'report.docx'), /DOCX|Word/);
    const docx = (await renderedFiles())['seed-2019.docx']!;
    const half = await parseReportFile(docx.subarray(0, Math.floor(docx.length / 2)), 'half.docx');
    assertFailed(half, /DOCX|Word|损坏/);
    assert.equal(half.sourceType, 'docx');
  });

  it('a DOCX whose document part lies about its size (a zip bomb) is refused without inflating past it', async () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
    // 32 MB of XML deflated to ~32 KB, declared as 4 KB: inflating stops one byte past the declared size.
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p/>'.repeat(32 * 2 ** 20 / 6)}</w:body></w:document>`;
    const lying = makeZip([
      { name: '[Content_Types].xml', data: types },
      { name: 'word/document.xml', data: body, deflate: true, declaredSize: 4096 },
    ]);
    const result = await parseReportFile(lying, '炸弹.docx');
    assertFailed(result, /^DOCX 文件被拒绝，未读取：.*word\/document\.xml.*压缩炸弹/);
    assert.equal(result.sourceType, 'docx');
    // A part that declares more than a report's document can hold is refused before inflating.
    const huge = makeZip([
      { name: '[Content_Types].xml', data: types },
      { name: 'word/document.xml', data: '<w:document/>', deflate: true, declaredSize: 100 * 2 ** 20 },
    ]);
    assertFailed(await parseReportFile(huge, 'huge.docx'), /DOCX.*(压缩炸弹|超过 64 MB)/);
  });

  it('a corrupt PDF: a header and garbage, and a real one cut in half', async () => {
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage(3000)]);
    const a = await parseReportFile(fake, 'report.pdf');
    assertFailed(a, /PDF/);
    assert.equal(a.sourceType, 'pdf');
    const pdf = (await renderedFiles())['seed-2019.pdf']!;
    const half = await parseReportFile(pdf.subarray(0, Math.floor(pdf.length / 2)), 'half.pdf');
    assert.equal(half.report, null);
    assert.match(half.error ?? '', HAN);
  });

  it('a PDF without a text layer (a scan) says so', async () => {
    const result = await parseReportFile(pdfWithoutText(), 'scan.pdf');
    assertFailed(result, /没有文字层（可能是扫描件）/);
    assert.equal(result.sourceType, 'pdf');
  });
});

describe('parseReportFile on reports', () => {
  it('sniffs every type from its bytes, whatever the name says', async () => {
    const files = await renderedFiles();
    assert.equal(sniffType(files['seed-2019.docx']!, 'x').type, 'docx');
    assert.equal(sniffType(files['seed-2019.pdf']!, 'x.txt').type, 'pdf');
    assert.equal(sniffType(files['seed-2019.html']!, 'no-extension').type, 'html');
    assert.equal(sniffType(Buffer.from('<TABLE><tr><td>一</td></tr></TABLE>'), 'copy.txt').type, 'html');
    assert.equal(sniffType(readFileSync(SEED_TEXT), 'seed').type, 'txt');
    assert.equal(sniffType(Buffer.from('\ufeff报告'), 'page.HTM').type, 'html');
  });

  it('reads the seed text: 2019 format, agency, year, no error, 179 blanks, full confidence', async () => {
    const result = await parseReportFile(readFileSync(SEED_TEXT), 'seed.txt');
    assert.equal(result.error, null);
    assert.match(result.notes[0]!, /^文件类型：文本/);
    assert.deepEqual(parseResultSummary(result), {
      file: 'seed.txt', sourceType: 'txt', agency: SEED_AGENCY, year: 2019, format: '2019',
      hardFailures: 0, warnings: result.checks!.warnings, blanks: 179, unreadable: 0, confidence: 1, error: null,
    });
    assert.ok(result.checks!.warnings > 0);
  });

  it('reads every rendered type of the 2021 fixture with the same figures', async () => {
    const files = await renderedFiles();
    const expected = full2021().cells;
    for (const name of ['full-2021.txt', 'full-2021.html', 'full-2021.docx', 'full-2021.pdf']) {
      const result = await parseReportFile(files[name]!, name);
      assert.equal(result.error, null, `${name}: ${result.error}`);
      assert.equal(result.format, '2021', name);
      assert.equal(parseResultSummary(result).unreadable, 0, name);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(result.report!.cells[key], value, `${name} ${key}`);
    }
  });

  it('an unreadable figure: counted, listed with its place, and the report may not be imported', async () => {
    const result = await parseReportFile(Buffer.from(textWithReceived(full2021(), '见附件')), 'x.txt');
    const row = parseResultSummary(result);
    assert.equal(row.unreadable, 1);
    assert.ok(row.confidence! < 1);
    const problems = resultProblems(result);
    const cell = problems.find((p) => p.kind === 'cell');
    assert.ok(cell);
    assert.equal(cell.ruleId, 'cell:unreadable');
    assert.match(cell.cells[0]!, /^表三“一、本年新收政府信息公开申请数量”行“.+”列（读自第 \d+ 行，第 2 个表格第 \d+ 行第 \d+ 列）$/);
    assert.match(cell.message, /原文“见附件”/);
    // The blank it leaves breaks the table's sums: hard failures with their cells and where they were read.
    const failed = problems.filter((p) => p.kind === 'check' && p.severity === 'error');
    assert.ok(failed.length > 0);
    assert.ok(failed.every((p) => p.cells.length > 0 && p.expression !== ''));
    assert.ok(failed.some((p) => p.cells.some((c) => /读自第 \d+ 行/.test(c))));
    assert.throws(() => documentForImport(result), (e: unknown) =>
      e instanceof ValidationError && /1 个单元格未能确定数值/.test(e.message) && e.details.problems?.[0]?.place?.cell?.table === '三');
  });

  it('a failed file: one problem row with the error; import refused', async () => {
    const result = await parseReportFile(new Uint8Array(0), 'empty.txt');
    assert.deepEqual(resultProblems(result).map((p) => [p.kind, p.severity, p.message]), [['file', 'error', result.error]]);
    assert.throws(() => documentForImport(result), /文件无法作为年度报告读取，未导入：文件为空/);
  });

  it('a clean report passes the import guard as a validated document', async () => {
    const result = await parseReportFile(readFileSync(SEED_TEXT), 'seed.txt');
    const doc = documentForImport(result);
    assert.equal(doc.agency.name, SEED_AGENCY);
    assert.deepEqual(doc.cells, result.report!.cells);
  });
});
