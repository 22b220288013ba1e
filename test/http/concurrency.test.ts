/**
 * Correct under concurrency, on SQLite and PostgreSQL: requests sent at the same moment over real HTTP
 * (the app listening on a port, concurrent fetch calls; on PostgreSQL a pool of several connections
 * runs the transactions side by side). Case numbers are distinct, a report is published once, calendar
 * entries take turns, stale saves are refused with what changed, ids beyond the column are a 400 or
 * 404, and a connection dropped by the server does not take the process down.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { InterchangeReport } from '../../src/core/interchange/interchange-types.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { steppingClock } from '../../src/core/clock.js';
import { openPostgres, type Db } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { approveReport } from '../report-chain-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { testPii } from '../pii-helpers.js';
import { caseTestApp, testApp, type TestApp } from './http-helpers.js';
import { defaultHeadersFor, signInByDefault } from '../auth-helpers.js';
import { agencyService } from '../../src/agencies/agency.service.js';
import { operator } from '../../src/core/actor.js';

const PERSON_ID = '11010519491231002X';
const N = 20;

/** The app listening on a free local port, and requests to it over HTTP. */
async function listening(app: FastifyInstance) {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...defaultHeadersFor(app, method, path), ...headers } };
    if (body !== undefined) {
      if (typeof body === 'string') init.body = body;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const res = await fetch(`${address}${path}`, init);
    const text = await res.text();
    let parsed: any = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, text, json: parsed };
  };
  return { address, send };
}

/** Runs `n` copies of `request` at once (all started before any is awaited). */
const together = <T>(n: number, request: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, (_, i) => request(i)));

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

forEachDialect('concurrency: case numbers', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  let send: Awaited<ReturnType<typeof listening>>['send'];

  before(async () => {
    ({ app, db, agencyId } = await caseTestApp(ctx, { now: '2025-11-18T02:00:00.000Z', agencyName: '某区司法局' }));
    ({ send } = await listening(app));
  });
  after(async () => app.close());

  const application = (i: number) => ({
    agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
    applicant: { name: `申请人${i}`, idNumber: PERSON_ID }, subject: `第${i}项信息`, formWanted: '电子邮件',
  });

  test(`${N} simultaneous applications (POST /api/applications) get ${N} distinct case numbers`, async () => {
    const results = await together(N, (i) => send('POST', '/api/applications', application(i)));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: N }, results.find((r) => r.status !== 201)?.text);
    const numbers = results.map((r) => r.json.caseNo as string);
    assert.equal(new Set(numbers).size, N);
    assert.deepEqual([...numbers].sort(), Array.from({ length: N }, (_, i) => `2025-${String(i + 1).padStart(4, '0')}`));
  });

  test(`${N} simultaneous online applications (POST /apply) all succeed, numbered on`, async () => {
    const form = (i: number) => new URLSearchParams({
      agencyId: String(agencyId), applicantType: '自然人', name: `网上申请人${i}`, idType: 'resident-id', idNumber: PERSON_ID,
      subject: `网上申请第${i}项`, formWanted: '电子邮件',
    }).toString();
    const results = await together(N, (i) => send('POST', '/apply', form(i), { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: N }, results.find((r) => r.status !== 201)?.text);
    const rows = await db.db.selectFrom('applications').select('case_no').where('agency_id', '=', agencyId).where('case_no', 'like', '2025-%').execute();
    assert.equal(rows.length, 2 * N);
    assert.equal(new Set(rows.map((r) => r.case_no)).size, 2 * N);
    assert.equal(Math.max(...rows.map((r) => Number(r.case_no.slice(5)))), 2 * N);
  });
});

const full2020 = (): InterchangeReport =>
  JSON.parse(readFileSync(new URL('../fixtures/full-2020.json', import.meta.url), 'utf8')) as InterchangeReport;

forEachDialect('concurrency: reports', (ctx) => {
  let t: TestApp;
  let send: Awaited<ReturnType<typeof listening>>['send'];
  before(async () => {
    t = await testApp(ctx);
    ({ send } = await listening(t.app));
  });
  after(async () => t.close());

  const createReport = async (year: number) => {
    const res = await send('POST', '/api/reports', { agencyId: t.bureauId, year });
    assert.equal(res.status, 201, res.text);
    return res.json as { id: number; version: number; document: InterchangeReport };
  };
  const events = async (id: number) => (await send('GET', `/api/reports/${id}/events`)).json as Array<{ type: string; old: any; new: any }>;

  test(`${N} simultaneous publications of one report: one 200, the rest 409, one "published" event`, async () => {
    const report = await createReport(2020);
    const saved = await send('PUT', `/api/reports/${report.id}`, { ...full2020(), baseVersion: 1 });
    assert.equal(saved.status, 200, saved.text);
    await approveReport(t.db.db, report.id);
    const results = await together(N, () => send('POST', `/api/reports/${report.id}/publish`));
    assert.deepEqual(tally(results.map((r) => r.status)), { 200: 1, 409: N - 1 }, results.find((r) => r.status >= 500)?.text);
    for (const r of results.filter((x) => x.status === 409)) {
      assert.equal(r.json.code, 'REPORT_PUBLISHED');
      assert.match(r.json.message, /^威海市环翠区行政审批服务局2020年度报告已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 发布，不能重复发布$/);
    }
    assert.equal((await events(report.id)).filter((e) => e.type === 'published').length, 1);
    // Checks and saves after publication change nothing either.
    const after = await together(4, (i) => (i % 2 ? send('POST', `/api/reports/${report.id}/check`) : send('PUT', `/api/reports/${report.id}`, { ...full2020(), baseVersion: 2 })));
    assert.deepEqual(after.map((r) => r.status), [409, 200, 409, 200]);
    const summary = (await send('GET', `/api/reports/${report.id}`)).json;
    assert.equal(summary.status, 'published');
    assert.equal(summary.version, 2);
  });

  test(`${N} simultaneous saves from the same version: one 200, the rest 409 STALE_VERSION naming what changed`, async () => {
    const report = await createReport(2021);
    const cells = report.document.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.table === '三').slice(0, N);
    const edited = (k: number) => {
      const doc = structuredClone(report.document);
      doc.cells[cells[k]!.i]!.value = k + 1;
      return { ...doc, baseVersion: report.version };
    };
    const results = await together(N, (k) => send('PUT', `/api/reports/${report.id}`, edited(k)));
    assert.deepEqual(tally(results.map((r) => r.status)), { 200: 1, 409: N - 1 }, results.find((r) => r.status >= 500)?.text);
    const winner = results.findIndex((r) => r.status === 200);
    const cell = cells[winner]!.c;
    for (const r of results.filter((x) => x.status === 409)) {
      assert.equal(r.json.code, 'STALE_VERSION');
      assert.match(r.json.message, /^保存未成功：您所编辑的是威海市环翠区行政审批服务局2021年度报告第 1 版，该报告已被他人更新至第 2 版（最近一次由 办公室王科长 于 .+ 保存），其间有 1 处内容被修改/);
      assert.deepEqual(r.json.problems, [{
        message: `表三 ${cell.row.join(' › ')} × ${cell.column.join(' › ')}：空白 → ${winner + 1}`,
        place: { cell: { table: '三', row: cell.row, column: cell.column } },
      }]);
    }
    const versions = (await send('GET', `/api/reports/${report.id}/versions`)).json as unknown[];
    assert.equal(versions.length, 2, 'exactly one save stored');
    assert.equal((await events(report.id)).filter((e) => e.type === 'updated').length, 1);

    // Saved again on the current version, it goes through.
    const again = await send('PUT', `/api/reports/${report.id}`, { ...edited((winner + 1) % N), baseVersion: 2 });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.version, 3);
  });

  test('a stale save lists changed fields and cells; a save without or with a bad baseVersion is a 400', async () => {
    const report = await createReport(2022);
    const doc = structuredClone(report.document);
    const i = doc.cells.findIndex((c) => c.table === '三');
    doc.cells[i]!.value = 7;
    doc.title = '新的标题';
    const v2 = await send('PUT', `/api/reports/${report.id}`, { ...doc, baseVersion: 1 });
    assert.equal(v2.status, 200, v2.text);
    const mine = structuredClone(report.document);
    mine.signature = '我的落款';
    const stale = await send('PUT', `/api/reports/${report.id}`, { ...mine, baseVersion: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.code, 'STALE_VERSION');
    const messages = (stale.json.problems as Array<{ message: string }>).map((p) => p.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /^标题：“.*” → “新的标题”$/);
    assert.match(messages[1]!, /^表三 .+ × .+：空白 → 7$/);
    const missing = await send('PUT', `/api/reports/${report.id}`, mine);
    assert.equal(missing.status, 400);
    assert.equal(missing.json.message, '请求体缺少 baseVersion（修改所依据的版本号，即读取报告时的 version）');
    const future = await send('PUT', `/api/reports/${report.id}`, { ...mine, baseVersion: 9 });
    assert.equal(future.status, 400);
    assert.match(future.json.message, /baseVersion（9）无效/);
    const text = await send('PUT', `/api/reports/${report.id}`, { ...mine, baseVersion: '2' });
    assert.equal(text.status, 400);
    assert.equal(((await send('GET', `/api/reports/${report.id}/versions`)).json as unknown[]).length, 2, 'nothing stored');
  });
});

/** A notice for 2027 (days off around 元旦 and 春节, one make-up Saturday). */
const DAYS_2027 = [
  { date: '2027-01-01', kind: 'off', name: '元旦' },
  { date: '2027-02-08', kind: 'off', name: '春节' },
  { date: '2027-02-09', kind: 'off', name: '春节' },
  { date: '2027-02-20', kind: 'work', name: '春节调休上班' },
];

forEachDialect('concurrency: calendar', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  let send: Awaited<ReturnType<typeof listening>>['send'];
  before(async () => {
    ({ app, db, agencyId } = await caseTestApp(ctx, { now: '2026-12-20T02:00:00.000Z', agencyName: '某区司法局' }));
    ({ send } = await listening(app));
  });
  after(async () => app.close());

  test('simultaneous entries of a year take turns: no 500, each event continues from the one before', async () => {
    // Open cases whose deadlines the entries recompute (one of them runs into 2027, pending until it is entered).
    for (const handedInOn of ['2026-12-01', '2026-12-18']) {
      const res = await send('POST', '/api/applications', {
        agencyId, channel: 'in-person', evidence: { handedInOn }, applicantType: '自然人',
        applicant: { name: '张三丰', idNumber: PERSON_ID }, subject: '某项信息', formWanted: '电子邮件',
      });
      assert.equal(res.status, 201, res.text);
    }
    const n = 8;
    const results = await together(n, (i) => send('PUT', '/api/calendar/2027', { source: `国办发明电〔2026〕${i + 1}号`, days: DAYS_2027.slice(0, 2 + (i % 3)) },
      { 'x-gongkai-user': encodeURIComponent(`管理员${i}`) }));
    assert.ok(results.every((r) => r.status === 200 || r.status === 409), results.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join('\n'));
    const ok = results.filter((r) => r.status === 200).length;
    assert.ok(ok >= 1);
    const events = (await calendarService(db.db).events(2027)).filter((e) => e.type === 'year-set') as Array<{ old: any; new: any }>;
    assert.equal(events.length, ok, 'one event per successful entry');
    assert.equal(events[0]!.old, null);
    for (let k = 1; k < events.length; k++) {
      assert.deepEqual({ source: events[k]!.old.source, days: events[k]!.old.days }, { source: events[k - 1]!.new.source, days: events[k - 1]!.new.days },
        'each entry replaced the one stored before it');
    }
    const stored = (await send('GET', '/api/calendar/2027')).json;
    assert.equal(stored.source, events.at(-1)!.new.source);
    assert.deepEqual(stored.days, events.at(-1)!.new.days);
  });
});

/** Every route with an id in its path (GET unless said), as the id is written into it. */
const ID_ROUTES: Array<[string, (id: string) => string]> = [
  ['GET', (id) => `/api/agencies/${id}`],
  ['GET', (id) => `/api/agencies/${id}/application-tables?year=2025`],
  ['GET', (id) => `/api/agencies/${id}/application-tables/cases?year=2025&cell=三:r1:natural`],
  ['POST', (id) => `/api/reports/${id}/fill-from-cases`],
  ['GET', (id) => `/api/reports/${id}`],
  ['PUT', (id) => `/api/reports/${id}`],
  ['POST', (id) => `/api/reports/${id}/check`],
  ['POST', (id) => `/api/reports/${id}/publish`],
  ['GET', (id) => `/api/reports/${id}/versions`],
  ['GET', (id) => `/api/reports/${id}/versions/${id}`],
  ['GET', (id) => `/api/reports/1/versions/${id}`],
  ['GET', (id) => `/api/reports/${id}/events`],
  ['GET', (id) => `/api/reports/${id}/download.pdf`],
  ['GET', (id) => `/api/applications/${id}`],
  ['GET', (id) => `/api/applications/${id}/events`],
  ['POST', (id) => `/api/applications/${id}/events`],
  ['POST', (id) => `/api/applications/${id}/assign`],
  ['POST', (id) => `/api/applications/${id}/remedies`],
  ['POST', (id) => `/api/applications/${id}/remedies/${id}/result`],
  ['POST', (id) => `/api/applications/1/remedies/${id}/result`],
  ['GET', (id) => `/api/applications/${id}/letter.pdf`],
  ['GET', (id) => `/api/applications/${id}/fee-notice.docx`],
  ['GET', (id) => `/agencies/${id}`],
  ['GET', (id) => `/reports/${id}`],
  ['GET', (id) => `/reports/${id}/download.html`],
  ['GET', (id) => `/api/applications?agencyId=${id}`],
  ['GET', (id) => `/api/applications/warnings?agencyId=${id}`],
  ['GET', (id) => `/api/reports?agencyId=${id}`],
  ['GET', (id) => `/api/reports?year=${id}`],
];

forEachDialect('ids too large for the column', (ctx) => {
  let t: TestApp;
  before(async () => {
    t = await testApp(ctx, { demo: true });
  });
  after(async () => t.close());

  for (const id of ['99999999999999999999', '9007199254740993', '2147483648', '2147483647']) {
    test(`${id}: every id route answers 400 or 404 (never 500)`, async () => {
      const wrong: string[] = [];
      for (const [method, url] of ID_ROUTES) {
        const res = await t.app.inject({
          method: method as 'GET', url: url(id),
          ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }),
        });
        const ok = res.statusCode === 400 || res.statusCode === 404 || (res.statusCode === 200 && url(id).includes('?'));
        if (!ok) wrong.push(`${method} ${url(id)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('a too large id gets a Chinese message naming the limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/99999999999999999999' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(JSON.parse(res.body), {
      code: 'VALIDATION_FAILED', message: '路径参数“id”不得大于 2147483647', problems: [{ message: '路径参数“id”不得大于 2147483647', place: { field: 'id' } }],
    });
  });
});

forEachDialect('a dropped PostgreSQL connection', (ctx) => {
  test('does not crash the process; the next requests reconnect and succeed', { skip: ctx.dialect !== 'postgres' ? 'PostgreSQL only' : false }, async () => {
    // The app on its own pool to a fresh database, with the dropped connections collected instead of logged.
    const fresh = await ctx.fresh();
    const { name } = (await sql<{ name: string }>`select current_database() as name`.execute(fresh.db)).rows[0]!;
    const url = new URL(process.env.GONGKAI_TEST_PG || 'postgresql:///postgres');
    url.pathname = `/${name}`;
    const dropped: string[] = [];
    const db = await openPostgres(url.toString(), { max: 4, onConnectionError: (message, error) => dropped.push(`${message}：${error.message}`) });
    const app = await buildApp({ db, clock: steppingClock('2024-03-01T08:00:00.000Z'), pii: testPii });
    try {
      const root = await agencyService(db.db, steppingClock('2024-03-01T07:00:00.000Z')).create({ name: '某市人民政府', kind: 'government' }, operator('测试准备'));
      await signInByDefault(app, db.db, [root.id]);
      const { send } = await listening(app);
      const agency = await send('POST', '/api/agencies', { name: '某区人民政府', kind: 'government', parentId: root.id });
      assert.equal(agency.status, 201, agency.text);
      // Several requests at once, so the pool holds several idle connections afterwards.
      const warm = await together(8, () => send('GET', '/api/agencies'));
      assert.ok(warm.every((r) => r.status === 200));
      const admin = await ctx.fresh({ migrate: false });
      const backends = async () => Number((await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = ${name}`.execute(admin.db)).rows[0]!.n);
      const before = await backends();
      assert.ok(before >= 2, `the pool holds ${before} connections`);
      // The server ends every session of the app's database (as an idle timeout or a restart would).
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`.execute(admin.db);
      for (let i = 0; i < 100 && (await backends()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 100 && dropped.length < before; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(dropped.length >= 1, 'the dropped connections are logged');
      assert.match(dropped[0]!, /^PostgreSQL 连接已断开，将重新连接/);
      // The process is alive and the next requests get new connections.
      const after = await together(4, () => send('GET', '/api/agencies'));
      assert.deepEqual(after.map((r) => r.status), [200, 200, 200, 200]);
      const created = await send('POST', '/api/agencies', { name: '某区司法局', kind: 'department', parentId: agency.json.id });
      assert.equal(created.status, 201, created.text);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
