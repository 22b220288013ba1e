import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { chineseDate } from '../report/dates.js';
import type { ReportDocument } from '../report/report-model.js';
import { fromInterchange } from '../interchange/from-interchange.js';
import { layoutTable } from '../../render/table-layout.js';
import type { TableId } from '../format/format-types.js';
import { readReport } from './read-report.js';
import type { SourceBlock, SourceCell, SourceDocument } from './source-types.js';

const load = (path: string): ReportDocument => fromInterchange(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
const fixture2020 = () => load('../../../test/fixtures/full-2020.json');
const fixture2021 = () => load('../../../test/fixtures/full-2021.json');

let lineNo = 0;
const para = (text: string): SourceBlock => ({ kind: 'paragraph', text, where: { line: ++lineNo } });

/** A table as an HTML or DOCX reader delivers it: the official layout with row and column spans. */
function spannedTable(report: ReportDocument, table: TableId, n: number): SourceBlock {
  const rows: SourceCell[][] = layoutTable(report, table).rows.map((row, r) =>
    row.map((cell, c) => ({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, where: { table: n, row: r + 1, column: c + 1 } })));
  return { kind: 'table', table: { rows, where: { table: n } } };
}

/** The whole report as blocks, tables with merged cells (what the HTML reader produces). */
function spannedDocument(report: ReportDocument, tables: (r: ReportDocument, t: TableId, n: number) => SourceBlock[] = (r, t, n) => [spannedTable(r, t, n)]): SourceDocument {
  const blocks: SourceBlock[] = [para(report.title), ...report.preamble.map(para)];
  let n = 0;
  for (const section of report.sections) {
    blocks.push(para(section.heading), ...section.paragraphs.map(para));
    for (const part of section.parts) blocks.push(para(part.heading), ...part.paragraphs.map(para));
    if (section.key === '二' || section.key === '三' || section.key === '四') blocks.push(...tables(report, section.key, ++n));
  }
  if (report.signature) blocks.push(para(report.signature));
  if (report.issuedOn) blocks.push(para(chineseDate(report.issuedOn)));
  return { type: 'html', blocks, notes: [] };
}

describe('readReport on documents with merged cells', () => {
  it('round-trips both formats exactly, local rows included', () => {
    const r2020 = fixture2020();
    r2020.extraRows.push({ table: '二', block: 'art20-6', label: '行政检查', values: { 'prev-count': 4, change: 1, decisions: 30 } });
    const r2021 = fixture2021();
    r2021.extraRows.push({ table: '二', block: 'art20-1', label: '其他主动公开文件', values: { issued: 3, repealed: 0, 'in-force': 12 } });
    for (const report of [r2020, r2021]) {
      const result = readReport(spannedDocument(report), { fileName: 'x.html' });
      assert.equal(result.error, null);
      assert.equal(result.fileName, 'x.html');
      assert.equal(result.sourceType, 'html');
      assert.deepEqual(result.report, report);
      assert.deepEqual(result.tables.map((t) => [t.table, t.found, t.confidence]), [['二', true, 1], ['三', true, 1], ['四', true, 1]]);
      assert.ok(result.cells.every((c) => c.where?.table !== undefined && c.where.row !== undefined));
      assert.equal(result.checks!.hardFailures, 0);
    }
  });

  it('reads table 二 split into one source table per block, and all tables merged into one', () => {
    const report = fixture2021();
    const perBlock = spannedDocument(report, (r, t, n) => {
      const whole = spannedTable(r, t, n);
      if (t !== '二' || whole.kind !== 'table') return [whole];
      // Each block starts at its caption row.
      const rows = whole.table.rows;
      const starts = rows.map((row, i) => (row.length === 1 && row[0]!.text.startsWith('第二十条') ? i : -1)).filter((i) => i >= 0);
      return starts.map((s, k) => ({ kind: 'table', table: { rows: rows.slice(s, starts[k + 1] ?? rows.length), where: { table: n + k } } }));
    });
    assert.deepEqual(readReport(perBlock).report!.cells, report.cells);

    const merged = spannedDocument(report, (r, t, n) => (t === '四'
      ? [{ kind: 'table', table: { rows: (['二', '三', '四'] as TableId[]).flatMap((id) => (spannedTable(r, id, n) as { table: { rows: SourceCell[][] } }).table.rows), where: { table: n } } }]
      : []));
    const result = readReport(merged);
    assert.deepEqual(result.report!.cells, report.cells);
  });

  it('maps table 二 columns by the header row when a report orders them differently', () => {
    const report = fixture2021();
    const doc = spannedDocument(report, (r, t, n) => {
      const block = spannedTable(r, t, n);
      if (t !== '二' || block.kind !== 'table') return [block];
      // Swap 本年废止件数 and 现行有效件数 in block （一）: header row and its two data rows.
      for (const i of [1, 2, 3]) {
        const row = block.table.rows[i]!;
        [row[2], row[3]] = [row[3]!, row[2]!];
      }
      return [block];
    });
    assert.deepEqual(readReport(doc).report!.cells, report.cells);
  });

  it('marks cells the source lacks as missing, a missing table not found, and keeps the format', () => {
    const report = fixture2021();
    const doc = spannedDocument(report, (r, t, n) => (t === '四' ? [] : [spannedTable(r, t, n)]));
    const result = readReport(doc);
    assert.equal(result.format, '2021');
    const t4 = result.tables.find((t) => t.table === '四')!;
    assert.deepEqual([t4.found, t4.confidence, t4.cellsRead, t4.cellsExpected], [false, 0, 0, 15]);
    assert.ok(t4.notes.includes('未找到表四'));
    const missing = result.cells.filter((c) => c.status === 'missing');
    assert.equal(missing.length, 15);
    assert.ok(missing.every((c) => c.table === '四' && c.value === null && result.report!.cells[c.key] === null));
  });

  it('keeps placeholders as written, reports them, and lowers nothing else', () => {
    const report = fixture2021();
    report.cells['二:penalty:decisions'] = { written: '/' };
    report.cells['三:r2:natural'] = { written: '—' };
    const result = readReport(spannedDocument(report));
    assert.deepEqual(result.report!.cells['二:penalty:decisions'], { written: '/' });
    const cell = result.cells.find((c) => c.key === '三:r2:natural')!;
    assert.deepEqual([cell.status, cell.raw, cell.value], ['placeholder', '—', { written: '—' }]);
    assert.ok(result.checks!.results.some((r) => r.status === 'fail' && r.cells.some((c) => c.key === '三:r2:natural')));
  });

  it('recovers a table 三 row whose cells ran together, from the table sums', () => {
    const report = fixture2021();
    const doc = spannedDocument(report, (r, t, n) => {
      const block = spannedTable(r, t, n);
      if (t === '三' && block.kind === 'table') {
        const row = block.table.rows.find((cells) => cells.some((c) => c.text.startsWith('一、本年新收')))!;
        const values = row.splice(1);
        row.push({ ...values[0]!, text: values.map((c) => c.text).join('') });
      }
      return [block];
    });
    const result = readReport(doc);
    const received = result.cells.filter((c) => c.key.startsWith('三:received:'));
    assert.ok(received.every((c) => c.status === 'recovered'), JSON.stringify(received.map((c) => c.status)));
    assert.deepEqual(received.map((c) => c.value), received.map((c) => report.cells[c.key]));
    assert.equal(result.tables.find((t) => t.table === '三')!.confidence, Math.round(((175 - 7) + 0.8 * 7) / 175 * 100) / 100);
  });
});

describe('readReport on what is not a report', () => {
  it('says a Chinese text without tables or section headings is not a report', () => {
    const result = readReport({ type: 'txt', blocks: [para('关于开展春季植树活动的通知'), para('各单位：为改善生态环境，现将有关事项通知如下。')], notes: [] });
    assert.equal(result.report, null);
    assert.match(result.error!, /^未识别出政府信息公开工作年度报告：/);
    assert.equal(result.sourceType, 'txt');
  });

  it('says a report in another language is not a report', () => {
    const result = readReport({
      type: 'txt', notes: [],
      blocks: [para('Annual Report on Government Information Disclosure 2021'), para('1. Overview'),
        { kind: 'table', table: { rows: [[{ text: 'Applications', rowSpan: 1, colSpan: 1, where: {} }, { text: '12', rowSpan: 1, colSpan: 1, where: {} }]], where: {} } }],
    });
    assert.equal(result.report, null);
    assert.match(result.error!, /^未识别出政府信息公开工作年度报告：文件中没有中文内容/);
  });

  it('says a document with an incidental table of official words (a 权责清单) is not a report', () => {
    const row = (...texts: string[]) => texts.map((text) => ({ text, rowSpan: 1, colSpan: 1, where: {} }));
    const result = readReport({
      type: 'html', notes: [],
      blocks: [para('某某县市场监督管理局权责清单'), para('发布日期：2021年3月1日'),
        { kind: 'table', table: { rows: [row('事项类型', '事项名称'), row('行政许可', '食品经营许可'), row('行政处罚', '对无证经营的处罚')], where: {} } }],
    });
    assert.equal(result.report, null);
    assert.match(result.error!, /^未识别出政府信息公开工作年度报告：/);
  });

  it('says an empty document is not a report', () => {
    assert.match(readReport({ type: 'txt', blocks: [], notes: [] }).error!, /^未识别出政府信息公开工作年度报告/);
  });
});
