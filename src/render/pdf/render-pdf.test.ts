import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromInterchange } from '../../core/interchange/from-interchange.js';
import { newReport } from '../../core/report/new-report.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { readPages } from '../../parse/pdf-document.js';
import { renderPdf } from './render-pdf.js';

const load = (url: URL): ReportDocument => fromInterchange(JSON.parse(readFileSync(url, 'utf8')));
const seed = () => load(new URL('../../demo/huancui-approval-bureau-2019.json', import.meta.url));

/** A 2021 report: the full fixture when present, else a new report with some values. */
function report2021(): ReportDocument {
  const fixture = new URL('../../../test/fixtures/full-2021.json', import.meta.url);
  if (existsSync(fixture)) return load(fixture);
  const r = newReport('某某市某某区人民政府办公室', 2021);
  r.issuedOn = '2022-01-20';
  r.sections[0]!.paragraphs = ['2021年，本机关共收到政府信息公开申请3件。'];
  r.cells['三:received:natural'] = 3;
  r.cells['三:received:total'] = 3;
  r.cells['四:all:reconsideration.upheld'] = 1;
  r.cells['四:all:reconsideration.total'] = 1;
  r.cells['二:fees:fee-amount'] = 12.5;
  return r;
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/**
 * The text of a PDF as pdftotext extracts it in drawing order (-raw: a table cell's lines stay
 * together), all white space removed (wrapped and justified lines gain breaks and spaces).
 */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const out = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks the text of a rendered report: its title, headings and cells, in readable Chinese. */
function assertReadable(text: string, report: ReportDocument, expected: string[]): void {
  assert.ok(!text.includes('\ufffd'), 'no replacement characters');
  assert.ok(text.includes(report.title), `标题“${report.title}”`);
  for (const section of report.sections) assert.ok(text.includes(section.heading.replace(/\s+/g, '')), section.heading);
  for (const s of expected) assert.ok(text.includes(s), `应含“${s}”`);
  // Chinese text extracted from the ToUnicode maps is mostly CJK (garbled text would not be).
  const cjk = [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
  assert.ok(cjk / [...text].length > 0.6, `汉字占比 ${cjk}/${[...text].length}`);
}

/**
 * Renders a report, checks the file is a PDF and returns it with its text, or with text null
 * when pdftotext is missing (the test is then marked skipped and should stop).
 */
async function renderAndRead(t: TestContext, report: ReportDocument): Promise<{ pdf: Buffer; text: string | null }> {
  const pdf = await renderPdf(report);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  if (!hasPdftotext) {
    t.skip('pdftotext (poppler-utils) 未安装，跳过文字提取检查');
    return { pdf, text: null };
  }
  return { pdf, text: pdfText(pdf) };
}

test('the seed renders to a PDF whose text reads back: narrative, table 二 block （九）, table 三 rows, table 四 headers', async (t) => {
  const report = seed();
  const { pdf, text } = await renderAndRead(t, report);
  assert.ok(pdf.includes('/FontFile2'), 'fonts are embedded');
  if (text === null) return;
  assertReadable(text, report, [
    '第二十条第（九）项', '165.51万元', '1.属于国家秘密', '结果维持', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '①借助环翠区政府门户网公开政府信息358条', '0631—5229038', '威海市环翠区行政审批服务局2020年1月18日', '—1—',
  ]);
});

test('a 2021 report renders with the 2021 rows and its values', async (t) => {
  const report = report2021();
  const { text } = await renderAndRead(t, report);
  if (text === null) return;
  assertReadable(text, report, [
    '第二十条第（八）项', '本年收费金额（单位：万元）', '1.属于国家秘密', '结果维持', '3.其他',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  ]);
  assert.ok(!text.includes('第二十条第（九）项'), 'the 2021 format has no block （九）');
});

test('an empty new report renders (no text, no date, every cell blank)', async (t) => {
  const report = newReport('某某县某某局', 2023);
  report.signature = null;
  const { text } = await renderAndRead(t, report);
  if (text === null) return;
  assert.ok(text.includes('某某县某某局2023年政府信息公开工作年度报告'));
  // Blank cells print nothing: the only digits are the year in the title and the page numbers.
  assert.deepEqual(text.match(/\d+/g)?.filter((d) => d !== '2023').every((d) => /^\d$/.test(d)), true);
});

test('text is set a line at a time: one text drawing per line, 避头尾 kept, justified lines flush with the right margin', async () => {
  const report = report2021();
  const pages = await readPages(await renderPdf(report));
  const runs = pages.flatMap((p) => p.runs);
  const right = 595.28 - (26 * 72) / 25.4; // A4 less the 26 mm right margin
  const body = runs.filter((r) => Math.abs(r.size - 16) < 0.1);
  assert.ok(body.length > 10 && body.length < 200, `${body.length} body lines`);
  for (const r of body) {
    assert.ok(r.x + r.width <= right + 0.05, `“${r.text}” ends at ${r.x + r.width}`);
    assert.ok(!/^[，。、；：？！）》」』”’]/.test(r.text), `line starts with closing punctuation: “${r.text}”`);
    assert.ok(!/[（《「『“‘]$/.test(r.text), `line ends with opening punctuation: “${r.text}”`);
  }
  const flush = body.filter((r) => Math.abs(r.x + r.width - right) < 0.05);
  assert.ok(flush.length >= body.length / 2, `${flush.length} of ${body.length} body lines flush right`);
  assert.ok(body.filter((r) => [...r.text].length >= 20).length >= body.length / 2, 'whole lines, not characters');
  // pdfmake's own line breaking drew every Chinese character on its own (about 2 100 for this report).
  assert.ok(runs.length < 700, `${runs.length} text drawings`);
});
