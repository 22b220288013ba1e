/**
 * auditFiles over a folder of mixed reports (the seed text, the fixtures rendered to HTML, DOCX and
 * PDF, a broken file): one row per file in path order, the broken one with its error; and the
 * three writers — the workbook read back with exceljs, the CSV with its BOM, the HTML page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { auditCsv, auditProblemsCsv, csvField, problemsCsvPath } from '../../src/audit/audit-csv.js';
import { auditHtml } from '../../src/audit/audit-html.js';
import { auditFiles, expandPaths, type AuditResult } from '../../src/audit/audit-run.js';
import { auditXlsx } from '../../src/audit/audit-xlsx.js';
import { fileErrorResult } from '../../src/parse/parse-file.js';
import type { ParsePool, ParseSummary } from '../../src/parse/parse-pool.js';
import { parseResultSummary } from '../../src/parse/parse-summary.js';
import { full2021, SEED_AGENCY, textWithReceived, writeMixedFolder } from './audit-fixtures.js';

describe('auditFiles over a folder of mixed reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
  let expected: string[] = [];
  let audit: AuditResult;
  const progress: Array<[number, number, string]> = [];
  before(async () => {
    expected = await writeMixedFolder(dir);
    audit = await auditFiles([dir], (done, total, file) => progress.push([done, total, file]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives one row per file, in path order, hidden and lock files skipped', () => {
    assert.deepEqual(audit.rows.map((r) => r.file), expected.map((f) => join(dir, f)));
  });

  it('reads every report with its agency, year and format; the broken file has its error', () => {
    const byName = new Map(audit.rows.map((r) => [r.file.slice(dir.length + 1), r]));
    const broken = byName.get('broken.docx')!;
    assert.equal(broken.agency, null);
    assert.equal(broken.hardFailures, null);
    assert.match(broken.error ?? '', /DOCX|Word/);
    for (const name of expected.filter((n) => n !== 'broken.docx')) {
      const row = byName.get(name)!;
      assert.equal(row.error, null, `${name}: ${row.error}`);
      assert.equal(row.agency, SEED_AGENCY, name);
      const seed = !name.includes('2021');
      assert.equal(row.year, seed ? 2019 : 2021, name);
      assert.equal(row.format, seed ? '2019' : '2021', name);
      assert.equal(row.hardFailures, 0, name);
      assert.equal(row.blanks, seed ? 179 : 0, name);
      assert.equal(row.unreadable, 0, name);
      assert.equal(row.confidence, 1, name);
    }
  });

  it('reports progress before each file and once at the end', () => {
    const n = expected.length;
    assert.deepEqual(progress.map(([d, t]) => [d, t]), [...Array.from({ length: n }, (_, i) => [i, n]), [n, n]]);
    assert.equal(progress[0]![2], join(dir, expected[0]!));
    assert.equal(progress.at(-1)![2], '');
  });

  it('lists every problem: the broken file, the seed’s blank-cell warnings with the cells and where they were read', () => {
    const broken = audit.problems.filter((p) => p.file.endsWith('broken.docx'));
    assert.deepEqual(broken.map((p) => [p.kind, p.severity]), [['file', 'error']]);
    const seedBlanks = audit.problems.filter((p) => p.file.endsWith('seed.txt') && p.ruleId.startsWith('blank-cells'));
    assert.equal(seedBlanks.reduce((n, p) => n + p.cells.length, 0), 179);
    assert.ok(seedBlanks.every((p) => p.severity === 'warning'));
    assert.match(seedBlanks[0]!.cells[0]!, /^表二“第二十条第（一）项 › 规章”行“本年新制作数量”列：空白（读自第 \d+ 行，第 1 个表格第 3 行第 2 列）$/);
  });

  it('writes a workbook with the sheets 报告, 问题 and 说明, readable back', async () => {
    const bytes = await auditXlsx(audit, { generatedAt: '2024-03-01 16:00（北京时间）' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['报告', '问题', '说明']);
    const reports = workbook.getWorksheet('报告')!;
    assert.equal(reports.rowCount, expected.length + 1);
    assert.deepEqual((reports.getRow(1).values as unknown[]).slice(1, 6), ['文件', '文件类型', '机关', '年度', '格式']);
    assert.equal(reports.getRow(1).font?.bold, true);
    assert.equal(reports.views[0]?.state, 'frozen');
    assert.ok(reports.autoFilter);
    const seedRow = reports.getRow(expected.indexOf('seed.txt') + 2);
    assert.equal(seedRow.getCell(1).value, join(dir, 'seed.txt'));
    assert.equal(seedRow.getCell(3).value, SEED_AGENCY);
    assert.equal(seedRow.getCell(4).value, 2019);
    assert.equal(seedRow.getCell(5).value, '2019 格式（试行）');
    assert.equal(seedRow.getCell(8).value, 179);
    assert.equal(seedRow.getCell(10).value, 1);
    assert.equal(reports.getColumn(10).numFmt, '0%');
    const brokenRow = reports.getRow(2);
    assert.match(String(brokenRow.getCell(11).value), /DOCX|Word/);
    assert.equal(brokenRow.getCell(6).value, null);

    const problems = workbook.getWorksheet('问题')!;
    assert.equal(problems.rowCount, audit.problems.length + 1);
    assert.equal(problems.getRow(1).getCell(4).value, '规则编号');
    assert.equal(problems.getRow(2).getCell(2).value, '错误');
    const notes = workbook.getWorksheet('说明')!;
    assert.match(String(notes.getRow(2).getCell(2).value), /2024-03-01/);
  });

  it('writes the CSV with a BOM, CRLF lines and one row per file; the problems CSV beside it', () => {
    const csv = auditCsv(audit);
    assert.ok(csv.startsWith('\ufeff文件,文件类型,机关,年度,格式,错误（项）,警告（项）,空白单元格,未能读取的单元格,置信度（最低）,读取错误\r\n'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, expected.length + 1);
    assert.ok(lines.some((l) => l.startsWith(`${join(dir, 'seed.txt')},文本,${SEED_AGENCY},2019,2019 格式（试行）,0,`) && l.endsWith(',179,0,100%,')));
    const problems = auditProblemsCsv(audit);
    assert.ok(problems.startsWith('\ufeff文件,严重程度,'));
    // Multi-line cell lists are quoted, so the rows still parse.
    assert.match(problems, /"表二“第二十条第（一）项 › 规章”行“本年新制作数量”列：空白[^"]*\n/);
    assert.equal(problemsCsvPath('out/核查.csv'), 'out/核查-问题.csv');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-3'), '-3');
  });

  it('writes a self-contained HTML page naming each file, with both views', () => {
    const html = auditHtml(audit, { generatedAt: '2024-03-01 16:00（北京时间）' });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    for (const name of expected) assert.ok(html.includes(join(dir, name)), name);
    assert.match(html, /<h2 id="reports">一、报告一览<\/h2>/);
    assert.match(html, /<h2 id="problems">二、问题明细<\/h2>/);
    assert.match(html, /<th scope="col">未能读取的单元格<\/th>/);
    assert.ok(!/<script|<link|src="http/.test(html), 'no external resources or scripts');
  });
});

describe('audit inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-in-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes file names and figures in the HTML; a missing path is a row with its error', async () => {
    const name = join(dir, '<b>报告&"1".txt');
    writeFileSync(name, textWithReceived(full2021(), '<i>见附件</i>'));
    const audit = await auditFiles([name, join(dir, 'missing.txt')]);
    assert.deepEqual(audit.rows.map((r) => r.file), [name, join(dir, 'missing.txt')]);
    assert.equal(audit.rows[1]!.error, '找不到文件或目录');
    assert.equal(audit.rows[0]!.unreadable, 1);
    const html = auditHtml(audit);
    assert.ok(!html.includes('<b>报告') && !html.includes('<i>见附件'));
    assert.ok(html.includes('&lt;b&gt;报告&amp;&quot;1&quot;.txt'));
    assert.ok(html.includes('原文“&lt;i&gt;见附件&lt;/i&gt;”'));
  });

  it('expands paths relative to a cwd, without duplicates', async () => {
    writeFileSync(join(dir, 'a.txt'), 'x');
    const list = await expandPaths(['a.txt', './a.txt', '.'], dir);
    assert.deepEqual(list, [{ path: '<b>报告&"1".txt' }, { path: 'a.txt' }]);
  });
});

describe('auditFiles keeps every worker busy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-slow-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a slow first file does not hold back the others; rows stay in path order', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
    for (const name of names) writeFileSync(join(dir, name), name);
    let releaseSlow!: () => void;
    const slowDone = new Promise<void>((resolve) => { releaseSlow = resolve; });
    const started: string[] = [];
    const summary = (file: string): ParseSummary => ({ row: parseResultSummary(fileErrorResult(file, `读了 ${file}`)), problems: [] });
    // Two threads, so at most four files in flight: the slow one and three others at a time.
    const pool: ParsePool = {
      threads: 2,
      parse: () => Promise.reject(new Error('not used')),
      summarize: async (_bytes, file) => {
        started.push(file);
        if (file.endsWith('00.txt')) await slowDone;
        else await new Promise((resolve) => setTimeout(resolve, 1));
        return summary(file);
      },
      close: async () => undefined,
    };
    const audit = auditFiles([dir], undefined, { pool });
    // While the first file is still being read, every other file is read (a window that waits for the oldest
    // file would stop after four).
    for (let i = 0; i < 200 && started.length < names.length; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(started.length, names.length);
    releaseSlow();
    const { rows } = await audit;
    assert.deepEqual(rows.map((r) => r.file), names.map((n) => join(dir, n)));
  });
});
