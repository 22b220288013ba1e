import { operator } from '../core/actor.js';
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eachCallInTransaction, forEachDialect } from '../../test/db-helpers.js';
import { testPii } from '../../test/pii-helpers.js';
import { agencyService } from '../agencies/agency.service.js';
import { calendarService } from '../calendar/calendar.service.js';
import { workCalendar, workingDaysDeadline, type WorkCalendar } from '../core/calendar/work-calendar.js';
import { steppingClock } from '../core/clock.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { recomputeOpenDeadlines } from './application-recompute.js';
import { applicationService, DEFAULT_APPLICATION_SETTINGS, type ReceiveInput } from './application.service.js';

const clock = steppingClock('2025-11-18T02:00:00.000Z');
/** Valid numbers (check characters computed by GB 11643 / GB 32100). */
const PERSON_ID = '11010519491231002X';
const OTHER_PERSON_ID = '371002198506123010';
const USCC = '91371000MA3C8K2L10';

const person = (over: Partial<ReceiveInput> = {}, agencyId = 0): ReceiveInput => ({
  agencyId, channel: 'in-person', evidence: { handedInOn: '2025-09-26' }, applicantType: '自然人',
  applicant: { name: '张三丰', idNumber: PERSON_ID, phone: '13812345678', address: '山东省威海市环翠区青岛北路1号', email: 'zhang@example.cn' },
  subject: '2024年度本机关行政许可事项清单', formWanted: '电子邮件', ...over,
});

const message = (re: RegExp) => (e: unknown) => e instanceof ValidationError && re.test(e.message);

forEachDialect('applicationService', (ctx) => {
  let agencyId: number;
  let cal: WorkCalendar;
  const svc = () => eachCallInTransaction(ctx.db, (trx) => applicationService(trx, clock, cal, testPii));
  const count = async (table: 'applications' | 'application_events' | 'remedies') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    agencyId = (await agencyService(ctx.db, clock).create({ name: '某区司法局', kind: 'department' }, operator('test'))).id;
    await calendarService(ctx.db, clock).seedIfEmpty(operator('system'));
    cal = await calendarService(ctx.db, clock).load();
  });

  it('receives: the deadline is stored (2025-09-26 → 2025-10-30), case number and query code given', async () => {
    const a = await svc().receive(person({}, agencyId), operator('办公室王科长'));
    assert.equal(a.receivedOn, '2025-09-26');
    assert.equal(a.dueOn, '2025-10-30');
    assert.equal(a.state, 'received');
    assert.equal(a.applicantType, 'natural');
    assert.match(a.caseNo, /^2025-\d{4}$/);
    assert.match(a.queryCode ?? '', /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(a.receivedBy, '办公室王科长');
    assert.ok(a.clock.explain.some((l) => l.includes('2025-10-30')));
    const stored = await ctx.db.selectFrom('applications').select(['due_on', 'state']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { due_on: '2025-10-30', state: 'received' });
    const org = await svc().receive(person({
      applicantType: 'commercial', channel: 'registered-post', evidence: { signedForOn: '2024-12-20' },
      applicant: { name: '威海某贸易有限公司', idNumber: USCC },
    }, agencyId), operator('办公室王科长'));
    assert.equal(org.dueOn, '2025-01-20');
    assert.equal(org.applicant.idType, 'uscc');
    assert.equal(org.caseNo, '2024-0001');
  });

  it('refuses an unknown applicant type, an invalid ID number, missing evidence and a date outside the calendar; nothing stored', async () => {
    const before = await count('applications');
    await assert.rejects(svc().receive(person({ applicantType: '个体工商户' }, agencyId), operator('x')), message(/未知的申请人类型“个体工商户”/));
    await assert.rejects(svc().receive(person({ applicant: { name: '张三', idNumber: '110105194912310021' } }, agencyId), operator('x')), message(/校验码错误/));
    await assert.rejects(svc().receive(person({ applicantType: 'research', applicant: { name: '某研究所', idNumber: '91371000MA3C8K2L1X' } }, agencyId), operator('x')),
      message(/统一社会信用代码/));
    await assert.rejects(svc().receive(person({ channel: 'registered-post' }, agencyId), operator('x')), message(/签收日期/));
    await assert.rejects(svc().receive(person({ evidence: { handedInOn: '2018-06-01' } }, agencyId), operator('x')), message(/日历未覆盖 2018 年/));
    await assert.rejects(svc().receive(person({}, 999999), operator('x')), NotFoundError);
    assert.equal(await count('applications'), before);
  });

  it('a correction restarts the clock from its receipt (条例 Art. 30)', async () => {
    const a = await svc().receive(person({}, agencyId), operator('clerk'));
    const asked = await svc().recordEvent(a.id, { type: 'correction-requested', date: '2025-09-29', correctionDeadline: '2025-10-20' }, operator('clerk'));
    assert.equal(asked.state, 'awaiting-correction');
    assert.equal(asked.dueOn, null);
    const got = await svc().recordEvent(a.id, { type: 'correction-received', date: '2025-10-09' }, operator('clerk'));
    assert.equal(got.state, 'received');
    // Fri 10-10, Sat 10-11 (make-up working day), then 18 more: Wed 2025-11-05.
    assert.equal(got.dueOn, '2025-11-05');
    assert.equal(got.dueOn, workingDaysDeadline(cal, '2025-10-09', 20));
  });

  it('a consultation stops the clock and its working days are added back (条例 Art. 33 ¶2)', async () => {
    const a = await svc().receive(person({}, agencyId), operator('clerk'));
    const started = await svc().recordEvent(a.id, { type: 'consultation-started', date: '2025-10-13', party: '某科技有限公司' }, operator('clerk'));
    assert.equal(started.state, 'consulting');
    assert.equal(started.dueOn, null);
    const ended = await svc().recordEvent(a.id, { type: 'consultation-ended', date: '2025-10-17' }, operator('clerk'));
    assert.equal(ended.dueOn, workingDaysDeadline(cal, '2025-10-30', 4));
    assert.equal(ended.dueOn, '2025-11-05');
  });

  it('one extension only; a decision closes the case; nothing after it; no reply before receipt', async () => {
    const s = svc();
    const a = await s.receive(person({}, agencyId), operator('clerk'));
    const ext = await s.recordEvent(a.id, { type: 'extended', date: '2025-10-20', days: 20, approver: '办公室主任李某', reason: '需调取档案' }, operator('clerk'));
    assert.equal(ext.state, 'extended');
    assert.equal(ext.dueOn, workingDaysDeadline(cal, '2025-09-26', 40));
    const events = await count('application_events');
    await assert.rejects(s.recordEvent(a.id, { type: 'extended', date: '2025-10-21', days: 5, approver: '主任', reason: '再延' }, operator('clerk')),
      message(/只能延长一次/));
    await assert.rejects(s.recordEvent(a.id, { type: 'decided', date: '2025-09-20', decision: 'disclosed' }, operator('clerk')), message(/早于收到申请日期/));
    await assert.rejects(s.recordEvent(a.id, { type: 'decided', date: '2025-10-28', decision: 'withheld-state-secret' }, operator('clerk')), message(/须说明理由/));
    assert.equal(await count('application_events'), events);
    assert.equal((await s.get(a.id)).dueOn, ext.dueOn);
    const done = await s.recordEvent(a.id, { type: 'decided', date: '2025-10-28', decision: 'partially-disclosed', particulars: '涉及个人隐私部分不予公开' }, operator('clerk'));
    assert.deepEqual([done.state, done.decision, done.resultRow, done.decidedOn, done.closedOn], ['decided', 'partially-disclosed', 'r2', '2025-10-28', '2025-10-28']);
    await assert.rejects(s.recordEvent(a.id, { type: 'decided', date: '2025-10-29', decision: 'disclosed' }, operator('clerk')), message(/案件已办结/));
    await assert.rejects(s.recordEvent(a.id, { type: 'withdrawn', date: '2025-10-29' }, operator('clerk')), message(/案件已办结/));
    assert.equal(await count('application_events'), events + 1);
  });

  it('charges a fee only beyond the free range (by volume 250 pages → 4700元); a free application is refused', async () => {
    const s = svc();
    const a = await s.receive(person({}, agencyId), operator('clerk'));
    await assert.rejects(s.recordEvent(a.id, { type: 'fee-notice-sent', date: '2025-10-09', fee: { method: 'by-volume', pages: 25 } }, operator('clerk')),
      message(/免费范围内/));
    await assert.rejects(s.recordEvent(a.id, { type: 'fee-notice-sent', date: '2025-10-09', fee: { method: 'by-application', earlierInMonth: 0 } }, operator('clerk')),
      message(/免费范围内/));
    await assert.rejects(s.recordEvent(a.id, { type: 'fee-notice-sent', date: '2025-10-09' }, operator('clerk')), message(/计收方式/));
    const noticed = await s.recordEvent(a.id, { type: 'fee-notice-sent', date: '2025-10-09', fee: { method: 'by-volume', pages: 250 } }, operator('clerk'));
    assert.equal(noticed.state, 'awaiting-fee');
    assert.equal(noticed.feeMethod, 'by-volume');
    assert.equal(noticed.feeAmount, 4700);
    const paid = await s.recordEvent(a.id, { type: 'fee-paid', date: '2025-10-15' }, operator('clerk'));
    assert.equal(paid.state, 'received');
    assert.equal(paid.dueOn, '2025-10-30'); // the clock does not stop by default
  });

  it('lists with personal data masked; the public status shows nothing personal', async () => {
    const s = svc();
    const a = await s.receive(person({ applicant: { name: '欧阳明月', idNumber: OTHER_PERSON_ID, phone: '13912345678', address: '山东省威海市环翠区某路2号' } }, agencyId), operator('clerk'));
    const listed = (await s.list({ agencyId })).find((x) => x.id === a.id)!;
    assert.deepEqual(listed.applicant, { name: '欧***', idNumber: '37**************10', phone: '139****5678', address: '山东省威海市环翠区****' });
    const text = JSON.stringify(await s.list({ agencyId }));
    for (const secret of [PERSON_ID, OTHER_PERSON_ID, '张三丰', '欧阳明月', '13912345678', '13812345678', 'zhang@example.cn', '青岛北路']) {
      assert.ok(!text.includes(secret), `list leaks ${secret}`);
    }
    const status = await s.publicStatus(a.queryCode!.toLowerCase().replace(/-/g, ' '));
    assert.deepEqual(Object.keys(status).sort(), ['caseNo', 'decidedOn', 'dueOn', 'receivedOn', 'state', 'stateName']);
    assert.deepEqual([status.caseNo, status.receivedOn, status.dueOn], [a.caseNo, '2025-09-26', '2025-10-30']);
    await assert.rejects(s.publicStatus('AAAA-AAAA-AAAA'), NotFoundError);
  });

  it('every change is an event (who, when, old → new); remedies are linked and recorded', async () => {
    const s = svc();
    const a = await s.receive(person({}, agencyId), operator('收件人甲'));
    await s.recordEvent(a.id, { type: 'consultation-started', date: '2025-10-13', party: '某局' }, operator('经办人乙'));
    await s.recordEvent(a.id, { type: 'consultation-ended', date: '2025-10-17' }, operator('经办人乙'));
    await s.recordEvent(a.id, { type: 'decided', date: '2025-10-28', decision: 'does-not-exist' }, operator('经办人乙'));
    await assert.rejects(s.addRemedy(a.id, { kind: 'lawsuit', afterReconsideration: true, filedOn: '2025-11-10' }, operator('法制科')), message(/没有登记行政复议/));
    const rc = await s.addRemedy(a.id, { kind: 'reconsideration', filedOn: '2025-11-03' }, operator('法制科'));
    assert.equal(rc.result, 'pending');
    await assert.rejects(s.addRemedy(a.id, { kind: 'reconsideration', filedOn: '2025-09-01' }, operator('法制科')), message(/早于收到申请日期/));
    const decided = await s.decideRemedy(rc.id, { result: 'upheld', decidedOn: '2025-11-14' }, operator('法制科'));
    assert.deepEqual([decided.result, decided.decidedOn], ['upheld', '2025-11-14']);
    const suit = await s.addRemedy(a.id, { kind: 'lawsuit', afterReconsideration: true, filedOn: '2025-11-17' }, operator('法制科'));
    assert.equal(suit.afterReconsideration, true);
    const history = await s.history(a.id);
    assert.deepEqual(history.map((e) => e.type),
      ['received', 'consultation-started', 'consultation-ended', 'decided', 'remedy-added', 'remedy-decided', 'remedy-added']);
    assert.deepEqual(history.map((e) => e.actor), ['收件人甲', '经办人乙', '经办人乙', '经办人乙', '法制科', '法制科', '法制科']);
    assert.ok(history.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at)));
    assert.deepEqual((history[1]!.old as { state: string }).state, 'received');
    assert.deepEqual((history[1]!.new as { state: string; dueOn: null }), { ...(history[1]!.new as object), state: 'consulting', dueOn: null });
    assert.deepEqual((history[3]!.new as { resultRow: string }).resultRow, 'r4-1');
    assert.deepEqual(history[3]!.data, { type: 'decided', date: '2025-10-28', decision: 'does-not-exist', resultRow: 'r4-1', basis: '依据《中华人民共和国政府信息公开条例》第三十六条第（四）项' });
    assert.deepEqual((history[5]!.old as { result: string }).result, 'pending');
    assert.equal((await s.get(a.id)).remedies.length, 2);
  });

  it('warns of cases overdue or due within 3 working days, grouped by who received them', async () => {
    const other = (await agencyService(ctx.db, clock).create({ name: '某区教育局', kind: 'department' }, operator('test'))).id;
    const s = svc();
    const late = await s.receive(person({}, other), operator('甲科'));
    const soon = await s.receive(person({ evidence: { handedInOn: '2025-10-22' } }, other), operator('乙科'));
    const later = await s.receive(person({ evidence: { handedInOn: '2025-11-10' } }, other), operator('乙科'));
    const closed = await s.receive(person({}, other), operator('乙科'));
    await s.recordEvent(closed.id, { type: 'withdrawn', date: '2025-10-10' }, operator('乙科'));
    assert.equal(soon.dueOn, '2025-11-19');
    const w = await s.warnings(other, '2025-11-18');
    assert.equal(w.dueSoonUntil, '2025-11-21');
    assert.deepEqual(w.groups.map((g) => [g.handler, g.overdue.map((i) => i.id), g.dueSoon.map((i) => i.id)]),
      [['乙科', [], [soon.id]], ['甲科', [late.id], []]].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'zh-CN')));
    assert.ok(!w.groups.some((g) => [...g.overdue, ...g.dueSoon].some((i) => i.id === later.id || i.id === closed.id)));
    assert.equal(w.groups.find((g) => g.handler === '乙科')!.dueSoon[0]!.workingDaysLeft, 1);
    assert.deepEqual(w.offices, [{ office: '未指定承办科室', overdue: 1, dueSoon: 1 }]);

    // Assigned to an office and a person: counted by office, listed by person; an event holds old → new.
    const assigned = await s.assign(late.id, { office: '政务公开科', handler: '王五' }, operator('科长'));
    assert.deepEqual([assigned.office, assigned.handler], ['政务公开科', '王五']);
    const byOffice = await s.warnings(other, '2025-11-18');
    assert.deepEqual(byOffice.offices, [{ office: '政务公开科', overdue: 1, dueSoon: 0 }, { office: '未指定承办科室', overdue: 0, dueSoon: 1 }]);
    assert.deepEqual(byOffice.groups.map((g) => [g.office, g.handler, g.assigned]), [['政务公开科', '王五', true], ['未指定承办科室', '乙科', false]]);
    const last = (await s.history(late.id)).at(-1)!;
    assert.equal(last.type, 'assigned');
    assert.deepEqual([last.old, last.new], [{ office: null, handler: null }, { office: '政务公开科', handler: '王五' }]);
    await assert.rejects(s.assign(closed.id, { handler: '王五' }, operator('科长')), message(/已办结/));
    await assert.rejects(s.assign(late.id, {}, operator('科长')), message(/承办科室/));
  });

  it('keeps an application whose deadline runs into a year not yet entered; entering the year computes it', async () => {
    const agency = (await agencyService(ctx.db, clock).create({ name: '某区民政局', kind: 'department' }, operator('test'))).id;
    // The calendar as it stood before the 2025 notice was entered.
    const upTo2024 = workCalendar({ coveredYears: { from: cal.coveredYears!.from, to: 2024 }, days: cal.days.filter((d) => d.date < '2025-01-01') });
    const s = eachCallInTransaction(ctx.db, (trx) => applicationService(trx, clock, upTo2024, testPii));
    const pending = await s.receive(person({ channel: 'registered-post', evidence: { signedForOn: '2024-12-20' } }, agency), operator('clerk'));
    assert.equal(pending.dueOn, null);
    assert.equal(pending.state, 'received');
    assert.match(pending.clock.warnings.join(''), /答复期限待录入 2025 年节假日安排后计算/);
    // It stays in the warnings, in a group of its own naming the year to enter (not silently dropped).
    const waiting = await s.warnings(agency, '2024-12-23');
    assert.deepEqual([waiting.offices, waiting.groups], [[], []]);
    assert.deepEqual(waiting.pending, {
      year: 2025, title: '答复期限待定：尚未录入 2025 年节假日安排', count: 1,
      cases: [{ id: pending.id, caseNo: pending.caseNo, state: 'received', receivedOn: '2024-12-20', office: '未指定承办科室', handler: 'clerk', assigned: false }],
    });
    assert.deepEqual((await s.warningsOfAllAgencies('2024-12-23')).find((w) => w.agencyId === agency)?.warnings.pending?.count, 1);
    // Events still need the calendar (a date outside it is refused, nothing stored) …
    await assert.rejects(s.recordEvent(pending.id, { type: 'decided', date: '2025-01-10', decision: 'disclosed', particulars: '邮寄' }, operator('clerk')),
      message(/日历未覆盖 2025 年/));
    // … and a receipt before the calendar is a data error, not a pending case.
    await assert.rejects(s.receive(person({ evidence: { handedInOn: '2018-06-01' } }, agency), operator('clerk')), message(/日历未覆盖 2018 年/));
    // Entering 2025 computes the deadline, with an event.
    const result = await recomputeOpenDeadlines(ctx.db, clock, cal, DEFAULT_APPLICATION_SETTINGS, operator('admin'), { agencyId: agency });
    assert.deepEqual([result.checked, result.changed], [1, 1]);
    assert.equal((await svc().get(pending.id)).dueOn, '2025-01-20');
    assert.equal((await svc().history(pending.id)).at(-1)!.type, 'deadline-recomputed');
    const computed = await svc().warnings(agency, '2025-01-15');
    assert.equal(computed.pending, null);
    assert.deepEqual(computed.groups.flatMap((g) => g.dueSoon.map((i) => [i.id, i.dueOn])), [[pending.id, '2025-01-20']]);
  });

  it('recomputes the stored deadlines of open cases after a calendar change, each with an event', async () => {
    const agency = (await agencyService(ctx.db, clock).create({ name: '某区统计局', kind: 'department' }, operator('test'))).id;
    const s = svc();
    const open = await s.receive(person({}, agency), operator('clerk'));
    const paused = await s.receive(person({}, agency), operator('clerk'));
    await s.recordEvent(paused.id, { type: 'consultation-started', date: '2025-10-13', party: '某局' }, operator('clerk'));
    const closed = await s.receive(person({}, agency), operator('clerk'));
    await s.recordEvent(closed.id, { type: 'decided', date: '2025-10-28', decision: 'disclosed' }, operator('clerk'));
    // A day off added on Monday 2025-10-20 moves a 20-working-day deadline from Thu 10-30 to Fri 10-31.
    const changed = workCalendar({ coveredYears: cal.coveredYears, days: [...cal.days, { date: '2025-10-20', kind: 'off', name: '测试假日' }] });
    const result = await recomputeOpenDeadlines(ctx.db, clock, changed, DEFAULT_APPLICATION_SETTINGS, operator('admin'), { agencyId: agency });
    assert.deepEqual([result.checked, result.changed, result.failures], [2, 1, []]);
    const after = applicationService(ctx.db, clock, changed, testPii);
    assert.equal((await after.get(open.id)).dueOn, '2025-10-31');
    assert.equal((await after.get(closed.id)).dueOn, '2025-10-30');
    const last = (await after.history(open.id)).at(-1)!;
    assert.equal(last.type, 'deadline-recomputed');
    assert.equal(last.actor, 'admin');
    assert.deepEqual([(last.old as { dueOn: string }).dueOn, (last.new as { dueOn: string }).dueOn], ['2025-10-30', '2025-10-31']);
    assert.equal((await recomputeOpenDeadlines(ctx.db, clock, changed, DEFAULT_APPLICATION_SETTINGS, operator('admin'), { agencyId: agency })).changed, 0);
  });
});
