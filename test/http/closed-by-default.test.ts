/**
 * The findings of the issue, each closed, on SQLite and PostgreSQL: nothing personal or writable is
 * open to an anonymous request; the actor is the signed-in user, not a header; a cross-site form or
 * upload, a write without the CSRF token, a token of an ended session and a foreign Host header are all
 * refused — and a refused request changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { operator } from '../../src/core/actor.js';
import { signIn } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json, seedBytes, sendJson, testApp, type TestApp } from './http-helpers.js';

const PERSON = { name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678', address: '山东省威海市环翠区青岛北路1号' };
const ANONYMOUS = { cookies: {} } as const;

forEachDialect('closed by default', (ctx) => {
  let t: TestApp;
  let reportId: number;
  let caseId: number;

  before(async () => {
    t = await testApp(ctx);
    await calendarService(t.db.db).seedIfEmpty(operator('测试准备'));
    const imported = await sendJson(t.app, 'POST', `/api/reports/import?agencyId=${t.bureauId}`, seedBytes());
    assert.equal(imported.statusCode, 201, imported.body);
    reportId = json(imported).id;
    const received = await sendJson(t.app, 'POST', '/api/applications', {
      agencyId: t.bureauId, channel: 'in-person', evidence: { handedInOn: '2024-02-26' }, applicantType: '自然人',
      applicant: PERSON, subject: '2023年度行政许可事项清单', formWanted: '电子邮件',
    });
    assert.equal(received.statusCode, 201, received.body);
    caseId = json(received).id;
  });
  after(async () => t?.close());

  /** What a refused request must leave as it was. */
  async function snapshot() {
    const db = t.db.db;
    const count = async (table: 'report_events' | 'report_versions' | 'application_events' | 'calendar_events' | 'applications') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const report = await db.selectFrom('reports').select(['status', 'current_version']).where('id', '=', reportId).executeTakeFirstOrThrow();
    return {
      report, reportEvents: await count('report_events'), versions: await count('report_versions'), caseEvents: await count('application_events'),
      calendarEvents: await count('calendar_events'), applications: await count('applications'),
    };
  }

  test('anonymous GET /api/applications/:id → 401 without any personal data', async () => {
    for (const url of [`/api/applications/${caseId}`, `/api/applications/${caseId}/events`, `/api/applications?agencyId=${t.bureauId}`, `/api/applications/${caseId}/letter.docx`]) {
      const res = await t.app.inject({ method: 'GET', url, ...ANONYMOUS });
      assert.equal(res.statusCode, 401, `${url}: ${res.body}`);
      assert.equal(json(res).code, 'UNAUTHENTICATED');
      assert.equal(json(res).message, '请先登录');
      for (const secret of [PERSON.name, PERSON.idNumber, PERSON.phone, '青岛北路', '行政许可']) assert.ok(!res.body.includes(secret), `${url} shows ${secret}`);
    }
  });

  test('anonymous publish, decision and calendar change → 401 and nothing changed', async () => {
    const before = await snapshot();
    const days = json<{ days: unknown[] }>(await t.app.inject({ method: 'GET', url: '/api/calendar/2024' })).days;
    const attempts = [
      t.app.inject({ method: 'POST', url: `/api/reports/${reportId}/publish`, ...ANONYMOUS }),
      t.app.inject({ method: 'POST', url: `/api/applications/${caseId}/events`, payload: { type: 'decided', date: '2024-02-28', decision: 'disclosed' }, ...ANONYMOUS }),
      t.app.inject({ method: 'PUT', url: '/api/calendar/2024', payload: { days: days.slice(1) }, ...ANONYMOUS }),
      t.app.inject({ method: 'PUT', url: `/api/reports/${reportId}`, payload: JSON.parse(seedBytes().toString('utf8')), ...ANONYMOUS }),
    ];
    for (const res of await Promise.all(attempts)) assert.equal(res.statusCode, 401, res.body);
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(json(await t.app.inject({ method: 'GET', url: '/api/calendar/2024' })).days, days);
  });

  test('the x-gongkai-user header no longer names the actor: events record the signed-in user', async () => {
    const forged = { 'x-gongkai-user': encodeURIComponent('冒名顶替者') };
    const assigned = await sendJson(t.app, 'POST', `/api/applications/${caseId}/assign`, { office: '办公室', handler: '李四' }, forged);
    assert.equal(assigned.statusCode, 200, assigned.body);
    const checked = await sendJson(t.app, 'PUT', `/api/reports/${reportId}`, { ...JSON.parse(seedBytes().toString('utf8')), baseVersion: 1 }, forged);
    assert.equal(checked.statusCode, 200, checked.body);
    const caseEvent = await t.db.db.selectFrom('application_events').select(['actor', 'actor_id']).where('application_id', '=', caseId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const reportEvent = await t.db.db.selectFrom('report_events').select(['actor', 'actor_id']).where('report_id', '=', reportId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (const event of [caseEvent, reportEvent]) {
      assert.equal(event.actor, '办公室王科长');
      assert.equal(event.actor_id, t.tester.userId);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/applications/${caseId}/assign`, payload: { office: '办公室' }, headers: forged, ...ANONYMOUS });
    assert.equal(anonymous.statusCode, 401);
  });

  test('a cross-site form POST with a valid session cookie → 403 CSRF_REJECTED, nothing changed', async () => {
    const before = await snapshot();
    const form = 'type=decided&date=2024-02-28&decision=disclosed';
    const variants: Array<Record<string, string>> = [
      // What a form on another site sends: the cookie (SameSite=Lax would hold it back, older browsers do not) but no token.
      { cookie: t.tester.cookie, origin: 'https://evil.example' },
      // Even with the token (which another site cannot read), another origin is refused.
      { ...t.tester.headers, origin: 'https://evil.example' },
      { ...t.tester.headers, 'sec-fetch-site': 'cross-site' },
      { ...t.tester.headers, referer: 'https://evil.example/page.html' },
      { ...t.tester.headers, origin: 'null' },
    ];
    for (const headers of variants) {
      for (const url of [`/api/applications/${caseId}/events`, `/api/reports/${reportId}/publish`]) {
        const res = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
        assert.equal(res.statusCode, 403, `${url} ${JSON.stringify(headers)}: ${res.body}`);
        assert.equal(json(res).code, 'CSRF_REJECTED');
        assert.match(json(res).message, /跨站请求伪造|防伪令牌/);
      }
    }
    // Signing in from another site's form is refused too (login CSRF).
    const login = await t.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'https://evil.example' }, payload: { login: 'tester', password: 'x' }, cookies: {} });
    assert.equal(login.statusCode, 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('a cross-site multipart upload to /api/parse/import is refused', async () => {
    const before = await snapshot();
    const boundary = '----gongkai-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.json"\r\nContent-Type: application/json\r\n\r\n`),
      seedBytes(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    for (const headers of [{ cookie: t.tester.cookie, origin: 'https://evil.example' }, { cookie: t.tester.cookie }]) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/parse/import?agencyId=${t.bureauId}`,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body,
      });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(json(res).code, 'CSRF_REJECTED');
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('a same-site write without the x-csrf-token header → 403; with another session\'s or an ended session\'s token → refused', async () => {
    const before = await snapshot();
    const url = `/api/reports/${reportId}/publish`;
    const noToken = await t.app.inject({ method: 'POST', url, headers: { cookie: t.tester.cookie, origin: 'http://localhost', host: 'localhost' } });
    assert.equal(noToken.statusCode, 403, noToken.body);
    assert.equal(json(noToken).code, 'CSRF_REJECTED');
    assert.match(json(noToken).message, /防伪令牌/);
    const wrong = await t.app.inject({ method: 'POST', url, headers: { cookie: t.tester.cookie, 'x-csrf-token': t.sysadmin.csrf } });
    assert.equal(wrong.statusCode, 403);

    // A token of a session that has ended: with a new session's cookie it is refused (403), with its own cookie 401.
    const first = await signIn(t.app, 'tester');
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/session', headers: first.headers })).statusCode, 204);
    const second = await signIn(t.app, 'tester');
    const stale = await t.app.inject({ method: 'POST', url, headers: { cookie: second.cookie, 'x-csrf-token': first.csrf } });
    assert.equal(stale.statusCode, 403, stale.body);
    assert.equal(json(stale).code, 'CSRF_REJECTED');
    const ended = await t.app.inject({ method: 'POST', url, headers: first.headers });
    assert.equal(ended.statusCode, 401, ended.body);
    assert.deepEqual(await snapshot(), before);
  });

  test('a foreign Host header → 403 HOST_NOT_ALLOWED on public and private routes', async () => {
    const requests = [
      { method: 'GET', url: '/', headers: {} },
      { method: 'GET', url: '/apply', headers: {} },
      { method: 'GET', url: '/api/session', headers: t.tester.headers },
      { method: 'GET', url: `/api/applications/${caseId}`, headers: t.tester.headers },
      { method: 'POST', url: '/api/session', headers: {}, payload: { login: 'tester', password: 'Test-password-2024' } },
      { method: 'POST', url: `/api/reports/${reportId}/publish`, headers: t.tester.headers },
    ] as const;
    const before = await snapshot();
    for (const host of ['evil.example', 'evil.example:3000', 'localhost.evil.example']) {
      for (const r of requests) {
        const res = await t.app.inject({ method: r.method, url: r.url, headers: { ...r.headers, host }, ...('payload' in r ? { payload: r.payload } : {}) });
        assert.equal(res.statusCode, 403, `${r.method} ${r.url} Host ${host}: ${res.body}`);
        assert.ok(res.body.includes('不受信任的主机名'), res.body);
        if (r.url.startsWith('/api')) assert.equal(json(res).code, 'HOST_NOT_ALLOWED');
        assert.equal(res.cookies.length, 0, 'no session cookie is set for a foreign host');
      }
    }
    assert.deepEqual(await snapshot(), before);
    // The allowed names still work, with a port.
    assert.equal((await t.app.inject({ method: 'GET', url: '/', headers: { host: '127.0.0.1:3000' } })).statusCode, 200);
  });
});
