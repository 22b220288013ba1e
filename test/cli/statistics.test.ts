/**
 * gongkai application tables / cases and gongkai report fill-from-cases against a fresh SQLite data
 * directory: cases registered with the CLI give the right figures in tables 三 and 四 (text and JSON),
 * the drill-down names the counted cases, fill-from-cases stores them as a new report version, and bad
 * input exits with code 2 and a Chinese message.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toInterchange } from '../../src/core/interchange/to-interchange.js';
import { newReport } from '../../src/core/report/new-report.js';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

const AGENCY = '环翠区人民政府';

describe('gongkai application tables, application cases and report fill-from-cases', () => {
  const { data, work } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path, { cwd: work.path });
  const ok = (r: { code: number; stdout: string; stderr: string }) => assert.equal(r.code, 0, r.stderr || r.stdout);
  const receive = (date: string, subject: string) => run('application', 'receive', '--agency', AGENCY, '--channel', 'in-person',
    '--date', date, '--type', '自然人', '--name', '张三丰', '--id-number', '11010519491231002X', '--subject', subject, '--form', '电子邮件');

  it('prints tables 三 and 四 with the figures of the registered cases, as text and as JSON', async () => {
    ok(await receive('2025-03-03', '行政许可事项清单'));
    ok(await run('application', 'event', '1', '--type', 'decided', '--date', '2025-03-20', '--decision', 'disclosed', '--particulars', '以电子邮件发送'));
    ok(await receive('2025-04-01', '某项目批复'));
    ok(await run('application', 'event', '2', '--type', 'decided', '--date', '2025-04-10', '--decision', 'does-not-exist', '--particulars', '经检索没有该信息'));
    ok(await run('application', 'remedy', '2', '--kind', 'reconsideration', '--filed-on', '2025-05-06', '--result', 'upheld', '--decided-on', '2025-06-30'));
    ok(await receive('2025-12-22', '年度预算'));

    const text = await run('application', 'tables', '--agency', AGENCY, '--year', '2025');
    ok(text);
    assert.match(text.stdout, new RegExp(`^${AGENCY} 2025 年度依申请公开统计（2021 年格式，数据截至 2025-12-31）`));
    assert.match(text.stdout, /^项目 +自然人 +商业企业 +科研机构 +社会公益组织 +法律服务机构 +其他 +总计$/m);
    assert.match(text.stdout, /^一、本年新收政府信息公开申请数量 +3 +0 +0 +0 +0 +0 +3$/m);
    assert.match(text.stdout, /^二、上年结转政府信息公开申请数量 +0 +0 +0 +0 +0 +0 +0$/m);
    assert.match(text.stdout, /^三、本年度办理结果$/m);
    assert.match(text.stdout, /^ {2}（一）予以公开 +1 +0 +0 +0 +0 +0 +1$/m);
    assert.match(text.stdout, /^ {2}（四）无法提供$/m);
    assert.match(text.stdout, /^ {4}1\.本机关不掌握相关政府信息 +1 +0 +0 +0 +0 +0 +1$/m);
    assert.match(text.stdout, /^ {2}（七）总计 +2 +0 +0 +0 +0 +0 +2$/m);
    assert.match(text.stdout, /^四、结转下年度继续办理 +1 +0 +0 +0 +0 +0 +1$/m);
    assert.match(text.stdout, /^类别 +结果维持 +结果纠正 +其他结果 +尚未审结 +总计$/m);
    assert.match(text.stdout, /^行政复议 +1 +0 +0 +0 +1$/m);
    assert.match(text.stdout, /^行政诉讼 未经复议直接起诉 +0 +0 +0 +0 +0$/m);
    assert.match(text.stdout, /^行政诉讼 复议后起诉 +0 +0 +0 +0 +0$/m);
    assert.ok(!text.stdout.includes('张三丰'));

    const asOf = await run('application', 'tables', '--agency', AGENCY, '--year', '2025', '--as-of', '2025-03-31', '--json');
    ok(asOf);
    const view = JSON.parse(asOf.stdout) as { asOf: string; format: string; cells: Array<{ key: string; row: string[]; column: string[]; value: number }> };
    assert.equal(view.asOf, '2025-03-31');
    assert.equal(view.format, '2021');
    const cell = (key: string) => view.cells.find((c) => c.key === key)!;
    assert.equal(cell('三:received:total').value, 1);
    assert.equal(cell('三:r1:natural').value, 1);
    assert.deepEqual(cell('三:r1:natural').row, ['三、本年度办理结果', '（一）予以公开']);
    assert.equal(cell('四:all:reconsideration.total').value, 0);
  });

  it('lists the cases behind a cell; refuses an unknown cell key with exit code 2', async () => {
    const received = await run('application', 'cases', '--agency', AGENCY, '--year', '2025', '--cell', '三:received:natural');
    ok(received);
    assert.match(received.stdout, /表三“一、本年新收政府信息公开申请数量”行“自然人”列（三:received:natural）：3 件/);
    for (const no of ['2025-0001', '2025-0002', '2025-0003']) assert.match(received.stdout, new RegExp(`^${no} +\\d+$`, 'm'));
    const remedies = await run('application', 'cases', '--agency', AGENCY, '--year', '2025', '--cell', '四:all:reconsideration.upheld');
    ok(remedies);
    assert.match(remedies.stdout, /：1 件/);
    assert.match(remedies.stdout, /^2025-0002 +2 +1$/m);

    const bad = await run('application', 'cases', '--agency', AGENCY, '--year', '2025', '--cell', '三:r9:natural');
    assert.equal(bad.code, 2, bad.stdout);
    assert.match(bad.stderr, /^错误：单元格“三:r9:natural”不是 2021 年格式表三或表四的单元格/);
    assert.ok(!hasStackTrace(bad.stderr), bad.stderr);
    const missing = await run('application', 'cases', '--agency', AGENCY, '--year', '2025');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /缺少选项 --cell/);
    const badDay = await run('application', 'tables', '--agency', AGENCY, '--year', '2025', '--as-of', '2026-01-01');
    assert.equal(badDay.code, 2);
    assert.match(badDay.stderr, /统计截止日期“2026-01-01”无效/);
  });

  it('fills the report\'s tables 三 and 四 as a new version (starting a draft when the year has none)', async () => {
    const first = await run('report', 'fill-from-cases', '--agency', AGENCY, '--year', '2024');
    ok(first);
    assert.match(first.stdout, /2024 年度报告的表三、表四（编号 \d+，第 2 版，数据截至 2024-12-31）/);

    const file = join(work.path, 'blank-2025.json');
    writeFileSync(file, JSON.stringify(toInterchange(newReport(AGENCY, 2025))));
    ok(await run('report', 'import', file, '--agency', AGENCY));

    const filled = await run('report', 'fill-from-cases', '--agency', AGENCY, '--year', '2025');
    ok(filled);
    assert.match(filled.stdout, /2025 年度报告的表三、表四（编号 \d+，第 2 版，数据截至 2025-12-31）/);
    assert.match(filled.stdout, /一、本年新收 3　二、上年结转 0　（七）总计 2　四、结转下年度继续办理 1/);
    assert.match(filled.stdout, /行政复议 1/);

    const exported = await run('report', 'export', '--agency', AGENCY, '--year', '2025');
    ok(exported);
    const doc = JSON.parse(exported.stdout) as { cells: Array<{ table: string; row: string[]; column: string[]; value: unknown }> };
    const value = (table: string, row: string, column: string) =>
      doc.cells.find((c) => c.table === table && c.row.at(-1) === row && c.column.at(-1) === column)?.value;
    assert.equal(value('三', '一、本年新收政府信息公开申请数量', '总计'), 3);
    assert.equal(value('三', '（七）总计', '自然人'), 2);
    assert.equal(value('三', '四、结转下年度继续办理', '总计'), 1);
    assert.equal(doc.cells.find((c) => c.table === '四' && c.column.join('') === '行政复议总计')?.value, 1);
  });
});
