/**
 * gongkai application receive / list / show / event / decisions / remedy / remedy-result / warnings against
 * a fresh SQLite data directory: the stored deadline, masked list, the deadline's arithmetic, the procedure's
 * events on the clock, remedies, warnings, and refusals with exit code 2, no stack trace and nothing changed.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { chineseDaysCalendar } from '../../src/calendar/calendar-source.js';
import { gongkai, hasStackTrace, tempDir } from './run-gongkai.js';

describe('gongkai application', () => {
  const data = tempDir();
  after(() => data.cleanup());
  const run = (...args: string[]) => gongkai(['application', ...args], data.path);
  const receive = (over: Record<string, string> = {}) => {
    const options = {
      agency: '环翠区人民政府', channel: 'registered-post', date: '2025-09-26', type: '自然人', name: '张三丰',
      'id-number': '11010519491231002X', phone: '13812345678', subject: '行政许可事项清单', form: '电子邮件', ...over,
    };
    return run('receive', ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]));
  };

  it('receives, lists masked and shows the deadline with its arithmetic', async () => {
    const r = await receive();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /已登记：环翠区人民政府 2025-0001（编号 1）/);
    assert.match(r.stdout, /答复期限：2025-10-30/);
    assert.match(r.stdout, /查询码：[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const list = await run('list', '--open');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /2025-0001 +环翠区人民政府 +2025-09-26 +张\*\*/);
    assert.ok(!list.stdout.includes('张三丰') && !list.stdout.includes('11010519491231002X'));
    const show = await run('show', '1');
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /至2025-10-30（星期四）/);
    assert.match(show.stdout, /本机操作员（命令行，[^）]*） +received +2025-09-26/);
  });

  it('refuses an unknown applicant type and an invalid ID number with exit code 2', async () => {
    for (const [over, re] of [[{ type: '个体户' }, /未知的申请人类型“个体户”/], [{ 'id-number': '110105194912310021' }, /校验码错误/]] as const) {
      const r = await receive(over);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
    }
  });
});

describe('gongkai application event, remedy and warnings', () => {
  const data = tempDir();
  after(() => data.cleanup());
  const run = (...args: string[]) => gongkai(['application', ...args], data.path);
  const receive = (date: string, subject: string) => run('receive', '--agency', '环翠区人民政府', '--channel', 'in-person',
    '--date', date, '--type', '自然人', '--name', '张三丰', '--id-number', '11010519491231002X', '--subject', subject, '--form', '电子邮件');
  const ok = (r: { code: number; stderr: string }) => assert.equal(r.code, 0, r.stderr);

  it('takes a case through correction, one extension and a decision; refuses a second extension and changes nothing', async () => {
    const received = await receive('2025-09-26', '行政许可事项清单');
    ok(received);
    assert.match(received.stdout, /已登记：环翠区人民政府 2025-0001（编号 1）/);
    assert.match(received.stdout, /答复期限：2025-10-30/);

    const notice = await run('event', '1', '--type', 'correction-requested', '--date', '2025-09-30', '--correction-deadline', '2025-10-20');
    ok(notice);
    assert.match(notice.stdout, /已登记：发出补正通知（2025-09-30），环翠区人民政府 2025-0001（编号 1）/);
    assert.match(notice.stdout, /状态：等待补正　答复期限：暂停计算/);
    assert.match(notice.stdout, /补正期限：2025-10-20/);

    // 条例第三十条: the 20 working days run again from the receipt of the correction.
    const corrected = await run('event', '1', '--type', 'correction-received', '--date', '2025-10-15');
    ok(corrected);
    assert.match(corrected.stdout, /状态：办理中　答复期限：2025-11-12/);

    const extended = await run('event', '1', '--type', 'extended', '--date', '2025-11-05', '--days', '20', '--approver', '李主任', '--reason', '需调取档案逐件核对');
    ok(extended);
    assert.match(extended.stdout, /状态：已延期办理　答复期限：2025-12-10/);
    assert.match(extended.stdout, /延期：20 个工作日，批准人 李主任（2025-11-05）/);

    const second = await run('event', '1', '--type', 'extended', '--date', '2025-11-10', '--days', '5', '--approver', '李主任', '--reason', '再次延期');
    assert.equal(second.code, 2, second.stderr);
    assert.match(second.stderr, /^错误：答复期限只能延长一次/);
    assert.equal(second.stdout, '');
    assert.ok(!hasStackTrace(second.stderr), second.stderr);
    const unchanged = await run('show', '1');
    ok(unchanged);
    assert.match(unchanged.stdout, /状态：已延期办理　答复期限：2025-12-10/);
    assert.equal(unchanged.stdout.match(/本机操作员（命令行，[^）]*） +extended /g)?.length, 1);

    const decided = await run('event', '1', '--type', 'decided', '--date', '2025-11-20', '--decision', 'disclosed', '--particulars', '以电子邮件发送');
    ok(decided);
    assert.match(decided.stdout, /状态：已答复/);
    assert.match(decided.stdout, /处理决定：予以公开（disclosed）　表三结果行：（一）予以公开　办结日期：2025-11-20/);
    const shown = await run('show', '1');
    assert.match(shown.stdout, /状态：已答复　答复期限：2025-12-10　表三结果行：r1/);
  });

  it('lists the decision keys with their table 三 rows', async () => {
    const r = await run('decisions');
    ok(r);
    assert.match(r.stdout, /^disclosed +予以公开 +（一）予以公开 +获取途径$/m);
    assert.match(r.stdout, /^withheld-state-secret +不予公开：属于国家秘密 +（三）1 属于国家秘密 +理由$/m);
    assert.match(r.stdout, /^correction-not-made +.+（六）1 /m);
  });

  it('links a reconsideration to the case and records its result', async () => {
    const added = await run('remedy', '1', '--kind', 'reconsideration', '--filed-on', '2025-12-01');
    ok(added);
    assert.match(added.stdout, /已登记：行政复议（编号 1，申请编号 1）　提起日期：2025-12-01　结果：尚未审结/);
    const result = await run('remedy-result', '1', '--result', 'upheld', '--decided-on', '2026-01-20');
    ok(result);
    assert.match(result.stdout, /已登记结果：行政复议（编号 1，申请编号 1）　提起日期：2025-12-01　结果：维持　审结日期：2026-01-20/);
    const shown = await run('show', '1');
    assert.match(shown.stdout, /本机操作员（命令行，[^）]*） +remedy-added +2025-12-01/);
    assert.match(shown.stdout, /本机操作员（命令行，[^）]*） +remedy-decided +2026-01-20/);
  });

  it('warns of an overdue case, grouped by who registered it', async () => {
    const received = await receive('2025-10-09', '城市规划批复');
    ok(received);
    assert.match(received.stdout, /2025-0002（编号 2）/);
    assert.match(received.stdout, /答复期限：2025-11-05/);
    const r = await run('warnings', '--agency', '环翠区人民政府', '--today', '2025-11-10');
    ok(r);
    assert.match(r.stdout, /截至 2025-11-10，逾期 1 件，2025-11-13 前（3 个工作日内）到期 0 件/);
    assert.match(r.stdout, /未指定承办科室　未指定承办人（登记人：本机操作员（命令行，[^）]*））（逾期 1 件，即将到期 0 件）/);
    const assigned = await run('assign', '2', '--office', '政务公开科', '--handler', '王五');
    ok(assigned);
    assert.match(assigned.stdout, /2025-0002（编号 2）承办科室：政务公开科　承办人：王五/);
    const byPerson = await run('warnings', '--agency', '环翠区人民政府', '--today', '2025-11-10');
    assert.match(byPerson.stdout, /政务公开科 +1 +0/);
    assert.match(byPerson.stdout, /政务公开科　承办人：王五（逾期 1 件，即将到期 0 件）/);
    assert.match(r.stdout, /已逾期 +2 +2025-0002 +办理中 +2025-10-09 +2025-11-05 +逾期 3 个工作日/);
    assert.ok(!r.stdout.includes('2025-0001'), r.stdout);
    const quiet = await run('warnings', '--agency', '环翠区人民政府', '--today', '2025-10-20');
    ok(quiet);
    assert.match(quiet.stdout, /截至 2025-10-20，没有逾期或 2025-10-23 前到期的未办结申请/);
  });

  it('refuses bad options with a usage message and exit code 2, and lists the new commands in its help', async () => {
    for (const [args, re] of [
      [['event', '2', '--type', 'extended', '--date', '2025-11-04', '--days', '二十', '--approver', '李主任', '--reason', '理由'], /^错误：--days 应为正整数，实际为“二十”/],
      [['event', '2', '--type', 'decided', '--decision', 'disclosed'], /^错误：缺少选项 --date/],
      [['event', '2', '--type', 'decided', '--date', '2025-11-04', '--decision', 'approved'], /^错误：未知的处理决定“approved”/],
      [['event', '2', '--type', 'withdrawn', '--date', '2025-11-04', '--days', '3'], /^错误：选项 --days（延长的工作日数）不适用于事件类型 withdrawn/],
      [['remedy', '2', '--kind', 'appeal', '--filed-on', '2025-11-04'], /^错误：未知的救济类型“appeal”/],
      [['warnings', '--agency', '环翠区人民政府', '--colour'], /^错误：未知选项 --colour/],
    ] as const) {
      const r = await run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.match(r.stderr, /用法：gongkai application/);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
    }
    const state = await run('show', '2');
    assert.match(state.stdout, /状态：办理中　答复期限：2025-11-05/);
    const help = await run('--help');
    ok(help);
    for (const command of ['event ID --type', 'decisions', 'remedy ID --kind', 'remedy-result REMEDY_ID', 'warnings --agency']) {
      assert.ok(help.stdout.includes(`gongkai application ${command}`), command);
    }
  });
});

describe('gongkai calendar set-year with open cases', () => {
  const data = tempDir();
  after(() => data.cleanup());

  it('recomputes the stored deadline of an open case in the same change, with an event', async () => {
    const received = await gongkai(['application', 'receive', '--agency', '环翠区人民政府', '--channel', 'in-person', '--date', '2025-09-26',
      '--type', '商业企业', '--name', '某某有限公司', '--id-number', '91350100M000100Y43', '--id-type', 'uscc',
      '--subject', '行政许可事项清单', '--form', '电子邮件'], data.path);
    assert.equal(received.code, 0, received.stderr);
    assert.match(received.stdout, /答复期限：2025-10-30/);
    // The 2025 notice as published, corrected with one more day off on Thursday 2025-10-09.
    const days = chineseDaysCalendar().days
      .filter((d) => d.year === 2025)
      .map(({ date, kind, name }) => ({ date, kind, name }));
    days.push({ date: '2025-10-09', kind: 'off', name: '国庆节' });
    const file = join(data.path, 'notice-2025.json');
    writeFileSync(file, JSON.stringify({ source: '更正通知', days }));
    const set = await gongkai(['calendar', 'set-year', '2025', '--file', file], data.path);
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /已重新计算 1 件未办结申请的答复期限，其中 1 件有变化/);
    const show = await gongkai(['application', 'show', '1'], data.path);
    assert.match(show.stdout, /至2025-10-31（星期五）/);
    assert.match(show.stdout, /deadline-recomputed/);
  });
});
