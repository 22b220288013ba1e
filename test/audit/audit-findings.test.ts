/**
 * Findings of a read (src/audit/audit-findings.ts): failed checks with their cells, a prose figure contradicting the
 * tables as an error, missing cells summarised per row or per table, cells not read, recovered cells with how; the
 * fingerprints stay the same when only the values change; the detail's tables link cells to their findings and
 * blank cells are summarised by runs of rows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { auditReadOf, blankSummaries, detailTables, fingerprintOf } from '../../src/audit/audit-findings.js';
import type { CellReading, ParseResult } from '../../src/core/parse/parse-types.js';
import { parseReportFile } from '../../src/parse/parse-file.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { loadDoc, SEED_TEXT } from './audit-fixtures.js';

let seed: ParseResult;
before(async () => {
  seed = await parseReportFile(readFileSync(SEED_TEXT), 'seed.txt');
});

/** The 2021 fixture with 上年结转 raised by `by`, read from its HTML. */
async function raised(by: number): Promise<ParseResult> {
  const doc = loadDoc('test/fixtures/full-2021.json');
  for (const key of ['三:carried-in:natural', '三:carried-in:total']) doc.cells[key] = (doc.cells[key] as number) + by;
  return parseReportFile(Buffer.from(renderHtml(doc)), '2021.html');
}

test('failed checks are errors with their cells; a prose figure against the tables is an error; fingerprints ignore values', async () => {
  const two = auditReadOf(await raised(2));
  const three = auditReadOf(await raised(3));
  assert.equal(two.summary.errors, 3);
  const narrative = two.findings.find((f) => f.ruleTitle.startsWith('正文所述上年结转'));
  assert.equal(narrative?.severity, 'error');
  const sum = two.findings.find((f) => f.ruleTitle.includes('（总计）'))!;
  assert.match(sum.message, /相差 2/);
  assert.ok(sum.cells.some((c) => c.key === '三:carried-in:total' && c.value === '7'));
  assert.match(sum.expression!, /一（总计） \+ 二（总计）/);
  assert.deepEqual(two.findings.map((f) => f.fingerprint), three.findings.map((f) => f.fingerprint));
  assert.notDeepEqual(two.findings.map((f) => f.message), three.findings.map((f) => f.message));
  assert.equal(fingerprintOf('r', ['b', 'a']), fingerprintOf('r', ['a', 'b']));
  assert.equal(two.figures['三:carried-in:total'], 7);
});

test('missing rows and tables, unread cells and recovered cells are summarised, the detail links them', () => {
  const cells: CellReading[] = seed.cells.map((c) => {
    if (c.key.startsWith('三:received:')) return { ...c, value: 1, status: 'recovered', raw: '1111111', note: '由连写数字“1111111”按勾稽关系拆分（唯一解）' };
    if (c.key.startsWith('三:carried-in:')) return { ...c, value: null, raw: null, status: 'missing', note: '该行缺少此单元格' };
    if (c.key === '三:r1:natural') return { ...c, value: null, raw: '一', status: 'unreadable' };
    if (c.table === '四') return { ...c, value: null, raw: null, status: 'missing' };
    return c;
  });
  const read = auditReadOf({ ...seed, cells });
  const by = (severity: string) => read.findings.filter((f) => f.severity === severity);
  assert.deepEqual(by('recovered').map((f) => f.cells.length), [7]);
  assert.match(by('recovered')[0]!.message, /连写数字“1111111”/);
  const missing = by('missing');
  assert.deepEqual(missing.map((f) => f.ruleTitle), ['未找到单元格', '未找到表四']);
  assert.match(missing[0]!.message, /表三“二、上年结转政府信息公开申请数量”行缺少 7 个单元格/);
  assert.equal(missing[1]!.cells.length, 15);
  assert.ok(read.findings.some((f) => f.severity === 'warning' && f.ruleTitle === '单元格内容无法识别为数字' && f.cells[0]!.key === '三:r1:natural'));
  assert.equal(read.summary.missing, 2);
  assert.equal(read.summary.recovered, 1);

  const tables = detailTables(read.result, read.findings);
  const t3 = tables.find((t) => t.id === '三')!;
  const received = t3.rows[0]!.cells[0]!;
  assert.equal(received.state, 'recovered');
  assert.match(received.how!, /按勾稽关系拆分/);
  assert.ok(received.findingFingerprints.includes(by('recovered')[0]!.fingerprint));
  assert.equal(t3.rows[1]!.cells[0]!.state, 'missing');
  assert.equal(t3.columns.at(-1), '总计');
  const blanks = blankSummaries(tables);
  assert.ok(blanks.some((b) => /^表三“.+”起 \d+ 行共 \d+ 个单元格空白$/.test(b.summary)), JSON.stringify(blanks));
  // Table 四's one row has no label: the table alone is named.
  const four = blankSummaries([{ id: '四', title: '表四', columns: ['结果维持'], rows: [{ label: '', cells: [{ key: '四:all:reconsideration.upheld', value: null, state: 'blank', how: null, findingFingerprints: [] }] }] }]);
  assert.deepEqual(four.map((b) => b.summary), ['表四 1 个单元格空白']);
});

test('a file that could not be read has no findings, its error, and nothing to show', async () => {
  const read = auditReadOf(await parseReportFile(Buffer.from('这不是年度报告。'), 'x.txt'));
  assert.equal(read.summary.state, 'failed');
  assert.match(read.summary.error!, /[\u4e00-\u9fff]/);
  assert.deepEqual(read.findings, []);
  assert.deepEqual(read.result.cells, []);
  assert.deepEqual(detailTables(read.result, []), []);
});
