/**
 * The command line of report reading: `gongkai report parse` (readable summary, --json, exit 1 on
 * a hard failure, 2 on a file that is not a report, --import into the database) and `gongkai
 * audit` writing .xlsx, .csv and .html with progress on stderr.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { gongkai, hasStackTrace, tempDir } from '../cli/run-gongkai.js';
import { full2021, garbage, SEED_AGENCY, SEED_TEXT, textWithReceived, writeMixedFolder } from './audit-fixtures.js';

describe('gongkai report parse', () => {
  const data = tempDir();
  const work = tempDir('gongkai-parse-work-');
  after(() => {
    data.cleanup();
    work.cleanup();
  });

  it('reads the seed: exit 0, names the 2019 format with its evidence, agency, year, date, tables and checks', async () => {
    const { code, stdout, stderr } = await gongkai(['report', 'parse', SEED_TEXT], data.path);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^文件类型：文本/m);
    assert.match(stdout, /^格式：2019 格式（试行），即《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号），判断置信度 100%，依据：$/m);
    assert.match(stdout, /^  · 表中有“本年新制作数量”/m);
    assert.match(stdout, new RegExp(`^机关：${SEED_AGENCY}$`, 'm'));
    assert.match(stdout, /^年度：2019$/m);
    assert.match(stdout, /^成文日期：2020-01-18$/m);
    assert.match(stdout, /^  表三 +已找到 +161\/161 +100%$/m);
    assert.match(stdout, /单元格：读取 19 个，空白 179 个，符号 0 个，无法识别 0 个，有多种拆分 0 个，未找到 0 个。/);
    assert.match(stdout, /空白单元格共 179 个（表二 9 个，表三 158 个，表四 12 个）/);
    assert.match(stdout.trimEnd().split('\n').at(-1)!, /^检查结果：0 项错误，\d+ 项警告$/);
  });

  it('--json prints the interchange report, the checks and the diagnostics with places', async () => {
    const { code, stdout, stderr } = await gongkai(['report', 'parse', SEED_TEXT, '--json'], data.path);
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout);
    assert.equal(out.error, null);
    assert.equal(out.format, '2019');
    assert.equal(out.report.kind, 'gongkai.annual-report');
    assert.equal(out.report.agency.name, SEED_AGENCY);
    assert.equal(out.report.cells.filter((c: { value: unknown }) => c.value === null).length, 179);
    assert.equal(out.checks.hardFailures, 0);
    assert.deepEqual(Object.keys(out.diagnostics), ['cells', 'tables', 'narrative', 'notes']);
    const blank = out.diagnostics.cells.find((c: { key: string }) => c.key === '二:rules:made');
    assert.equal(blank.status, 'blank');
    assert.equal(typeof blank.where.line, 'number');
  });

  it('exit 1 on a hard failure, naming the broken rule; the unreadable cell listed with its line', async () => {
    const changed = join(work.path, 'changed.txt');
    writeFileSync(changed, textWithReceived(full2021(), '19'));
    const bad = await gongkai(['report', 'parse', changed], data.path);
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stdout, /错误（\d+ 项，须改正后方可发布）/);
    assert.match(bad.stdout, /t3-/);

    const unreadable = join(work.path, 'unreadable.txt');
    writeFileSync(unreadable, textWithReceived(full2021(), '见附件'));
    const r = await gongkai(['report', 'parse', unreadable], data.path);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /无法识别为数字的单元格（1 个，按空白处理）：\n  · 表三“一、本年新收政府信息公开申请数量”行“.+”列（读自第 \d+ 行，第 2 个表格第 \d+ 行第 \d+ 列）：原文“见附件”/);
  });

  it('exit 2 for files that are not reports, without a stack trace', async () => {
    const files: Record<string, Buffer> = {
      'garbage.bin': garbage(5000), 'empty.txt': Buffer.alloc(0), 'english.txt': readFileSync(new URL('../corpus/txt/english-report.txt', import.meta.url)),
    };
    for (const [name, body] of Object.entries(files)) {
      const path = join(work.path, name);
      writeFileSync(path, body);
      const r = await gongkai(['report', 'parse', path], data.path);
      assert.equal(r.code, 2, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /无法作为年度报告读取：/);
      assert.ok(!hasStackTrace(r.stdout + r.stderr));
    }
    const json = await gongkai(['report', 'parse', join(work.path, 'empty.txt'), '--json'], data.path);
    assert.equal(json.code, 2);
    assert.equal(JSON.parse(json.stdout).report, null);
    assert.match(json.stderr, /文件为空/);
    const missing = await gongkai(['report', 'parse', join(work.path, 'nope.docx')], data.path);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^错误：找不到文件/);
    const usage = await gongkai(['report', 'parse', SEED_TEXT, '--agency', '1'], data.path);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--agency 须与 --import 一起使用/);
  });

  it('--import stores the parsed report; an unknown agency or an unreadable figure stores nothing', async () => {
    const text = join(work.path, 'full-2021.txt');
    writeFileSync(text, textWithReceived(full2021(), '18'));
    const unknown = await gongkai(['report', 'parse', text, '--import', '--agency', '不存在的局'], data.path);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /找不到机关“不存在的局”/);
    const refused = await gongkai(['report', 'parse', join(work.path, 'unreadable.txt'), '--import'], data.path);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /有 1 个单元格未能确定数值，未导入/);
    assert.match(refused.stderr, /表三“一、本年新收政府信息公开申请数量”行/);
    let list = await gongkai(['report', 'list', '--year', '2021'], data.path);
    assert.doesNotMatch(list.stdout, /2021/);

    const stored = await gongkai(['report', 'parse', text, '--import', '--agency', SEED_AGENCY], data.path);
    assert.equal(stored.code, 0, stored.stderr);
    assert.match(stored.stdout, /^已导入年度报告，编号 \d+$/m);
    assert.match(stored.stdout, /^  年度：2021$/m);
    assert.match(stored.stdout, /^  状态：草稿$/m);
    list = await gongkai(['report', 'list', '--year', '2021'], data.path);
    assert.match(list.stdout, new RegExp(SEED_AGENCY));
  });
});

describe('gongkai audit', () => {
  const data = tempDir();
  const work = tempDir('gongkai-audit-work-');
  let names: string[] = [];
  before(async () => {
    names = await writeMixedFolder(join(work.path, 'reports'));
  });
  after(() => {
    data.cleanup();
    work.cleanup();
  });

  it('audits a folder: progress lines on stderr, a summary table, exit 0 despite the broken file; writes .xlsx', async () => {
    const r = await gongkai(['audit', 'reports', '--out', 'out/核查.xlsx'], data.path, { cwd: work.path });
    assert.equal(r.code, 0, r.stderr);
    // Not a terminal: one plain line per file.
    assert.deepEqual(r.stderr.trimEnd().split('\n'), names.map((n, i) => `${i + 1}/${names.length} reports/${n}`));
    assert.match(r.stdout, /^文件 +机关 +年度 +格式 +错误 +警告 +空白 +未能读取 +置信度 +说明$/m);
    assert.match(r.stdout, new RegExp(`^reports/seed\\.txt +${SEED_AGENCY} +2019 +2019 格式（试行） +0 +\\d+ +179 +0 +100%$`, 'm'));
    assert.match(r.stdout, /^reports\/broken\.docx +无法读取：/m);
    assert.match(r.stdout, new RegExp(`共 ${names.length} 个文件：读取 ${names.length - 1} 个，无法读取 1 个`));
    assert.match(r.stdout, /已写入 out\/核查\.xlsx（Excel 工作簿/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work.path, 'out/核查.xlsx'));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['报告', '问题', '说明']);
    assert.equal(workbook.getWorksheet('报告')!.rowCount, names.length + 1);
  });

  it('writes .csv (with the problems beside it) and .html', async () => {
    const csv = await gongkai(['audit', 'reports/seed.txt', 'reports/broken.docx', '-o', 'a.csv'], data.path, { cwd: work.path });
    assert.equal(csv.code, 0, csv.stderr);
    const rows = readFileSync(join(work.path, 'a.csv'), 'utf8');
    assert.ok(rows.startsWith('\ufeff文件,'));
    assert.equal(rows.trimEnd().split('\r\n').length, 3);
    assert.ok(existsSync(join(work.path, 'a-问题.csv')));
    assert.match(csv.stdout, /已写入 a-问题\.csv/);

    const html = await gongkai(['audit', 'reports', '--out', 'a.html'], data.path, { cwd: work.path });
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(join(work.path, 'a.html'), 'utf8');
    for (const n of names) assert.ok(page.includes(`reports/${n}`), n);
    assert.match(page, /生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
  });

  it('usage errors: no paths, an unknown output type, nothing found', async () => {
    const none = await gongkai(['audit'], data.path, { cwd: work.path });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /缺少参数 DIR 或 FILE/);
    const ext = await gongkai(['audit', 'reports', '--out', 'a.pdf'], data.path, { cwd: work.path });
    assert.equal(ext.code, 2);
    assert.match(ext.stderr, /--out 的扩展名应为 \.xlsx、\.csv 或 \.html/);
    const help = await gongkai(['audit', '--help'], data.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：gongkai audit DIR\|FILE…/);
    const main = await gongkai(['--help'], data.path);
    assert.match(main.stdout, /audit DIR\|FILE…/);
    assert.match(main.stdout, /report parse FILE/);
  });
});
