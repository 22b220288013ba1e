/**
 * gongkai art20 set|list, gongkai report fill-from-data and gongkai report publish against a fresh SQLite
 * data directory (with the demo data): entered counts with their source, refusals with Chinese messages and
 * exit code 2, a report filled from the data, publishing refused for a report that was not reviewed, and the
 * report's text drafted from the data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

const BUREAU = '威海市环翠区行政审批服务局';

describe('gongkai art20 and report fill-from-data / publish', () => {
  const { data, work } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path, { cwd: work.path });
  const ok = (r: { code: number; stdout: string; stderr: string }) => assert.equal(r.code, 0, r.stderr || r.stdout);
  const refused = (r: { code: number; stdout: string; stderr: string }, message: RegExp) => {
    assert.equal(r.code, 2, r.stderr || r.stdout);
    assert.match(r.stderr, message);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
  };

  it('enters Art. 20 counts append-only with their source and refuses the computed cells', async () => {
    ok(await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:licensing:decisions', '--value', '120', '--source', '行政许可办件系统'));
    const fee = await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:fees:fee-amount', '--value', '12.35', '--source', '财务科');
    ok(fee);
    assert.match(fee.stdout, /本年收费金额（单位：万元）”：12\.35（来源：财务科）/);
    ok(await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:licensing:decisions', '--value', '125', '--source', '行政许可办件系统（更正）'));
    refused(await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:rules:issued', '--value', '3', '--source', 'x'), /不能手工录入/);
    refused(await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:licensing:decisions', '--value', 'many', '--source', 'x'), /--value 应为数字/);
    refused(await run('art20', 'set', '--agency', BUREAU, '--year', '2025', '--cell', '二:licensing:decisions', '--value', '3'), /缺少选项 --source/);

    const list = await run('art20', 'list', '--agency', BUREAU, '--year', '2025');
    ok(list);
    assert.match(list.stdout, /行政许可 +本年处理决定数量 +125 +行政许可办件系统（更正）/);
    assert.doesNotMatch(list.stdout, / 120 /);
    const all = await run('art20', 'list', '--agency', BUREAU, '--year', '2025', '--all');
    assert.match(all.stdout, / 120 /);
  });

  it('fills a report from the data and refuses to publish it before review', async () => {
    // As of a day before the counts were entered (today), they do not count yet: the figures are reproducible.
    const early = await run('report', 'fill-from-data', '--agency', BUREAU, '--year', '2025', '--as-of', '2025-12-31');
    ok(early);
    assert.match(early.stdout, /已以数据填写 威海市环翠区行政审批服务局 2025 年度报告.*第 2 版，数据截至 2025-12-31）：表二 6 格（由主动公开信息统计 6 格，录入数值 0 格）/);
    const filled = await run('report', 'fill-from-data', '--agency', BUREAU, '--year', '2025');
    ok(filled);
    assert.match(filled.stdout, /第 3 版.*录入数值 2 格/);
    assert.match(filled.stdout, /行政许可 +本年处理决定数量 +125 +行政许可办件系统（更正）/);
    refused(await run('report', 'publish', '--agency', BUREAU, '--year', '2025'), /未经初审、保密审查和核审签发的材料不得发布/);
    refused(await run('report', 'publish', '--agency', BUREAU, '--year', '2019'), /已于 .* 发布，不能重复发布/);
    refused(await run('report', 'publish', '--agency', BUREAU, '--year', '2024'), /尚无 2024 年度报告/);
  });

  it('drafts sections 一 and 六 of the demo year from the data, listing each figure with its source', async () => {
    const drafted = await run('report', 'draft-text', '--agency', BUREAU, '--year', '2025', '--as-of', '2025-12-31');
    ok(drafted);
    assert.match(drafted.stdout, /已按数据起草 威海市环翠区行政审批服务局 2025 年度报告第一、六部分（编号 \d+，第 4 版，数据截至 2025-12-31），共 \d+ 个数字/);
    assert.match(drafted.stdout, /六 +收取信息处理费的申请（件） +0件 +依申请公开办理数据/);
    assert.match(drafted.stdout, /一 +本年新收政府信息公开申请（件） +\d+件 +依申请公开办理数据/);
  });
});
