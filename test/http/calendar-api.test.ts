/**
 * The calendar API end to end on SQLite and PostgreSQL: covered years with their source, a year's days
 * off and make-up working days, the deadline vectors of the spec with their explanation, a date beyond
 * the calendar refused with a clear 400, and an administrator entering a year's notice: the deadline
 * arithmetic reflects it and the stored deadlines of open cases are recomputed in the same transaction.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import { forEachDialect } from '../db-helpers.js';
import { caseTestApp, json, sendJson } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const ADMIN = {};

interface Day { date: string; kind: 'off' | 'work'; name: string }

/** A 2027 arrangement as a notice would give it (days off around 元旦 and 春节, one make-up Saturday). */
const DAYS_2027: Day[] = [
  { date: '2027-01-01', kind: 'off', name: '元旦' },
  { date: '2027-01-02', kind: 'off', name: '元旦' },
  { date: '2027-01-03', kind: 'off', name: '元旦' },
  { date: '2027-02-05', kind: 'off', name: '春节' },
  { date: '2027-02-08', kind: 'off', name: '春节' },
  { date: '2027-02-09', kind: 'off', name: '春节' },
  { date: '2027-02-10', kind: 'off', name: '春节' },
  { date: '2027-02-11', kind: 'off', name: '春节' },
  { date: '2027-02-20', kind: 'work', name: '春节调休上班' },
];

forEachDialect('calendar API', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;

  before(async () => {
    ({ app, db, agencyId } = await caseTestApp(ctx, { now: '2026-01-05T02:00:00.000Z', agencyName: '某区司法局' }));
  });
  after(async () => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url });
  const deadline = (from: string, n: number, explain = false) =>
    get(`/api/calendar/deadline?from=${from}&workingDays=${n}${explain ? '&explain=true' : ''}`);
  const calendarEvents = async () => Number((await db.db.selectFrom('calendar_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const receive = async (handedInOn: string) => {
    const res = await sendJson(app, 'POST', '/api/applications', {
      agencyId, channel: 'in-person', evidence: { handedInOn }, applicantType: '自然人',
      applicant: { name: '张三丰', idNumber: PERSON_ID }, subject: '2024年度行政许可事项清单', formWanted: '电子邮件',
    }, ADMIN);
    assert.equal(res.statusCode, 201, res.body);
    return json(res);
  };

  test('lists the covered years with their source', async () => {
    const res = await get('/api/calendar/years');
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.deepEqual(body.coveredYears, { from: 2019, to: 2026 });
    assert.deepEqual(body.years.map((y: { year: number }) => y.year), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of body.years) {
      assert.match(y.source, /chinese-days/);
      assert.ok(y.offDays > 0 && y.workDays > 0, `${y.year} has days off and make-up days`);
    }
  });

  test('gives a year\'s days off and make-up working days', async () => {
    const res = await get('/api/calendar/2026');
    assert.equal(res.statusCode, 200, res.body);
    const { year, days } = json<{ year: number; days: Day[] }>(res);
    assert.equal(year, 2026);
    const work = days.filter((d) => d.kind === 'work').map((d) => d.date);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) assert.ok(work.includes(d), `${d} 调休上班`);
    assert.ok(days.some((d) => d.date === '2026-10-01' && d.kind === 'off' && /国庆/.test(d.name)));

    const uncovered = await get('/api/calendar/2031');
    assert.equal(uncovered.statusCode, 400);
    assert.match(json(uncovered).message, /日历未覆盖 2031 年/);
    const bad = await get('/api/calendar/abc');
    assert.equal(bad.statusCode, 400);
    assert.match(json(bad).message, /year/);
  });

  test('computes the spec vectors, the day of receipt not counted', async () => {
    const vectors: Array<[string, number, string]> = [
      ['2025-09-26', 7, '2025-10-13'], ['2025-09-26', 20, '2025-10-30'], ['2026-02-10', 20, '2026-03-16'],
      ['2026-02-10', 40, '2026-04-14'], ['2024-12-20', 20, '2025-01-20'], ['2026-09-18', 20, '2026-10-22'],
    ];
    for (const [from, n, expected] of vectors) {
      const res = await deadline(from, n);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(json(res), { from, workingDays: n, deadline: expected });
    }
  });

  test('explains the days skipped and why', async () => {
    const res = await deadline('2025-09-26', 20, true);
    assert.equal(res.statusCode, 200, res.body);
    const body = json<{ deadline: string; explain: Array<{ date: string; counted: boolean; reason: string }> }>(res);
    assert.equal(body.deadline, '2025-10-30');
    assert.equal(body.explain[0]!.date, '2025-09-27', 'counting starts the day after receipt');
    assert.equal(body.explain.at(-1)!.date, '2025-10-30');
    assert.equal(body.explain.filter((d) => d.counted).length, 20);
    const byDate = new Map(body.explain.map((d) => [d.date, d]));
    assert.deepEqual(byDate.get('2025-09-28'), { date: '2025-09-28', counted: true, reason: byDate.get('2025-09-28')!.reason });
    assert.match(byDate.get('2025-09-28')!.reason, /调休上班/);
    assert.equal(byDate.get('2025-10-01')!.counted, false);
    assert.match(byDate.get('2025-10-01')!.reason, /国庆/);
    assert.deepEqual(byDate.get('2025-09-27'), { date: '2025-09-27', counted: false, reason: '周六' });
  });

  test('refuses a date beyond the calendar and bad input with a clear 400', async () => {
    const beyond = await deadline('2031-03-02', 20);
    assert.equal(beyond.statusCode, 400);
    assert.match(json(beyond).message, /日历未覆盖 2031 年/);
    assert.match(json(beyond).problems[0].message, /2019 年至 2026 年/);
    const runsOut = await deadline('2026-12-20', 20);
    assert.equal(runsOut.statusCode, 400, 'the count runs into 2027, not covered');
    assert.match(json(runsOut).message, /日历未覆盖 2027 年/);
    const cases: Array<[string, RegExp]> = [
      ['/api/calendar/deadline?from=2025-02-30&workingDays=20', /日期/],
      ['/api/calendar/deadline?from=20250926&workingDays=20', /from/],
      ['/api/calendar/deadline?from=2025-09-26&workingDays=-1', /workingDays/],
      ['/api/calendar/deadline?from=2025-09-26&workingDays=abc', /workingDays/],
      ['/api/calendar/deadline?from=2025-09-26', /workingDays/],
    ];
    for (const [url, re] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.match(json(res).message, re);
      assert.match(json(res).message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
    }
  });

  test('refuses a bad notice with a clear 400 and changes nothing', async () => {
    const n = await calendarEvents();
    const refused: Array<[number, unknown, RegExp]> = [
      [2027, { days: [{ date: '2027-01-04', kind: 'work', name: '调休' }] }, /本即工作日/],
      [2027, { year: 2028, days: DAYS_2027 }, /不一致/],
      [2027, { days: DAYS_2027, note: 'x' }, /不允许的字段/],
      [2027, { days: [{ date: '2026-06-01', kind: 'off', name: '儿童节' }] }, /不属于 2027 年/],
      [2029, { days: [{ date: '2029-01-01', kind: 'off', name: '元旦' }] }, /不相连/],
      [2027, { source: '通知' }, /days/],
      [2027, { days: 'none' }, /日期列表/],
    ];
    for (const [year, body, re] of refused) {
      const res = await sendJson(app, 'PUT', `/api/calendar/${year}`, body, ADMIN);
      assert.equal(res.statusCode, 400, res.body);
      // The message says what is wrong; each problem names its place (days[0] …).
      const { message, problems = [] } = json<{ message: string; problems?: Array<{ message: string }> }>(res);
      assert.match([message, ...problems.map((p) => p.message)].join('\n'), re);
    }
    assert.equal(await calendarEvents(), n);
    assert.deepEqual(json(await get('/api/calendar/years')).coveredYears, { from: 2019, to: 2026 });
  });

  test('enters a new year: the deadline arithmetic reflects it', async () => {
    assert.equal((await deadline('2027-02-04', 1)).statusCode, 400);
    const res = await sendJson(app, 'PUT', '/api/calendar/2027', { year: 2027, source: '国办发明电〔2026〕1号', days: DAYS_2027 }, ADMIN);
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.equal(body.year, 2027);
    assert.equal(body.source, '国办发明电〔2026〕1号');
    assert.equal(body.days.length, DAYS_2027.length);
    assert.deepEqual(body.recomputed, { checked: 0, changed: 0, failures: [] });
    assert.deepEqual(json(await get('/api/calendar/years')).coveredYears, { from: 2019, to: 2027 });
    // Thu 2027-02-04 + 1: Fri 02-05 is a day off, Mon–Thu 02-08…11 too → Fri 2027-02-12.
    assert.equal(json(await deadline('2027-02-04', 1)).deadline, '2027-02-12');
    // The make-up Saturday counts: Fri 02-19 + 1 → Sat 02-20.
    assert.equal(json(await deadline('2027-02-19', 1)).deadline, '2027-02-20');
    assert.equal((await deadline('2026-12-20', 20)).statusCode, 200);
  });

  test('correcting a year recomputes the stored deadlines of open cases, each with an event', async () => {
    const open = await receive('2025-12-22');
    const unaffected = await receive('2025-11-03');
    const closed = await receive('2025-12-23');
    const decided = await sendJson(app, 'POST', `/api/applications/${closed.id}/events`,
      { type: 'decided', date: '2026-01-05', decision: 'does-not-exist' }, ADMIN);
    assert.equal(decided.statusCode, 200, decided.body);
    // 2025-12-22 + 20 working days: 元旦 2026-01-01…03 off, Sun 2026-01-04 a make-up working day.
    assert.equal(open.dueOn, '2026-01-20');
    assert.equal(json(await deadline('2025-12-31', 1)).deadline, '2026-01-04');

    // The office corrects 2026: the notice as stored, without the make-up Sunday.
    const days = json<{ days: Day[] }>(await get('/api/calendar/2026')).days.filter((d) => d.date !== '2026-01-04');
    const res = await sendJson(app, 'PUT', '/api/calendar/2026', { days }, ADMIN);
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.deepEqual(body.recomputed, { checked: 2, changed: 1, failures: [] });
    assert.match(body.source, /系统管理员/);
    assert.equal(json(await deadline('2025-12-31', 1)).deadline, '2026-01-05');

    const after = json(await get(`/api/applications/${open.id}`));
    assert.equal(after.dueOn, '2026-01-21');
    const events = json<Array<{ type: string; actor: string; old: { due_on?: string; dueOn?: string }; new: unknown }>>(await get(`/api/applications/${open.id}/events`));
    const recomputed = events.filter((e) => e.type === 'deadline-recomputed');
    assert.equal(recomputed.length, 1);
    assert.equal(recomputed[0]!.actor, '系统管理员');
    assert.equal(json(await get(`/api/applications/${unaffected.id}`)).dueOn, unaffected.dueOn);
    assert.equal(json<Array<{ type: string }>>(await get(`/api/applications/${closed.id}/events`)).filter((e) => e.type === 'deadline-recomputed').length, 0);
  });
});
