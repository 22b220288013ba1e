/**
 * gongkai calendar deadline / show / set-year against a fresh SQLite data directory: the spec's
 * deadlines, the explanation of skipped days, entering the real 2018 notice, and refusals with exit
 * code 2 and no stack trace.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { NOTICE_2018 } from '../fixtures/notice-2018.js';
import { gongkai, hasStackTrace, tempDir } from './run-gongkai.js';

describe('gongkai calendar', () => {
  const data = tempDir();
  const work = tempDir('gongkai-cli-work-');
  after(() => {
    data.cleanup();
    work.cleanup();
  });
  const run = (...args: string[]) => gongkai(['calendar', ...args], data.path, { cwd: work.path });
  const file = (name: string, content: unknown) => {
    writeFileSync(join(work.path, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return name;
  };
  const refused = (result: { code: number; stderr: string }, message: RegExp) => {
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.ok(!hasStackTrace(result.stderr), result.stderr);
  };

  before(async () => {
    // First use creates the database and seeds the calendar.
    const { code, stderr } = await run('show');
    assert.equal(code, 0, stderr);
  });

  it('prints the deadline of every spec vector, the day of receipt not counted', async () => {
    const vectors: Array<[string, string, string]> = [
      ['2025-09-26', '7', '2025-10-13（星期一）'], ['2025-09-26', '20', '2025-10-30（星期四）'],
      ['2026-02-10', '20', '2026-03-16（星期一）'], ['2026-02-10', '40', '2026-04-14（星期二）'],
      ['2024-12-20', '20', '2025-01-20（星期一）'], ['2026-09-18', '20', '2026-10-22（星期四）'],
    ];
    const results = await Promise.all(vectors.map(([from, n]) => run('deadline', '--from', from, '--working-days', n)));
    results.forEach((r, i) => {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${vectors[i]![2]}\n`);
    });
  });

  it('explains every day skipped or counted, with the reason', async () => {
    const { code, stdout, stderr } = await run('deadline', '--from', '2025-09-26', '--working-days', '7', '--explain');
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '2025-10-13（星期一）');
    assert.match(lines[1]!, /^自 2025-09-26（星期五）起 7 个工作日：起算当日不计入，自次日起计算/);
    const rows = lines.slice(2, -1).map((l) => l.trim().split(/\s{2,}/));
    assert.equal(rows.length, 17);
    assert.deepEqual(rows[0], ['2025-09-27（星期六）', '不计', '周六']);
    assert.deepEqual(rows[1], ['2025-09-28（星期日）', '第 1 日', '国庆节调休上班']);
    assert.deepEqual(rows[4], ['2025-10-01（星期三）', '不计', '国庆节假期']);
    assert.deepEqual(rows[9], ['2025-10-06（星期一）', '不计', '中秋节假期']);
    assert.deepEqual(rows[14], ['2025-10-11（星期六）', '第 6 日', '国庆节调休上班']);
    assert.deepEqual(rows[15], ['2025-10-12（星期日）', '不计', '周日']);
    assert.deepEqual(rows[16], ['2025-10-13（星期一）', '第 7 日', '工作日']);
    assert.equal(lines.at(-1), '共经过 17 日：计入 7 个工作日，跳过 10 日。');
  });

  it('refuses a deadline beyond the covered years and bad options (exit 2)', async () => {
    refused(await run('deadline', '--from', '2026-12-15', '--working-days', '20'),
      /^错误：日历未覆盖 2027 年：请先录入国务院办公厅公布的该年度节假日安排\n {2}· 2027-01-01：现有日历覆盖 2019 年至 2026 年/);
    refused(await run('deadline', '--from', '2018-12-20', '--working-days', '5'), /日历未覆盖 2018 年/);
    refused(await run('deadline', '--working-days', '5'), /^错误：缺少选项 --from[\s\S]*用法：gongkai calendar/);
    refused(await run('deadline', '--from', '2025-09-26'), /缺少选项 --working-days/);
    refused(await run('deadline', '--from', '2025-09-26', '--working-days', '-3'), /选项 --working-days 的值有误|--working-days 应为 0 至 1000 的整数/);
    refused(await run('deadline', '--from', '2025-09-26', '--working-days', '2.5'), /--working-days 应为 0 至 1000 的整数，实际为“2.5”/);
    refused(await run('deadline', '--from', '2025-02-29', '--working-days', '5'), /起算日期“2025-02-29”不是有效日期/);
  });

  it('shows a year’s days off and make-up working days', async () => {
    const { code, stdout, stderr } = await run('show', '2026');
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^2026 年节假日安排（来源：chinese-days \d+\.\d+\.\d+；录入时间：/);
    const work = lines.filter((l) => /调休上班\s+\S+调休上班$/.test(l)).map((l) => l.trim().slice(0, 10));
    assert.deepEqual(work, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    assert.ok(lines.some((l) => /^ {2}2026-02-17（星期二） {2}放假 {6}春节$/.test(l)), stdout);
    assert.match(lines.at(-1)!, /^共 \d+ 日：放假 \d+ 日，调休上班 6 日/);
    const range = await run('show');
    assert.equal(range.stdout.trim(), '现有日历覆盖 2019 年至 2026 年。查看某一年度：gongkai calendar show YYYY');
    refused(await run('show', '2030'), /^错误：日历未覆盖 2030 年/);
    refused(await run('show', '26'), /年度应为四位数字/);
  });

  it('enters the 2018 notice from a file, records who did it, and counts with it at once', async () => {
    refused(await run('deadline', '--from', '2018-09-28', '--working-days', '20'), /日历未覆盖 2018 年/);
    const notice = file('notice-2018.json', { source: '国办发明电〔2017〕12号', days: NOTICE_2018 });
    const entered = await run('set-year', '2018', '--file', notice);
    assert.equal(entered.code, 0, entered.stderr);
    assert.equal(entered.stdout, '已录入 2018 年节假日安排：放假 23 日，调休上班 6 日（来源：国办发明电〔2017〕12号）。\n'
      + '已重新计算 0 件未办结申请的答复期限，其中 0 件有变化。\n');
    const deadline = await run('deadline', '--from', '2018-09-28', '--working-days', '20', '--explain');
    assert.equal(deadline.stdout.split('\n')[0], '2018-10-31（星期三）');
    assert.match(deadline.stdout, /2018-09-29（星期六） {2}第 1 日 {3}国庆节调休上班/);
    const show = await run('show', '2018');
    assert.match(show.stdout, /^2018 年节假日安排（来源：国办发明电〔2017〕12号；/);
    const sqlite = new Database(join(data.path, 'gongkai.sqlite'), { readonly: true });
    try {
      const events = sqlite.prepare("select actor, type, old, new from calendar_events where year = 2018").all() as Array<Record<string, string | null>>;
      assert.equal(events.length, 1);
      assert.match(String(events[0]!.actor), /^本机操作员（命令行，/);
      assert.equal(events[0]!.type, 'year-set');
      assert.equal(events[0]!.old, null);
      assert.equal(JSON.parse(events[0]!.new!).days.length, NOTICE_2018.length);
    } finally {
      sqlite.close();
    }
  });

  it('refuses a bad notice file, changing nothing (exit 2)', async () => {
    refused(await run('set-year', '2027', '--file', 'missing.json'), /^错误：找不到文件 missing\.json/);
    refused(await run('set-year', '2027', '--file', file('broken.json', '{ "days": [')), /^错误：文件 broken\.json 不是有效的 JSON/);
    refused(await run('set-year', '2027', '--file', file('other-year.json', { year: 2026, days: [] })), /文件中的年度（2026）与命令中的年度（2027）不一致/);
    refused(await run('set-year', '2027', '--file', file('extra.json', { days: [], notice: 'x' })), /未知字段：notice/);
    refused(await run('set-year', '2029', '--file', file('gap.json', { days: [{ date: '2029-01-01', kind: 'off', name: '元旦' }] })),
      /^错误：2029 年与已录入的年度不相连（现有日历覆盖 2018 年至 2026 年）：请先录入 2027 年的节假日安排/);
    const bad = await run('set-year', '2027', '--file', file('bad-days.json', { days: [
      { date: '2027-01-01', kind: 'off', name: '元旦' },
      { date: '2027-01-04', kind: 'work', name: '元旦调休上班' },
      { date: '2028-01-01', kind: 'off', name: '元旦' },
    ] }));
    refused(bad, /^错误：2027 年节假日安排有误（2 处）\n {2}· days\[1\]：2027-01-04 为星期一，本即工作日，不应列为调休上班\n {2}· days\[2\]：2028-01-01 不属于 2027 年的节假日安排/);
    refused(await run('set-year', '2027'), /缺少选项 --file/);
    const range = await run('show');
    assert.match(range.stdout, /现有日历覆盖 2018 年至 2026 年/);
  });
});
