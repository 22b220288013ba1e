/**
 * gongkai matter: the help, export of an empty list, an import whose rows name an office not registered (refused row
 * by row, exit 2, nothing stored), and the figures of a year without matters (blank, not zero, for the halls).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { demoMatter } from '../../src/demo/demo-matters.js';
import { MATTER_COLUMNS, rowOfMatter } from '../../src/matters/matter-columns.js';
import { DEMO_AGENCY, gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

describe('gongkai matter', () => {
  const { data, work } = suiteDirs();

  it('prints its help, exports, refuses rows naming an unregistered office, shows the figures', async () => {
    const help = await gongkai(['matter', '--help'], data.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /gongkai matter import FILE\.xlsx/);

    const exported = await gongkai(['matter', 'export', '--agency', DEMO_AGENCY, '--out', 'list.xlsx'], data.path, { cwd: work.path });
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /事项清单已写入/);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('事项清单');
    sheet.addRow(MATTER_COLUMNS.map((c) => c.header));
    sheet.addRow(rowOfMatter(demoMatter(1), () => '生育收养'));
    writeFileSync(join(work.path, 'in.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    const imported = await gongkai(['matter', 'import', 'in.xlsx', '--agency', DEMO_AGENCY], data.path, { cwd: work.path });
    assert.equal(imported.code, 2, imported.stdout + imported.stderr);
    assert.match(imported.stdout, /第 2 行：实施主体“市场准入审批科”不在本机关登记的实施主体名单中/);
    assert.ok(!hasStackTrace(imported.stderr), imported.stderr);

    const figures = await gongkai(['matter', 'figures', '--agency', DEMO_AGENCY, '--year', '2019'], data.path);
    assert.equal(figures.code, 0, figures.stderr);
    assert.match(figures.stdout, /已发布事项 0 项/);
    assert.match(figures.stdout, /窗口未填报，办件未填报，快递送达证照未填报/);
  });
});
