/**
 * gongkai report check: exit 0 on the seed, exit 1 naming the broken rule and its cells when a
 * figure is changed, --json, and the previous-year report taken from the database.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEMO_AGENCY, gongkai, hasStackTrace, SEED, suiteDirs } from './run-gongkai.js';

type Cell = { table: string; row: string[]; column: string[]; value: unknown };

const RECEIVED = '一、本年新收政府信息公开申请数量';
const CARRIED_IN = '二、上年结转政府信息公开申请数量';
const CARRIED_OUT = '四、结转下年度继续办理';

/** Sets a cell of table 三 in an interchange document. */
function set(doc: { cells: Cell[] }, row: string, column: string, value: unknown) {
  const cell = doc.cells.find((c: Cell) => c.table === '三' && c.row[0] === row && c.column.at(-1) === column);
  assert.ok(cell, `document has 表三 ${row} ${column}`);
  cell.value = value;
  return doc;
}

/** The seed with one cell of table 三 changed. */
function seedWith(row: string, column: string, value: unknown) {
  return set(JSON.parse(readFileSync(SEED, 'utf8')), row, column, value);
}

/** A 2020 copy of the seed with `carried` applications carried in from 2019 and on to 2021 (rules 1–2 hold). */
function year2020(carried: number) {
  const doc = JSON.parse(readFileSync(SEED, 'utf8'));
  doc.year = 2020;
  doc.title = `${DEMO_AGENCY}2020年政府信息公开工作年度报告`;
  for (const row of [CARRIED_IN, CARRIED_OUT]) {
    set(doc, row, '总计', carried);
    set(doc, row, '自然人', carried);
  }
  return doc;
}

describe('gongkai report check', () => {
  const { data, work } = suiteDirs();

  it('passes the published seed report: exit 0, no errors, blank cells summarised', async () => {
    const { code, stdout, stderr } = await gongkai(['report', 'check', SEED], data.path);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^检查：威海市环翠区行政审批服务局2019年政府信息公开工作年度报告$/m);
    assert.match(stdout, /未发现错误/);
    // 表二 9, 表三 158, 表四 12 blank cells in the published report.
    assert.match(stdout, /空白单元格共 179 个（表二 9 个，表三 158 个，表四 12 个）/);
    assert.match(stdout, /数据库中没有该机关 2018 年度报告/);
    assert.match(stdout.trimEnd().split('\n').at(-1)!, /^检查结果：0 项错误，\d+ 项警告$/);
  });

  it('fails a copy with 三 一 总计 changed from 0 to 5: exit 1, names t3-balance and the cells', async () => {
    const file = join(work.path, 'received-5.json');
    writeFileSync(file, JSON.stringify(seedWith(RECEIVED, '总计', 5)));
    const { code, stdout, stderr } = await gongkai(['report', 'check', file], data.path);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '');
    const errorsPart = stdout.slice(stdout.indexOf('错误（'), stdout.indexOf('警告（'));
    assert.match(errorsPart, /^错误（2 项/);
    // Rule 1 (一 + 二 = （七）总计 + 四) with both sides and each cell, and rule 2 (row total).
    assert.match(errorsPart, /t3-balance:total/);
    assert.match(errorsPart, /第一项加第二项之和等于第三项加第四项之和/);
    assert.match(errorsPart, /5 \+ 0 ≠ 空白 \+ 0/);
    assert.match(errorsPart, /表三“一、本年新收政府信息公开申请数量”行“总计”列：5（左边）/);
    assert.match(errorsPart, /表三“二、上年结转政府信息公开申请数量”行“总计”列：0（左边）/);
    assert.match(errorsPart, /表三“四、结转下年度继续办理”行“总计”列：0（右边）/);
    assert.match(errorsPart, /t3-row-total:received/);
    // Errors come before warnings; the narrative (未收到…申请) now disagrees with the table.
    assert.ok(stdout.indexOf('错误（') < stdout.indexOf('警告（'));
    assert.match(stdout, /narrative:received/);
    assert.match(stdout.trimEnd().split('\n').at(-1)!, /^检查结果：2 项错误，\d+ 项警告$/);
  });

  it('--json prints the CheckReport with the failing results and their evidence', async () => {
    const file = join(work.path, 'received-5.json');
    writeFileSync(file, JSON.stringify(seedWith(RECEIVED, '总计', 5)));
    const { code, stdout } = await gongkai(['report', 'check', file, '--json'], data.path);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.ok, false);
    assert.equal(report.hardFailures, 2);
    const balance = report.results.find((r: { id: string }) => r.id === 't3-balance:total');
    assert.equal(balance.status, 'fail');
    assert.equal(balance.left, 5);
    assert.equal(balance.right, 0);
    assert.deepEqual(balance.cells.map((c: { key: string; value: unknown }) => c.value), [5, 0, null, 0]);
  });

  it('uses --previous for the cross-year rules', async () => {
    const current = year2020(3);
    const file = join(work.path, 'carried-3.json');
    writeFileSync(file, JSON.stringify(current));
    const { code, stdout, stderr } = await gongkai(['report', 'check', file, '--previous', SEED, '--json'], data.path);
    assert.equal(code, 0, stderr);
    const carry = JSON.parse(stdout).results.find((r: { id: string }) => r.id === 'cross-year-carry-over:total');
    assert.equal(carry.status, 'fail');
    assert.equal(carry.left, 3);
    assert.equal(carry.right, 0);
    assert.match(stderr, /使用文件/);
  });

  it('takes the previous-year report from the database when none is given, and says so', async () => {
    const current = year2020(2);
    const file = join(work.path, 'carried-2.json');
    writeFileSync(file, JSON.stringify(current));
    const { code, stdout, stderr } = await gongkai(['report', 'check', file], data.path);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /跨年度核对：已使用数据库中该机关的 2019 年度报告/);
    // 2019 carried 0 to the next year; this report says 2 were carried in.
    assert.match(stdout, /^  ! .*（cross-year-carry-over:total）：2 ≠ 0/m);
  });

  it('reports a malformed file with its place and exit 2, without a stack trace', async () => {
    const invalid = join(work.path, 'invalid.json');
    writeFileSync(invalid, '{\n  "kind": "gongkai.annual-report",,\n}');
    const a = await gongkai(['report', 'check', invalid], data.path);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /^错误：文件“.*invalid\.json”不是有效的 JSON：第 2 行第 \d+ 列/);
    assert.ok(!hasStackTrace(a.stderr), a.stderr);

    const notReport = join(work.path, 'not-report.json');
    writeFileSync(notReport, JSON.stringify({ hello: 'world' }));
    const b = await gongkai(['report', 'check', notReport], data.path);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /不是年度报告交换格式/);
    assert.ok(!hasStackTrace(b.stderr), b.stderr);

    const badCell = join(work.path, 'bad-cell.json');
    writeFileSync(badCell, JSON.stringify(seedWith(RECEIVED, '自然人', 'abc')));
    const c = await gongkai(['report', 'check', badCell], data.path);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /cells\[\d+\]\.value：表三“一、本年新收政府信息公开申请数量”行“自然人”列应为非负整数，实际为文字“abc”/);
    assert.ok(!hasStackTrace(c.stderr), c.stderr);

    const latin1 = join(work.path, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const d = await gongkai(['report', 'check', latin1], data.path);
    assert.equal(d.code, 2);
    assert.match(d.stderr, /不是有效的 UTF-8 文本（第 \d 个字节处编码错误）/);

    const missing = await gongkai(['report', 'check', join(work.path, 'nope.json')], data.path);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^错误：找不到文件 .*nope\.json$/m);
  });
});
