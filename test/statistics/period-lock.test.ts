/**
 * The period lock, on every database: a report filled from the cases and published locks its year; a
 * change to a case that would alter one of its table 三/四 cells is refused (PERIOD_LOCKED, naming the
 * cells, nothing stored), a change that leaves them as they are goes through, and an override with
 * approver and reason is recorded as an event of the case and of the report.
 */
import { operator } from '../../src/core/actor.js';
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { agencyService } from '../../src/agencies/agency.service.js';
import { applicationService, type ReceiveInput } from '../../src/applications/application.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import type { WorkCalendar } from '../../src/core/calendar/work-calendar.js';
import { steppingClock } from '../../src/core/clock.js';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import type { Database } from '../../src/db/schema.js';
import { withPeriodLock } from '../../src/reports/period-lock.js';
import { reportService } from '../../src/reports/report.service.js';
import { eachCallInTransaction, forEachDialect } from '../db-helpers.js';
import { approveReport } from '../report-chain-helpers.js';
import { testPii } from '../pii-helpers.js';

const clock = steppingClock('2026-02-20T02:00:00.000Z');
const person = (agencyId: number, day: string): ReceiveInput => ({
  agencyId, channel: 'in-person', evidence: { handedInOn: day }, applicantType: '自然人',
  applicant: { name: '李四', idNumber: '11010519491231002X' }, subject: '某项政府信息', formWanted: '电子邮件',
});
const OVERRIDE = { approver: '办公室主任赵某', reason: '补录 2025 年 11 月漏登的申请' };
const locked = (e: unknown) => e instanceof ConflictError && e.code === 'PERIOD_LOCKED';

forEachDialect('period lock of published reports', (ctx) => {
  let agencyId: number;
  let cal: WorkCalendar;
  let openCase: number;
  let reportId: number;
  /** The service in a transaction, as the edge runs it: a refusal rolls everything back. */
  const inTrx = <T>(work: (svc: ReturnType<typeof applicationService>, trx: Kysely<Database>) => Promise<T>) =>
    ctx.db.transaction().execute((trx) => work(applicationService(trx, clock, cal, testPii), trx));
  const eventCount = async (table: 'application_events' | 'report_events') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    agencyId = (await agencyService(ctx.db, clock).create({ name: '某县自然资源局', kind: 'department' }, operator('test'))).id;
    await calendarService(ctx.db, clock).seedIfEmpty(operator('system'));
    cal = await calendarService(ctx.db, clock).load();
    const svc = eachCallInTransaction(ctx.db, (trx) => applicationService(trx, clock, cal, testPii));
    const decided = await svc.receive(person(agencyId, '2025-03-03'), operator('公开办'));
    await svc.recordEvent(decided.id, { type: 'decided', date: '2025-03-20', decision: 'disclosed', particulars: '通过电子邮件提供' }, operator('公开办'));
    openCase = (await svc.receive(person(agencyId, '2025-12-22'), operator('公开办'))).id;

    const reports = reportService(ctx.db, clock);
    const draft = await reports.create({ agencyId, year: 2025 }, operator('test'));
    const { report, tables } = await reports.fillFromCases(draft.id, operator('test'));
    assert.equal(tables.cells['三:received:total'], 2);
    assert.equal(tables.cells['三:r1:natural'], 1);
    assert.equal(tables.cells['三:carried-out:natural'], 1);
    assert.equal(report.document.cells['三:carried-out:total'], 2 - 1);
    await reports.update(report.id, { ...report.document, issuedOn: '2026-01-20' }, operator('test'));
    await approveReport(ctx.db, report.id);
    // Publishing indexes the report for search in the same transaction: the edge opens it.
    reportId = (await ctx.db.transaction().execute((trx) => reportService(trx, clock).publish(report.id, operator('test')))).id;
  });

  it('refuses a decision dated within the published year, naming the cells; nothing stored', async () => {
    const events = await eventCount('application_events');
    await assert.rejects(inTrx((svc) => svc.recordEvent(openCase, { type: 'decided', date: '2025-12-30', decision: 'disclosed', particulars: '当场提供' }, operator('公开办'))),
      (e: unknown) => {
        assert.ok(locked(e), String(e));
        const err = e as ConflictError;
        assert.match(err.message, /某县自然资源局2025年度报告已发布/);
        const problems = err.details.problems!.map((p) => p.message);
        assert.ok(problems.includes('2025年度报告 表三 三、本年度办理结果 › （一）予以公开 × 自然人：0 → 1'), problems.join('\n'));
        assert.ok(problems.some((m) => /四、结转下年度继续办理 × 总计：1 → 0/.test(m)), problems.join('\n'));
        return true;
      });
    const row = await ctx.db.selectFrom('applications').select(['state', 'decided_on']).where('id', '=', openCase).executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'received', decided_on: null });
    assert.equal(await eventCount('application_events'), events);
  });

  it('lets a decision dated after the year through: the published cells stay as they are', async () => {
    const after = await inTrx((svc) => svc.recordEvent(openCase, { type: 'decided', date: '2026-01-15', decision: 'disclosed', particulars: '邮寄提供' }, operator('公开办')));
    assert.equal(after.state, 'decided');
  });

  it('refuses a late registration within the year and a remedy filed in it, unless overridden', async () => {
    await assert.rejects(inTrx((svc) => svc.receive(person(agencyId, '2025-11-03'), operator('公开办'))), locked);
    await assert.rejects(inTrx((svc) => svc.addRemedy(openCase, { kind: 'reconsideration', filedOn: '2025-12-31' }, operator('公开办'))), locked);
    // A remedy filed in 2026 does not touch 2025's table 四.
    const remedy = await inTrx((svc) => svc.addRemedy(openCase, { kind: 'reconsideration', filedOn: '2026-02-02' }, operator('公开办')));
    assert.equal(remedy.result, 'pending');
  });

  it('refuses an override without a reason', async () => {
    await assert.rejects(inTrx((svc) => svc.receive(person(agencyId, '2025-11-03'), operator('公开办'), { override: { approver: '赵某', reason: '' } })),
      (e: unknown) => e instanceof ValidationError && /理由/.test(e.message));
  });

  it('records an override with approver and reason on the case and on the report', async () => {
    const reportEvents = await eventCount('report_events');
    const late = await inTrx((svc) => svc.receive(person(agencyId, '2025-11-03'), operator('公开办'), { override: OVERRIDE }));
    const events = await ctx.db.selectFrom('application_events').selectAll().where('application_id', '=', late.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['received', 'period-lock-override']);
    const data = JSON.parse(events[1]!.data);
    assert.equal(data.approver, OVERRIDE.approver);
    assert.equal(data.reason, OVERRIDE.reason);
    assert.deepEqual(JSON.parse(events[1]!.new!), [{ reportId, year: 2025, cells: { '三:received:natural': 1, '三:received:total': 1, '三:carried-out:natural': 1, '三:carried-out:total': 1 } }]);
    assert.equal(await eventCount('report_events'), reportEvents + 1);
    const reportEvent = await ctx.db.selectFrom('report_events').selectAll().where('report_id', '=', reportId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(reportEvent.type, 'period-lock-override');
    assert.equal(JSON.parse(reportEvent.new!).approver, OVERRIDE.approver);
  });

  it('refuses to run outside a transaction: a refusal must roll the change back (a programming error, not a user one)', async () => {
    let ran = false;
    await assert.rejects(
      withPeriodLock(ctx.db, { agencyId, fromYear: 2025, applicationId: openCase }, undefined, async () => {
        ran = true;
        return { value: undefined, applicationId: openCase };
      }),
      (e: unknown) => e instanceof Error && !(e instanceof ConflictError) && /must run inside a transaction/.test(e.message),
    );
    assert.equal(ran, false);
    await assert.rejects(applicationService(ctx.db, clock, cal, testPii).addRemedy(openCase, { kind: 'reconsideration', filedOn: '2026-02-03' }, operator('公开办')),
      /must run inside a transaction/);
  });

  it('keeps the period locked while the report is being corrected (更正) and after the corrected version is published', async () => {
    await ctx.db.transaction().execute((trx) => reportService(trx, clock).startCorrection(reportId, '更正表三数据来源说明', operator('test')));
    assert.equal((await reportService(ctx.db, clock).get(reportId)).status, 'draft');
    await assert.rejects(inTrx((svc) => svc.receive(person(agencyId, '2025-11-04'), operator('公开办'))), locked);
    await approveReport(ctx.db, reportId);
    await ctx.db.transaction().execute((trx) => reportService(trx, clock).publish(reportId, operator('test')));
    await assert.rejects(inTrx((svc) => svc.receive(person(agencyId, '2025-11-05'), operator('公开办'))), locked);
  });
});
