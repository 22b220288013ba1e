/**
 * gongkai item …: the real command line — setting the 统一社会信用代码, importing an old site's spreadsheet (all or
 * nothing, --skip-refused, --report, progress on stderr for a large file), exporting items and the catalogue.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { openSqlite } from '../../src/db/database.js';
import { readItemFile } from '../../src/disclosure/item-import-read.js';
import { agencyWithCatalogue, row, xlsxOf } from '../disclosure/item-import-helpers.js';
import { DEMO_AGENCY, gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

const AGENCY = '某区档案馆';

describe('gongkai item', () => {
  const { data, work } = suiteDirs();
  const run = (args: string[]) => gongkai(['item', ...args], data.path, { cwd: work.path });

  it('refuses an import without a 统一社会信用代码 and says how to set it; set-code checks the code', async () => {
    const bad = await run(['set-code', '--agency', DEMO_AGENCY, '--code', '11441700007280420X']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /统一社会信用代码校验位不正确：第 18 位应为“Y”/);
    // An agency of the test's own (the demo bureau's catalogue and credit code are the demo data's) without a credit code.
    const db = openSqlite(join(data.path, 'gongkai.sqlite'));
    await agencyWithCatalogue(db.db, AGENCY, null);
    await db.close();
    writeFileSync(join(work.path, 'one.xlsx'), await xlsxOf([row(1)]));
    const refused = await run(['import', 'one.xlsx', '--agency', AGENCY]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /尚未设置统一社会信用代码.*gongkai item set-code --agency \d+ --code/);
    assert.ok(!hasStackTrace(refused.stderr));
    const set = await run(['set-code', '--agency', AGENCY, '--code', '11441700007280420Y']);
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /统一社会信用代码 11441700007280420Y，索引号模板 \{code\}\/\{year\}-\{seq:5\}/);
  });

  it('imports all or nothing, lists refusals with row and column, writes the report, --skip-refused imports the rest', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row(i + 1));
    rows[4] = row(5, { 成文日期: '2019-02-30' });
    rows[9] = row(10, { 目录分类: '政策法规/不存在' });
    writeFileSync(join(work.path, 'old.xlsx'), await xlsxOf(rows));
    const refused = await run(['import', 'old.xlsx', '--agency', AGENCY, '--report', 'report.xlsx']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stdout, /“old.xlsx”有 2 行被拒绝，未导入任何信息/);
    assert.match(refused.stdout, /第 6 行“成文日期”：2019-02-30 不是有效日期/);
    assert.match(refused.stdout, /第 11 行“目录分类”：本机关的主动公开目录中没有分类“政策法规\/不存在”/);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(readFileSync(join(work.path, 'report.xlsx')) as unknown as ArrayBuffer);
    assert.deepEqual((report.getWorksheet('被拒绝')!.getRow(2).values as unknown[]).slice(1), [6, '成文日期', '第 6 行“成文日期”：2019-02-30 不是有效日期（应写作 2019-03-05、2019/3/5 或 2019年3月5日）。']);

    const imported = await run(['import', 'old.xlsx', '--agency', AGENCY, '--skip-refused']);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /已从“old.xlsx”导入 1198 条已发布的信息（2 行被拒绝）/);
    assert.match(imported.stdout, /索引号：11441700007280420Y\/2019-00001 … 11441700007280420Y\/2019-01198/);
    assert.match(imported.stderr, /正在读取 old.xlsx/);
    assert.match(imported.stderr, /保存第 300 条/);
  });

  it('exports items (re-readable, with the import headers) and the catalogue', async () => {
    const items = await run(['export', '--agency', AGENCY, '--out', 'out/items.xlsx']);
    assert.equal(items.code, 0, items.stderr);
    assert.match(items.stdout, /已导出 .*的已发布信息：.*items\.xlsx/);
    const parsed = await readItemFile(readFileSync(join(work.path, 'out/items.xlsx')), 'items.xlsx');
    assert.equal(parsed.rows.length, 1198);
    assert.equal(parsed.rows[0]!.cells.indexNo, '11441700007280420Y/2019-00001');
    const catalogue = await run(['export-catalogue', '--agency', AGENCY, '--out', 'catalogue.xlsx']);
    assert.equal(catalogue.code, 0, catalogue.stderr);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(work.path, 'catalogue.xlsx')) as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.getRow(3).getCell(1).value, '政策法规/规范性文件');
    const usage = await run(['export', '--agency', AGENCY]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /缺少选项 --out/);
  });
});
