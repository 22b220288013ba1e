/**
 * The statistics API end to end on SQLite and PostgreSQL: cases registered through the application API
 * give exact figures in tables 三 and 四 (as of 31 December and as of an earlier day), the drill-down
 * lists exactly the counted cases with no personal data, fill-from-cases stores the figures as a new
 * report version, and unknown agencies, bad years, bad cell keys and published reports are refused.
 */
import { operator } from '../../src/core/actor.js';
import assert from 'node:assert/strict';
import { before, after, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { agencyService } from '../../src/agencies/agency.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { steppingClock } from '../../src/core/clock.js';
import type { Db } from '../../src/db/database.js';
import { DEMO_BUREAU, ensureDemoData } from '../../src/demo/seed-demo.js';
import { buildApp } from '../../src/http/app.js';
import { signInByDefault } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { testPii } from '../pii-helpers.js';
import { json, sendJson, storedCounts } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const COMPANY_ID = '91350100M000100Y43';
const USER = {};

interface Cell { key: string; table: string; row: string[]; column: string[]; value: number }

forEachDialect('statistics API', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  const caseNos: Record<string, string> = {};

  before(async () => {
    db = await ctx.fresh();
    const clock = steppingClock('2026-02-02T02:00:00.000Z');
    await ensureDemoData(db.db, clock); // the bureau's published 2019 report
    agencyId = (await agencyService(db.db, clock).create({ name: '某区司法局', kind: 'department' }, operator('test'))).id;
    await calendarService(db.db, clock).seedIfEmpty(operator('system'));
    app = await buildApp({ db, clock, pii: testPii });
    await signInByDefault(app, db.db, (await agencyService(db.db).list()).filter((a) => a.parentId === null).map((a) => a.id));
  });
  after(async () => app.close());

  const receive = async (handedInOn: string, over: Record<string, unknown> = {}) => {
    const res = await sendJson(app, 'POST', '/api/applications', {
      agencyId, channel: 'in-person', evidence: { handedInOn }, applicantType: '自然人',
      applicant: { name: '张三丰', idNumber: PERSON_ID, phone: '13812345678' },
      subject: '行政许可事项清单', formWanted: '电子邮件', ...over,
    }, USER);
    assert.equal(res.statusCode, 201, res.body);
    return json<{ id: number; caseNo: string }>(res);
  };
  const decide = async (id: number, date: string, decision: string) => {
    const res = await sendJson(app, 'POST', `/api/applications/${id}/events`, { type: 'decided', date, decision, particulars: '以电子邮件发送' }, USER);
    assert.equal(res.statusCode, 200, res.body);
  };
  const get = (url: string) => app.inject({ method: 'GET', url });
  const tables = async (query = '') => {
    const res = await get(`/api/agencies/${agencyId}/application-tables?year=2025${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return json<{ agencyId: number; agencyName: string; year: number; format: string; asOf: string; cells: Cell[] }>(res);
  };
  const byKey = (cells: Cell[]) => Object.fromEntries(cells.map((c) => [c.key, c.value]));

  test('tables 三 and 四 from cases registered through the API, with labels in reading order', async () => {
    // Carried in from 2024, decided in 2025: 部分公开.
    const carried = await receive('2024-12-20');
    await decide(carried.id, '2025-01-10', 'partially-disclosed');
    // Received and decided in 2025.
    const first = await receive('2025-03-03');
    await decide(first.id, '2025-03-20', 'disclosed');
    const missing = await receive('2025-04-01');
    await decide(missing.id, '2025-04-10', 'does-not-exist');
    const company = await receive('2025-05-06', { applicantType: '商业企业', applicant: { name: '某某科技有限公司', idType: 'uscc', idNumber: COMPANY_ID } });
    await decide(company.id, '2025-05-20', 'disclosed');
    // Received late in 2025, decided in 2026: carried over.
    const late = await receive('2025-12-22');
    await decide(late.id, '2026-01-12', 'disclosed');
    Object.assign(caseNos, { carried: carried.caseNo, first: first.caseNo, missing: missing.caseNo, company: company.caseNo, late: late.caseNo });
    // Remedies on the 不掌握 case: a reconsideration upheld in 2025 and a direct lawsuit still pending.
    const rc = await sendJson(app, 'POST', `/api/applications/${missing.id}/remedies`,
      { kind: 'reconsideration', filedOn: '2025-06-02', result: 'upheld', decidedOn: '2025-07-01' }, USER);
    assert.equal(rc.statusCode, 201, rc.body);
    const suit = await sendJson(app, 'POST', `/api/applications/${missing.id}/remedies`, { kind: 'lawsuit', filedOn: '2025-12-01' }, USER);
    assert.equal(suit.statusCode, 201, suit.body);

    const t = await tables();
    assert.deepEqual([t.agencyId, t.agencyName, t.year, t.format, t.asOf], [agencyId, '某区司法局', 2025, '2021', '2025-12-31']);
    const cells = byKey(t.cells);
    assert.equal(cells['三:received:total'], 4);
    assert.equal(cells['三:received:natural'], 3);
    assert.equal(cells['三:received:commercial'], 1);
    assert.equal(cells['三:carried-in:total'], 1);
    assert.equal(cells['三:r1:natural'], 1);
    assert.equal(cells['三:r1:commercial'], 1);
    assert.equal(cells['三:r1:total'], 2);
    assert.equal(cells['三:r2:natural'], 1);
    assert.equal(cells['三:r4-1:total'], 1);
    assert.equal(cells['三:r7:total'], 4);
    assert.equal(cells['三:carried-out:total'], 1);
    assert.equal(cells['三:carried-out:natural'], 1);
    assert.equal(cells['四:all:reconsideration.upheld'], 1);
    assert.equal(cells['四:all:reconsideration.total'], 1);
    assert.equal(cells['四:all:direct.pending'], 1);
    assert.equal(cells['四:all:direct.total'], 1);
    assert.equal(cells['四:all:after.total'], 0);
    // Only tables 三 and 四, in reading order, with the official labels.
    assert.ok(t.cells.every((c) => c.table === '三' || c.table === '四'));
    assert.equal(t.cells.filter((c) => c.table === '四').length, 15);
    assert.deepEqual(t.cells.slice(0, 2).map((c) => c.key), ['三:received:natural', '三:received:commercial']);
    assert.equal(t.cells.at(-1)!.key, '四:all:after.total');
    const r1 = t.cells.find((c) => c.key === '三:r1:commercial')!;
    assert.deepEqual(r1.row, ['三、本年度办理结果', '（一）予以公开']);
    assert.deepEqual(r1.column, ['法人或其他组织', '商业企业']);
    assert.deepEqual(t.cells.find((c) => c.key === '四:all:direct.pending')!.column, ['行政诉讼', '未经复议直接起诉', '尚未审结']);

    // As of 31 March: the April and later cases, and the remedies, do not count yet.
    const march = byKey((await tables('&asOf=2025-03-31')).cells);
    assert.equal(march['三:received:total'], 1);
    assert.equal(march['三:r7:total'], 2);
    assert.equal(march['三:carried-out:total'], 0);
    assert.equal(march['四:all:reconsideration.total'], 0);

    // The 2019 format folds （六）1–3 into （六）: the same totals.
    const old = await tables('&format=2019');
    assert.equal(old.format, '2019');
    assert.equal(byKey(old.cells)['三:r7:total'], 4);
  });

  test('the drill-down lists exactly the counted cases, without personal data', async () => {
    const cases = async (cell: string, query = '') => {
      const res = await get(`/api/agencies/${agencyId}/application-tables/cases?year=2025&cell=${encodeURIComponent(cell)}${query}`);
      assert.equal(res.statusCode, 200, res.body);
      for (const secret of [PERSON_ID, COMPANY_ID, '张三丰', '13812345678']) assert.ok(!res.body.includes(secret), secret);
      return json<{ cell: Omit<Cell, 'value'>; value: number; cases: Array<{ applicationId: number; caseNo: string; remedyId: number | null }> }>(res);
    };
    const r1 = await cases('三:r1:total');
    assert.deepEqual(r1.cell, { key: '三:r1:total', table: '三', row: ['三、本年度办理结果', '（一）予以公开'], column: ['总计'] });
    assert.equal(r1.value, 2);
    assert.deepEqual(r1.cases.map((c) => c.caseNo).sort(), [caseNos.first, caseNos.company].sort());
    const received = await cases('三:received:natural');
    assert.deepEqual(received.cases.map((c) => c.caseNo).sort(), [caseNos.first, caseNos.missing, caseNos.late].sort());
    assert.deepEqual((await cases('三:carried-out:total')).cases.map((c) => c.caseNo), [caseNos.late]);
    assert.deepEqual((await cases('三:r7:total')).cases.map((c) => c.caseNo).sort(),
      [caseNos.carried, caseNos.first, caseNos.missing, caseNos.company].sort());
    const remedies = await cases('四:all:reconsideration.total');
    assert.equal(remedies.value, 1);
    assert.equal(remedies.cases[0]!.caseNo, caseNos.missing);
    assert.equal(typeof remedies.cases[0]!.remedyId, 'number');
    // Each entry names the case's receipt date and current state (for the drill-down list), nothing personal.
    const entry = received.cases.find((c) => c.caseNo === caseNos.late) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(entry).sort(), ['applicationId', 'caseNo', 'receivedOn', 'remedyId', 'state', 'stateName']);
    assert.match(String(entry.receivedOn), /^2025-\d{2}-\d{2}$/);
    assert.equal(entry.stateName, '已答复'); // its state now (decided in 2026), not as of the year's end
    // Each cell's list is as long as its figure.
    const t = byKey((await tables()).cells);
    for (const key of ['三:received:total', '三:r2:total', '三:r4-1:natural', '四:all:direct.total', '四:all:after.total']) {
      assert.equal((await cases(key)).cases.length, t[key], key);
    }
  });

  test('fill-from-cases stores the figures as a new version of the draft report', async () => {
    const created = await sendJson(app, 'POST', '/api/reports', { agencyId, year: 2025 }, USER);
    assert.equal(created.statusCode, 201, created.body);
    const report = json<{ id: number; version: number }>(created);
    const filled = await sendJson(app, 'POST', `/api/reports/${report.id}/fill-from-cases`, undefined, USER);
    assert.equal(filled.statusCode, 200, filled.body);
    assert.equal(json(filled).version, report.version + 1);

    const got = json<{ version: number; document: { cells: Array<{ table: string; row: string[]; column: string[]; value: unknown }> } }>(
      await get(`/api/reports/${report.id}`));
    assert.equal(got.version, report.version + 1);
    const value = (table: string, row: string[], column: string[]) =>
      got.document.cells.find((c) => c.table === table && c.row.join('|') === row.join('|') && c.column.join('|') === column.join('|'))?.value;
    assert.equal(value('三', ['一、本年新收政府信息公开申请数量'], ['总计']), 4);
    assert.equal(value('三', ['三、本年度办理结果', '（一）予以公开'], ['自然人']), 1);
    assert.equal(value('三', ['三、本年度办理结果', '（七）总计'], ['总计']), 4);
    assert.equal(value('三', ['四、结转下年度继续办理'], ['总计']), 1);
    assert.equal(value('四', [], ['行政复议', '总计']), 1);
    // Table 二 is left as it was: blank.
    assert.ok(got.document.cells.filter((c) => c.table === '二').every((c) => c.value === null));
    const versions = json<Array<{ version: number; actor: string; note: string | null }>>(await get(`/api/reports/${report.id}/versions`));
    assert.equal(versions.at(-1)!.actor, '办公室王科长');
    assert.match(versions.at(-1)!.note ?? '', /截至 2025-12-31/);

    // With an earlier day: another version with the figures as of then.
    const march = await sendJson(app, 'POST', `/api/reports/${report.id}/fill-from-cases`, { asOf: '2025-03-31' }, USER);
    assert.equal(march.statusCode, 200, march.body);
    const doc = json<{ version: number; document: { cells: Array<{ table: string; row: string[]; column: string[]; value: unknown }> } }>(march);
    assert.equal(doc.version, report.version + 2);
    assert.equal(doc.document.cells.find((c) => c.table === '三' && c.row[0] === '一、本年新收政府信息公开申请数量' && c.column[0] === '总计')?.value, 1);
  });

  test('unknown agency 404, bad year or day 400, unknown cell 400, published report 409 and nothing stored', async () => {
    const notFound = await get('/api/agencies/999999/application-tables?year=2025');
    assert.equal(notFound.statusCode, 404, notFound.body);
    assert.match(json(notFound).message, /未找到机关/);
    assert.equal((await get('/api/agencies/999999/application-tables/cases?year=2025&cell=三:r1:natural')).statusCode, 404);

    for (const query of ['year=1990', 'year=abc', 'year=2025&asOf=2024-12-31', 'year=2025&asOf=2025-02-30', 'year=2025&format=2030', '']) {
      const res = await get(`/api/agencies/${agencyId}/application-tables?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.match(json(res).message, /[\u4e00-\u9fff]/);
    }
    const badDay = json(await get(`/api/agencies/${agencyId}/application-tables?year=2025&asOf=2024-12-31`));
    assert.match(badDay.message, /统计截止日期“2024-12-31”无效/);

    for (const cell of ['三:r9:natural', '二:fees:fee-amount', 'nonsense']) {
      const res = await get(`/api/agencies/${agencyId}/application-tables/cases?year=2025&cell=${encodeURIComponent(cell)}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(json(res).message, `单元格“${cell}”不是 2021 年格式表三或表四的单元格`);
    }
    // （六）1 exists in the 2021 format only.
    const r61 = await get(`/api/agencies/${agencyId}/application-tables/cases?year=2025&format=2019&cell=${encodeURIComponent('三:r6-1:total')}`);
    assert.equal(r61.statusCode, 400);

    const before = await storedCounts(db);
    const bureau = (await agencyService(db.db).list()).find((a) => a.name === DEMO_BUREAU)!;
    const published = json<Array<{ id: number; status: string }>>(await get(`/api/reports?agencyId=${bureau.id}`)).find((r) => r.status === 'published')!;
    const refused = await sendJson(app, 'POST', `/api/reports/${published.id}/fill-from-cases`, {}, USER);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(json(refused).message, /已发布，不能修改/);
    assert.equal((await sendJson(app, 'POST', '/api/reports/999999/fill-from-cases', {}, USER)).statusCode, 404);
    const draft = json<Array<{ id: number }>>(await get(`/api/reports?agencyId=${agencyId}`))[0]!;
    const badAsOf = await sendJson(app, 'POST', `/api/reports/${draft.id}/fill-from-cases`, { asOf: '2026-01-05' }, USER);
    assert.equal(badAsOf.statusCode, 400, badAsOf.body);
    assert.deepEqual(await storedCounts(db), before);
  });

  test('the three routes are documented in OpenAPI under 统计', async () => {
    const spec = json(await get('/docs/json'));
    for (const [path, method] of [['/api/agencies/{id}/application-tables', 'get'], ['/api/agencies/{id}/application-tables/cases', 'get'],
      ['/api/reports/{id}/fill-from-cases', 'post']] as const) {
      assert.deepEqual(spec.paths[path]?.[method]?.tags, ['统计'], path);
    }
  });
});
