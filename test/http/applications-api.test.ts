/**
 * The application API and public pages end to end on SQLite and PostgreSQL: receipt with its stored
 * deadline, events refused with a clear 400 that change nothing, masked lists, warnings, remedies, the
 * online form with its query code and the status page that shows nothing personal.
 */
import { operator } from '../../src/core/actor.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { agencyService } from '../../src/agencies/agency.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { steppingClock } from '../../src/core/clock.js';
import { buildApp } from '../../src/http/app.js';
import { signInAs, signInByDefault } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { testPii } from '../pii-helpers.js';
import { caseTestApp, json, sendJson } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const USER = {};

forEachDialect('application API', (ctx) => {
  let app: FastifyInstance;
  let agencyId: number;

  before(async () => {
    ({ app, agencyId } = await caseTestApp(ctx, { now: '2025-11-18T02:00:00.000Z', agencyName: '某区司法局' }));
  });
  after(async () => app.close());

  const body = (over: Record<string, unknown> = {}) => ({
    agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
    applicant: { name: '张三丰', idNumber: PERSON_ID, phone: '13812345678', address: '山东省威海市环翠区青岛北路1号' },
    subject: '2024年度行政许可事项清单', formWanted: '电子邮件', ...over,
  });
  const receive = async (over: Record<string, unknown> = {}) => {
    const res = await sendJson(app, 'POST', '/api/applications', body(over), USER);
    assert.equal(res.statusCode, 201, res.body);
    return json(res);
  };
  const event = (id: number, e: Record<string, unknown>) => sendJson(app, 'POST', `/api/applications/${id}/events`, e, USER);
  const eventCount = async (id: number) => json<unknown[]>(await app.inject({ method: 'GET', url: `/api/applications/${id}/events` })).length;

  test('receives an application and stores its deadline (2025-09-26 → 2025-10-30)', async () => {
    const a = await receive();
    assert.equal(a.dueOn, '2025-10-30');
    assert.equal(a.receivedBy, '办公室王科长');
    assert.ok(Array.isArray(a.clock.explain));
    const got = json(await app.inject({ method: 'GET', url: `/api/applications/${a.id}` }));
    assert.equal(got.dueOn, '2025-10-30');
    assert.equal((await app.inject({ method: 'GET', url: '/api/applications/999999' })).statusCode, 404);
  });

  test('bad input gets a clear 400 and changes nothing', async () => {
    const count = async () => json<unknown[]>(await app.inject({ method: 'GET', url: `/api/applications?agencyId=${agencyId}` })).length;
    const n = await count();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ applicantType: '个体工商户' }, /未知的申请人类型/],
      [{ applicant: { name: '张三', idNumber: '110105194912310021' } }, /校验码错误/],
      [{ evidence: { handedInOn: '2018-06-01' } }, /日历未覆盖 2018 年/],
      [{ channel: 'pigeon' }, /channel/],
    ];
    for (const [over, re] of cases) {
      const res = await sendJson(app, 'POST', '/api/applications', body(over), USER);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, re);
    }
    assert.equal(await count(), n);

    const a = await receive();
    const ok = await event(a.id, { type: 'extended', date: '2025-10-20', days: 20, approver: '办公室主任李某', reason: '需调取档案' });
    assert.equal(ok.statusCode, 200, ok.body);
    const events = await eventCount(a.id);
    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: 'extended', date: '2025-10-21', days: 5, approver: '主任', reason: '再延' }, /只能延长一次/],
      [{ type: 'decided', date: '2025-09-20', decision: 'disclosed' }, /早于收到申请日期/],
      [{ type: 'fee-notice-sent', date: '2025-10-09', fee: { method: 'by-volume', pages: 20 } }, /免费范围内/],
      [{ type: 'correction-requested', date: '2025-09-29', correctionDeadline: '2025-02-30' }, /补正期限/],
      [{ type: 'decided', date: '2025-12-01', decision: 'disclosed' }, /晚于今天/],
    ];
    for (const [e, re] of refused) {
      const res = await event(a.id, e);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, re);
    }
    assert.equal(await eventCount(a.id), events);
    const done = await event(a.id, { type: 'decided', date: '2025-10-28', decision: 'disclosed' });
    assert.equal(json(done).resultRow, 'r1');
    const again = await event(a.id, { type: 'decided', date: '2025-10-29', decision: 'does-not-exist' });
    assert.equal(again.statusCode, 400);
    assert.match(json(again).message, /案件已办结/);
    assert.equal(await eventCount(a.id), events + 1);
  });

  test('lists with personal data masked; warnings; remedies with their results', async () => {
    const list = await app.inject({ method: 'GET', url: `/api/applications?agencyId=${agencyId}&open=true` });
    assert.equal(list.statusCode, 200);
    assert.ok(json<unknown[]>(list).length > 0);
    for (const secret of [PERSON_ID, '张三丰', '13812345678', '青岛北路']) assert.ok(!list.body.includes(secret), secret);
    assert.match(list.body, /张\*\*/);

    const w = await app.inject({ method: 'GET', url: `/api/applications/warnings?agencyId=${agencyId}&today=2025-11-18` });
    assert.equal(w.statusCode, 200, w.body);
    assert.equal(json(w).groups[0].handler, '办公室王科长');
    assert.ok(json(w).groups[0].overdue.length > 0);
    // Every agency's warnings in one request: the same figures, under the agency's name.
    const all = await app.inject({ method: 'GET', url: '/api/applications/warnings/by-agency?today=2025-11-18' });
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(json(all), [{ agencyId, agencyName: '某区司法局', warnings: json(w) }]);
    assert.equal((await app.inject({ method: 'GET', url: '/api/applications/warnings/by-agency?today=2025-13-01' })).statusCode, 400);

    const a = await receive();
    await event(a.id, { type: 'decided', date: '2025-10-20', decision: 'does-not-exist' });
    const rc = await sendJson(app, 'POST', `/api/applications/${a.id}/remedies`, { kind: 'reconsideration', filedOn: '2025-11-01' }, USER);
    assert.equal(rc.statusCode, 201, rc.body);
    const decided = await sendJson(app, 'POST', `/api/applications/${a.id}/remedies/${json(rc).id}/result`, { result: 'corrected', decidedOn: '2025-11-12' }, USER);
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(json(decided).result, 'corrected');
    const bad = await sendJson(app, 'POST', `/api/applications/${a.id}/remedies`, { kind: 'lawsuit', filedOn: '2025-11-13', result: 'upheld' }, USER);
    assert.equal(bad.statusCode, 400);
    assert.match(json(bad).message, /审结日期/);
    const types = json<Array<{ type: string }>>(await app.inject({ method: 'GET', url: `/api/applications/${a.id}/events` })).map((e) => e.type);
    assert.deepEqual(types, ['received', 'decided', 'remedy-added', 'remedy-decided']);
  });

  test('the online form gives a query code; the status page shows the deadline and nothing personal', async () => {
    const form = await app.inject({ method: 'GET', url: '/apply' });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<form class="apply" method="post" action="\/apply">/);
    assert.match(form.body, /某区司法局/);
    const fields = {
      agencyId: String(agencyId), applicantType: '自然人', name: '李四海', idType: 'resident-id', idNumber: PERSON_ID,
      phone: '13900001111', address: '山东省威海市环翠区某路9号', email: 'li@example.cn', subject: '某项目环评批复', formWanted: '电子邮件',
    };
    const post = (f: Record<string, string>) => app.inject({
      method: 'POST', url: '/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(f).toString(),
    });
    const bad = await post({ ...fields, idNumber: '110105194912310021' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /提交未成功：居民身份证号码校验码错误/);
    assert.match(bad.body, /value="李四海"/);
    const res = await post(fields);
    assert.equal(res.statusCode, 201, res.body);
    const code = /<p class="code">([A-Z2-9-]+)<\/p>/.exec(res.body)?.[1];
    assert.ok(code);
    assert.match(res.body, /2025-11-18/);
    const status = await app.inject({ method: 'GET', url: `/status?code=${encodeURIComponent(code!)}` });
    assert.equal(status.statusCode, 200);
    assert.match(status.body, /收到申请日期<\/dt><dd>2025-11-18/);
    assert.match(status.body, /答复期限<\/dt><dd>2025-12-16/);
    for (const secret of [PERSON_ID, '李四海', '13900001111', 'li@example.cn', '某路9号', '某项目环评批复']) {
      assert.ok(!status.body.includes(secret), `status page leaks ${secret}`);
      assert.ok(!res.body.includes(secret), `receipt page leaks ${secret}`);
    }
    const missing = await app.inject({ method: 'GET', url: '/status?code=AAAA-BBBB-CCCC' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /未找到该查询码对应的申请/);
    const spec = json(await app.inject({ method: 'GET', url: '/docs/json' }));
    assert.ok(spec.paths['/api/applications/{id}/events']);
  });
});

forEachDialect('application API with the fee-stops-clock setting', (ctx) => {
  test('the installation setting decides whether the reply clock stops while a fee is pending', async () => {
    const db = await ctx.fresh();
    const clock = steppingClock('2025-11-18T02:00:00.000Z');
    const agencyId = (await agencyService(db.db, clock).create({ name: '某区住建局', kind: 'department' }, operator('test'))).id;
    await calendarService(db.db, clock).seedIfEmpty(operator('system'));
    const dueAfterFeeNotice = async (feeStopsClock: boolean) => {
      const app = await buildApp({ db, clock, pii: testPii, settings: { feeStopsClock } });
      if (!feeStopsClock) await signInByDefault(app, db.db, [agencyId]);
      else await signInAs(app, 'tester');
      try {
        const created = await sendJson(app, 'POST', '/api/applications', {
          agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
          applicant: { name: '王五', idNumber: PERSON_ID }, subject: '历年规划许可文件', formWanted: '纸质',
        }, USER);
        assert.equal(created.statusCode, 201, created.body);
        const noticed = await sendJson(app, 'POST', `/api/applications/${json(created).id}/events`,
          { type: 'fee-notice-sent', date: '2025-10-09', receivedOn: '2025-10-10', fee: { method: 'by-volume', pages: 250 } }, USER);
        assert.equal(noticed.statusCode, 200, noticed.body);
        return json(noticed).dueOn as string | null;
      } finally {
        await app.close();
      }
    };
    assert.equal(await dueAfterFeeNotice(false), '2025-10-30');
    assert.equal(await dueAfterFeeNotice(true), null);
  });
});

forEachDialect('application API: deadlines pending at year end', (ctx) => {
  test('a case whose deadline runs into a year not yet entered stays in the warnings until that year is entered', async () => {
    const { app, agencyId } = await caseTestApp(ctx, { now: '2026-12-20T02:00:00.000Z', agencyName: '某区司法局' });
    try {
      const receive = async (handedInOn: string) => {
        const res = await sendJson(app, 'POST', '/api/applications', {
          agencyId, channel: 'in-person', evidence: { handedInOn }, applicantType: '自然人',
          applicant: { name: '张三丰', idNumber: PERSON_ID }, subject: '某项信息', formWanted: '电子邮件',
        }, USER);
        assert.equal(res.statusCode, 201, res.body);
        return json(res);
      };
      const early = await receive('2026-11-20');
      const late = await receive('2026-12-18');
      assert.equal(late.dueOn, null);
      const w = await app.inject({ method: 'GET', url: `/api/applications/warnings?agencyId=${agencyId}&today=2026-12-21` });
      assert.equal(w.statusCode, 200, w.body);
      const warnings = json(w);
      // The early case is due within 3 working days (2026-12-18 + …); the late one is pending, counted, not dropped.
      assert.ok(warnings.groups.some((g: any) => g.dueSoon.some((i: any) => i.id === early.id) || g.overdue.some((i: any) => i.id === early.id)));
      assert.deepEqual(warnings.pending, {
        year: 2027, title: '答复期限待定：尚未录入 2027 年节假日安排', count: 1,
        cases: [{ id: late.id, caseNo: late.caseNo, state: 'received', receivedOn: '2026-12-18', office: '未指定承办科室', handler: late.receivedBy, assigned: false }],
      });
      const all = json(await app.inject({ method: 'GET', url: '/api/applications/warnings/by-agency?today=2026-12-21' }));
      assert.deepEqual(all, [{ agencyId, agencyName: '某区司法局', warnings }]);

      // Entering the 2027 notice computes the deadline: the group is gone and the case is an ordinary one.
      const set = await sendJson(app, 'PUT', '/api/calendar/2027', { source: '国办发明电〔2026〕1号', days: [
        { date: '2027-01-01', kind: 'off', name: '元旦' }, { date: '2027-02-08', kind: 'off', name: '春节' },
      ] });
      assert.equal(set.statusCode, 200, set.body);
      assert.ok(json(set).recomputed.changed >= 1);
      const after = json(await app.inject({ method: 'GET', url: `/api/applications/warnings?agencyId=${agencyId}&today=2026-12-21` }));
      assert.equal(after.pending, null);
      assert.notEqual(json(await app.inject({ method: 'GET', url: `/api/applications/${late.id}` })).dueOn, null);
    } finally {
      await app.close();
    }
  });
});
