/**
 * gongkai report list / export / import against a fresh SQLite data directory: the demo report is
 * there on first use, exports cell for cell as the seed file, and an imported 2021 report is listed.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DEMO_AGENCY, gongkai, ROOT, SEED, suiteDirs } from './run-gongkai.js';

type Cell = { table: string; row: string[]; column: string[]; value: unknown; unit?: unknown; extra?: boolean };

/** Cells by their labels, with value, unit and extra flag as the interchange file holds them. */
function cellMap(cells: Cell[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const c of cells) {
    map.set(JSON.stringify([c.table, c.row, c.column]), { value: c.value, unit: c.unit ?? null, extra: c.extra ?? false });
  }
  return map;
}

/** The data rows of `report list` (after the header and the rule line, before the count). */
function listRows(stdout: string): string[] {
  return stdout.trimEnd().split('\n').slice(2, -1);
}

describe('gongkai report list / export / import', () => {
  const { data, work } = suiteDirs();
  before(async () => {
    // First use creates, migrates and seeds the database.
    const { code, stderr } = await gongkai(['agency', 'list'], data.path);
    assert.equal(code, 0, stderr);
  });

  it('lists the demo 2019 report on a fresh data directory', async () => {
    const { code, stdout, stderr } = await gongkai(['report', 'list'], data.path);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^\s*编号\s+机关\s+年度\s+格式\s+状态\s+版本\s+成文日期$/);
    const rows = listRows(stdout);
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, new RegExp(`${DEMO_AGENCY}\\s+2019\\s+2019\\s+\\S+\\s+\\d+\\s+2020-01-18$`));
    assert.match(lines.at(-1)!, /共 1 份报告/);
  });

  it('aligns columns for Chinese text (full-width characters count as two columns)', async () => {
    const { stdout } = await gongkai(['report', 'list'], data.path);
    const [header, rule, row] = stdout.split('\n');
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    // The year column starts at the same display column in the header and in the row.
    const yearAt = (s: string, year: string) => width(s.slice(0, s.indexOf(year)));
    assert.equal(yearAt(header!, '年度'), yearAt(row!, '2019'));
    assert.equal(width(rule!.split('  ')[1]!), width(DEMO_AGENCY));
  });

  it('exports the demo report with every figure and every blank of the seed file', async () => {
    const { code, stdout, stderr } = await gongkai(['report', 'export', '--agency', DEMO_AGENCY, '--year', '2019'], data.path);
    assert.equal(code, 0, stderr);
    const exported = JSON.parse(stdout);
    const seed = JSON.parse(readFileSync(SEED, 'utf8'));
    assert.equal(exported.kind, 'gongkai.annual-report');
    assert.equal(exported.agency.name, DEMO_AGENCY);
    assert.equal(exported.year, 2019);
    assert.equal(exported.issuedOn, '2020-01-18');
    assert.equal(exported.cells.length, seed.cells.length);
    assert.deepEqual(cellMap(exported.cells), cellMap(seed.cells));
    // Spot checks against the published report: figures, the amount with its unit, blanks as null.
    const find = (table: string, row: string, column: string) =>
      exported.cells.find((c: Cell) => c.table === table && c.row.at(-1) === row && c.column.at(-1) === column);
    assert.equal(find('二', '行政许可', '处理决定数量').value, 17302);
    assert.equal(find('二', '行政许可', '本年增/减').value, 226);
    assert.deepEqual({ value: find('二', '政府集中采购', '采购总金额').value, unit: find('二', '政府集中采购', '采购总金额').unit }, { value: 165.51, unit: '万元' });
    assert.equal(find('三', '一、本年新收政府信息公开申请数量', '总计').value, 0);
    assert.equal(find('三', '一、本年新收政府信息公开申请数量', '自然人').value, null);
    assert.equal(exported.cells.filter((c: Cell) => c.value === null).length, seed.cells.filter((c: Cell) => c.value === null).length);
    assert.deepEqual(exported.sections, seed.sections);
  });

  it('exports to a file with -o and says where', async () => {
    const out = join(work.path, 'sub', 'export.json');
    const { code, stdout, stderr } = await gongkai(['report', 'export', '--agency', DEMO_AGENCY, '--year', '2019', '-o', out], data.path);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /export\.json/);
    assert.deepEqual(cellMap(JSON.parse(readFileSync(out, 'utf8')).cells), cellMap(JSON.parse(readFileSync(SEED, 'utf8')).cells));
  });

  it('imports a 2021 report, lists it, and stores a re-import as version 2', async () => {
    const fixture = join(ROOT, 'test/fixtures/full-2021.json');
    const first = await gongkai(['report', 'import', fixture], data.path);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /已导入年度报告，编号 (\d+)/);
    assert.match(first.stdout, new RegExp(`机关：${DEMO_AGENCY}`));
    assert.match(first.stdout, /年度：2021/);
    assert.match(first.stdout, /版本：1\n/);
    assert.match(first.stdout, /状态：草稿/);

    const listed = await gongkai(['report', 'list', '--year', '2021'], data.path);
    assert.equal(listed.code, 0, listed.stderr);
    const rows = listRows(listed.stdout);
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, new RegExp(`${DEMO_AGENCY}\\s+2021\\s+2021\\s+草稿\\s+1\\s+`));

    const second = await gongkai(['report', 'import', fixture, '--agency', DEMO_AGENCY], data.path);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /版本：2\n/);
    const all = await gongkai(['report', 'list', '--agency', DEMO_AGENCY], data.path);
    assert.equal(listRows(all.stdout).length, 2);

    // Version 1 exports as imported: cell for cell the fixture.
    const v1 = await gongkai(['report', 'export', '--agency', DEMO_AGENCY, '--year', '2021', '--version', '1'], data.path);
    assert.equal(v1.code, 0, v1.stderr);
    assert.deepEqual(cellMap(JSON.parse(v1.stdout).cells), cellMap(JSON.parse(readFileSync(fixture, 'utf8')).cells));
  });

  it('refuses a report of an agency the database does not know, naming it and how to list agencies', async () => {
    const doc = JSON.parse(readFileSync(SEED, 'utf8'));
    doc.agency.name = '某某县不存在局';
    const file = join(work.path, 'unknown-agency.json');
    writeFileSync(file, JSON.stringify(doc));
    const res = await gongkai(['report', 'import', file], data.path);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /错误：找不到机关“某某县不存在局”/);
    assert.match(res.stderr, /gongkai agency list/);

    const named = await gongkai(['report', 'import', SEED, '--agency', '另一个不存在的机关'], data.path);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /找不到机关“另一个不存在的机关”/);

    const exported = await gongkai(['report', 'export', '--agency', '另一个不存在的机关', '--year', '2019'], data.path);
    assert.equal(exported.code, 2);
    assert.match(exported.stderr, /找不到机关“另一个不存在的机关”/);
    assert.equal(exported.stdout, '');
  });

  it('refuses to overwrite the published demo report (exit 2)', async () => {
    const res = await gongkai(['report', 'import', SEED], data.path);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /^错误：威海市环翠区行政审批服务局2019年度报告已发布/);
  });

  it('says clearly when the agency has no report for the year', async () => {
    const res = await gongkai(['report', 'export', '--agency', DEMO_AGENCY, '--year', '2030'], data.path);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /没有 2030 年度的年度报告/);
  });
});
