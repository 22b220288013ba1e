/**
 * gongkai application receive / list / show against a fresh SQLite data directory: the stored deadline,
 * masked list, the deadline's arithmetic, and refusals with exit code 2 and no stack trace.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
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
