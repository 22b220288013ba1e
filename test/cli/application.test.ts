/**
 * gongkai application receive / list / show against a fresh SQLite data directory: the stored deadline,
 * masked list, the deadline's arithmetic, and refusals with exit code 2 and no stack trace.
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
    assert.match(show.stdout, /cli +received +2025-09-26/);
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
