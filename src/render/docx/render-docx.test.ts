import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { getFormat, tableOf } from '../../core/format/registry.js';
import { fromInterchange } from '../../core/interchange/from-interchange.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { newReport } from '../../core/report/new-report.js';
import { renderDocx } from './render-docx.js';

const root = new URL('../../../', import.meta.url);
const load = (path: string): ReportDocument => fromInterchange(JSON.parse(readFileSync(new URL(path, root), 'utf8')));

const seed = load('src/demo/huancui-approval-bureau-2019.json');

/** A 2021 report: the full fixture when present, else a new report with some values. */
function report2021(): ReportDocument {
  if (existsSync(new URL('test/fixtures/full-2021.json', root))) return load('test/fixtures/full-2021.json');
  const r = newReport('测试市测试局', 2021);
  r.issuedOn = '2022-01-20';
  r.cells['三:received:natural'] = 3;
  r.cells['三:received:total'] = 3;
  r.cells['三:r1:natural'] = 3;
  r.cells['三:r1:total'] = 3;
  return r;
}

interface Cell { text: string; gridSpan: number; vMerge: string | null; runs: number }

/** The parts of a rendered document, and its tables as rows of cells. */
async function unpack(report: ReportDocument) {
  const zip = await JSZip.loadAsync(await renderDocx(report));
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(read));
  const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([xml]) => ({
    xml,
    rows: [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) =>
      [...tr!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]): Cell => ({
        text: [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
        gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc!)?.[1] ?? 1),
        vMerge: /<w:vMerge w:val="(\w+)"/.exec(tc!)?.[1] ?? null,
        runs: (tc!.match(/<w:r>/g) ?? []).length,
      }))),
  }));
  return { document, footers, tables, styles: await read('word/styles.xml'), core: await read('docProps/core.xml'),
    fontTable: await read('word/fontTable.xml') };
}

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

/** Every label the format prints in table 三: row path labels, column path labels, caption, corner. */
function table3Labels(report: ReportDocument): string[] {
  const def = tableOf(getFormat(report.format), '三');
  const block = def.blocks[0]!;
  return [...new Set([
    ...block.rows.flatMap((r) => r.path), ...block.columns.flatMap((c) => c.path), def.columnCaption!, def.corner!,
  ])];
}

test('seed 2019: page, fonts, core properties, footer page field', async () => {
  const { document, footers, styles, core, fontTable } = await unpack(seed);
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  assert.ok(footers.some((f) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(f) && f.includes('— ')), 'PAGE field in a footer');
  assert.match(document, /<w:footerReference w:type="even"/);
  assert.match(styles, /w:eastAsia="仿宋_GB2312"/);
  assert.match(styles, /w:eastAsia="方正小标宋简体"/);
  assert.match(styles, /w:eastAsia="黑体"/);
  assert.match(styles, /w:eastAsia="楷体_GB2312"/);
  assert.match(styles, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
  assert.match(fontTable, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  assert.match(core, /<dc:title>威海市环翠区行政审批服务局2019年政府信息公开工作年度报告<\/dc:title>/);
  assert.match(core, /<dc:creator>威海市环翠区行政审批服务局<\/dc:creator>/);
});

test('seed 2019: title, headings, text, signature and Chinese date', async () => {
  const { document } = await unpack(seed);
  // Title on two lines: agency, then year and report name.
  assert.match(document, /<w:pStyle w:val="GkTitle"\/>[\s\S]*?威海市环翠区行政审批服务局<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>2019年政府信息公开工作年度报告/);
  for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '五、存在问题和改进措施', '（一）概述']) {
    assert.ok(document.includes(`>${heading}</w:t>`), heading);
  }
  assert.ok(document.includes('本单位主动在政府网站上公开信息共1336条'));
  assert.match(document, /<w:pStyle w:val="GkClosing"\/>[^]*?威海市环翠区行政审批服务局<\/w:t>[^]*?2020年1月18日<\/w:t>/);
  assert.ok(document.includes('165.51万元'));
});

test('seed 2019: table 三 has every official label and the official merged cells', async () => {
  const { tables } = await unpack(seed);
  assert.equal(tables.length, 3); // 二, 三, 四 after their sections' text
  const t3 = tables[1]!;
  const texts = new Set(t3.rows.flat().map((c) => c.text));
  for (const label of table3Labels(seed)) assert.ok(texts.has(label), `label ${label}`);

  // 3 header rows + 一, 二 + 20 result rows (（一）（二）, 8, 3, 5, （六）, （七）总计) + 四.
  assert.equal(t3.rows.length, 26);
  for (const row of t3.rows) assert.equal(row.reduce((s, c) => s + c.gridSpan, 0), 10);
  // gridSpan: corner 3×3 (restart + 2 continuations), 申请人情况, 法人或其他组织, 一, 二, （一）, （二）, （六）, （七）, 四.
  assert.equal(count(t3.xml, /<w:gridSpan /g), 12);
  // vMerge starts: corner, 自然人, 总计, 三、本年度办理结果, （三）, （四）, （五）.
  assert.equal(count(t3.xml, /<w:vMerge w:val="restart"\/>/g), 7);
  // Continuations: corner 2, 自然人 1, 总计 1, 三、本年度办理结果 19, （三） 7, （四） 2, （五） 4.
  assert.equal(count(t3.xml, /<w:vMerge w:val="continue"\/>/g), 36);
  assert.equal(count(t3.xml, /<w:tblHeader\/>/g), 3);
  assert.equal(count(t3.xml, /<w:cantSplit\/>/g), 26);
});

test('seed 2019: blank cells have no text run, zeros are printed', async () => {
  const { tables } = await unpack(seed);
  const t3 = tables[1]!;
  const body = t3.rows.slice(3);
  const values = body.map((row) => row.slice(-7));
  // Only 总计 of 一, 二 and 四 are filled (0); the other 158 of 161 value cells are blank.
  const filled = values.flat().filter((c) => c.runs > 0);
  assert.deepEqual(filled.map((c) => c.text), ['0', '0', '0']);
  assert.equal(values.flat().filter((c) => c.runs === 0 && c.text === '').length, 158);
  // Table 四: three 总计 cells are 0, twelve blanks.
  const t4 = tables[2]!.rows.at(-1)!;
  assert.deepEqual(t4.map((c) => c.text), ['', '', '', '', '0', '', '', '', '', '0', '', '', '', '', '0']);
  assert.equal(t4.filter((c) => c.runs === 0).length, 12);
});

test('2021 report: table 三 with the three （六） rows and their merged cells', async () => {
  const report = report2021();
  const { tables, document, core } = await unpack(report);
  const t3 = tables[1]!;
  const texts = new Set(t3.rows.flat().map((c) => c.text));
  for (const label of table3Labels(report)) assert.ok(texts.has(label), `label ${label}`);
  assert.equal(t3.rows.length, 28);
  // As 2019 but （六） is a group over three rows instead of one row spanning two columns.
  assert.equal(count(t3.xml, /<w:gridSpan /g), 11);
  assert.equal(count(t3.xml, /<w:vMerge w:val="restart"\/>/g), 8);
  assert.equal(count(t3.xml, /<w:vMerge w:val="continue"\/>/g), 40);
  // Values are printed as stored: the 总计 of row 一 is the sum of its applicants.
  const received = t3.rows[3]!;
  assert.equal(received[0]!.text, '一、本年新收政府信息公开申请数量');
  const numbers = received.slice(1).map((c) => Number(c.text));
  assert.equal(numbers.at(-1), numbers.slice(0, -1).reduce((s, n) => s + n, 0));
  assert.match(core, new RegExp(`<dc:creator>${report.agency.name}</dc:creator>`));
  if (report.issuedOn) assert.ok(document.includes(`${report.issuedOn.slice(0, 4)}年`));
});

test('a new report with no text still renders every table and heading', async () => {
  const { tables, document } = await unpack(newReport('测试市测试局', 2022));
  assert.equal(tables.length, 3);
  assert.ok(document.includes('六、其他需要报告的事项'));
  // Every value cell is blank: no runs in any value position of table 四.
  assert.ok(tables[2]!.rows.at(-1)!.every((c) => c.runs === 0));
});
