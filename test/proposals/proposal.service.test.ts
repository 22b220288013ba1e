/**
 * 建议提案 on every database: registered with a number of the year and a deadline three months from assignment
 * (moved off holidays), answered (late only with a reason), feedback, the result prepared as a disclosure item and
 * public once that item is published on the portal; warnings, a pending deadline in a year whose holidays are not
 * entered, and the counts of section 六. Bad input stores nothing.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { agencyService } from '../../src/agencies/agency.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { operator } from '../../src/core/actor.js';
import type { WorkCalendar } from '../../src/core/calendar/work-calendar.js';
import { steppingClock } from '../../src/core/clock.js';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { proposalService } from '../../src/proposals/proposal.service.js';
import { forEachDialect } from '../db-helpers.js';

const clock = steppingClock('2026-11-20T02:00:00.000Z');
const office = operator('办公室');

forEachDialect('proposals (建议提案)', (ctx) => {
  let agencyId: number;
  let cal: WorkCalendar;
  const inTrx = <T>(work: (svc: ReturnType<typeof proposalService>) => Promise<T>) => ctx.db.transaction().execute((trx) => work(proposalService(trx, clock, cal)));
  const count = async (table: 'proposals' | 'proposal_events' | 'items') => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const cppcc = (over: Record<string, unknown> = {}) => ({
    kind: 'cppcc', sourceNo: '第 45 号', title: '关于进一步优化企业开办流程的提案', proposer: '王某某委员', receivedOn: '2025-04-08',
    assignedOn: '2025-04-10', leadOffice: '审批一科', coOffices: ['政务服务中心'], ...over,
  });

  before(async () => {
    agencyId = (await agencyService(ctx.db, clock).create({ name: '某区行政审批服务局', kind: 'department' }, operator('test'))).id;
    await calendarService(ctx.db, clock).seedIfEmpty(operator('system'));
    cal = await calendarService(ctx.db, clock).load();
  });

  it('registers with a number of the year and a deadline three months from assignment; bad input stores nothing', async () => {
    const p = await inTrx((svc) => svc.register(agencyId, cppcc(), office));
    assert.equal(p.regNo, 'JYTA-2025-0001');
    assert.equal(p.kindName, '政协提案');
    assert.equal(p.dueBase, '2025-07-10');
    assert.equal(p.dueOn, '2025-07-10');
    assert.equal(p.state, 'handling');
    const before = [await count('proposals'), await count('proposal_events')];
    await assert.rejects(inTrx((svc) => svc.register(agencyId, cppcc(), office)), (e: unknown) => e instanceof ConflictError && e.code === 'PROPOSAL_EXISTS');
    await assert.rejects(inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 46 号', title: '' }), office)),
      (e: unknown) => e instanceof ValidationError && e.details.place?.field === 'title' && /标题/.test(e.message));
    await assert.rejects(inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 46 号', assignedOn: '2025-04-01' }), office)),
      (e: unknown) => e instanceof ValidationError && /交办日期/.test(e.message));
    await assert.rejects(inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 46 号', kind: 'x' }), office)), ValidationError);
    assert.deepEqual([await count('proposals'), await count('proposal_events')], before);
    // A deadline on a holiday moves to the next working day: 2025-07-02 + 3 months = 2025-10-02 (国庆节) → 10-09.
    const npc = await inTrx((svc) => svc.register(agencyId, { ...cppcc(), kind: 'npc', sourceNo: '第 12 号', proposer: '李某代表', receivedOn: '2025-07-02', assignedOn: '2025-07-02' }, office));
    assert.equal(npc.regNo, 'JYTA-2025-0002');
    assert.deepEqual([npc.dueBase, npc.dueOn], ['2025-10-02', '2025-10-09']);
  });

  it('refuses an answer after the deadline without a reason (nothing stored), accepts one with it', async () => {
    const [p] = (await proposalService(ctx.db, clock, cal).list(agencyId)).filter((x) => x.sourceNo === '第 12 号');
    const events = await count('proposal_events');
    await assert.rejects(inTrx((svc) => svc.answer(agencyId, p!.id, { answeredOn: '2025-10-10', replyText: '答复内容' }, office)),
      (e: unknown) => e instanceof ValidationError && /晚于答复期限 2025-10-09/.test(e.message) && /逾期理由/.test(e.message));
    assert.equal((await proposalService(ctx.db, clock, cal).get(agencyId, p!.id)).state, 'handling');
    assert.equal(await count('proposal_events'), events);
    const answered = await inTrx((svc) => svc.answer(agencyId, p!.id, { answeredOn: '2025-10-10', replyText: '答复内容', lateReason: '会办单位意见反馈延迟' }, office));
    assert.equal(answered.state, 'answered');
    assert.equal(answered.lateReason, '会办单位意见反馈延迟');
    await assert.rejects(inTrx((svc) => svc.answer(agencyId, p!.id, { answeredOn: '2025-10-11', replyText: '再答' }, office)),
      (e: unknown) => e instanceof ConflictError && e.code === 'PROPOSAL_STATE');
  });

  it('answers on time, records feedback, prepares the result as an item draft, public only once that item is published', async () => {
    const svc0 = proposalService(ctx.db, clock, cal);
    const [p] = (await svc0.list(agencyId)).filter((x) => x.sourceNo === '第 45 号');
    await assert.rejects(inTrx((svc) => svc.prepareResult(agencyId, p!.id, {}, office)), (e: unknown) => e instanceof ConflictError && e.code === 'PROPOSAL_STATE');
    await inTrx((svc) => svc.answer(agencyId, p!.id, { answeredOn: '2025-07-01', replyText: '王某某委员：\n您提出的关于进一步优化企业开办流程的提案收悉。现答复如下……' }, office));
    const fb = await inTrx((svc) => svc.feedback(agencyId, p!.id, { feedback: 'satisfied', feedbackOn: '2025-07-15' }, office));
    assert.equal(fb.feedbackName, '满意');
    const linked = await inTrx((svc) => svc.prepareResult(agencyId, p!.id, {}, office));
    assert.ok(linked.resultItemId);
    assert.equal(linked.resultPublishedOn, null, 'a draft item is not public');
    const item = await ctx.db.selectFrom('items').select(['title', 'state', 'body_html']).where('id', '=', linked.resultItemId!).executeTakeFirstOrThrow();
    assert.match(item.title, /政协提案“关于进一步优化企业开办流程的提案”（第 45 号）办理结果/);
    assert.equal(item.state, 'draft');
    assert.match(item.body_html, /<p>王某某委员：<\/p>/);
    await assert.rejects(inTrx((svc) => svc.prepareResult(agencyId, p!.id, {}, office)), (e: unknown) => e instanceof ConflictError && e.code === 'RESULT_LINKED');
    // Published on the portal (the chain's record of it): the result is public from that day.
    await ctx.db.insertInto('channel_publications').values({
      agency_id: agencyId, subject_kind: 'item', subject_id: linked.resultItemId!, subject_version: 1, channel: 'portal',
      published_on: '2025-08-05', published_at: '2025-08-05T02:00:00.000Z', actor: '发布人', actor_id: null,
    }).execute();
    const pub = await svc0.get(agencyId, p!.id);
    assert.equal(pub.resultPublishedOn, '2025-08-05');
    assert.deepEqual((await svc0.publicResults(agencyId)).map((x) => x.id), [p!.id]);
    assert.deepEqual((await svc0.events(agencyId, p!.id)).map((e) => e.type), ['registered', 'answered', 'feedback', 'result-linked']);
  });

  it('counts the year for section 六', async () => {
    const c = await proposalService(ctx.db, clock, cal).yearCounts(agencyId, 2025);
    assert.deepEqual(c.cppcc, { received: 1, answered: 1, answeredOnTime: 1, resultsPublished: 1 });
    assert.deepEqual(c.npc, { received: 1, answered: 1, answeredOnTime: 0, resultsPublished: 0 });
    assert.match(c.text, /^2025年度，本机关共承办人大代表建议 1 件、政协提案 1 件，答复人大代表建议 1 件、政协提案 1 件，其中按期答复 1 件；办理结果已在门户网站公开 1 件。$/);
  });

  it('keeps a deadline in a year whose holidays are not entered pending, shows it, and cannot judge a late answer yet', async () => {
    // Assigned 2026-11-18: three months → 2027-02-18; the calendar covers up to 2026.
    const p = await inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 88 号', receivedOn: '2026-11-18', assignedOn: '2026-11-18' }), office));
    assert.equal(p.regNo, 'JYTA-2026-0001');
    assert.deepEqual([p.dueBase, p.dueOn, p.duePendingYear], ['2027-02-18', null, 2027]);
    const w = await proposalService(ctx.db, clock, cal).warnings(agencyId, '2026-11-20');
    assert.equal(w.pending?.title, '答复期限待定：尚未录入 2027 年节假日安排');
    assert.deepEqual(w.pending?.proposals.map((x) => x.regNo), ['JYTA-2026-0001']);
    const other = await proposalService(ctx.db, clock, cal).get(agencyId, p.id);
    assert.equal(other.state, 'handling');
    await assert.rejects(proposalService(ctx.db, clock, cal).get(agencyId + 999, p.id), /未找到建议提案/);
  });

  it('corrects a proposal being handled, recording old → new; not once answered', async () => {
    const p = await inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 70 号', receivedOn: '2026-03-02', assignedOn: '2026-03-03' }), office));
    const edited = await inTrx((svc) => svc.edit(agencyId, p.id, { ...cppcc({ sourceNo: '第 70 号', receivedOn: '2026-03-02', assignedOn: '2026-03-03' }), title: '关于优化企业开办的提案', dueOn: '2026-05-29' }, office));
    assert.deepEqual([edited.title, edited.dueBase, edited.dueSet], ['关于优化企业开办的提案', '2026-05-29', true]);
    const last = (await proposalService(ctx.db, clock, cal).events(agencyId, p.id)).at(-1)!;
    assert.equal(last.type, 'edited');
    assert.deepEqual(last.old, { title: '关于进一步优化企业开办流程的提案', due_base: '2026-06-03', due_set: 0 });
    assert.deepEqual(last.new, { title: '关于优化企业开办的提案', due_base: '2026-05-29', due_set: 1 });
    await inTrx((svc) => svc.answer(agencyId, p.id, { answeredOn: '2026-05-20', replyText: '答复' }, office));
    await assert.rejects(inTrx((svc) => svc.edit(agencyId, p.id, cppcc({ sourceNo: '第 70 号', receivedOn: '2026-03-02', assignedOn: '2026-03-03' }), office)),
      (e: unknown) => e instanceof ConflictError && e.code === 'PROPOSAL_STATE');
  });

  it('warns about open proposals overdue and due soon', async () => {
    await inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 90 号', receivedOn: '2026-08-20', assignedOn: '2026-08-21' }), office));
    await inTrx((svc) => svc.register(agencyId, cppcc({ sourceNo: '第 91 号', receivedOn: '2026-07-01', assignedOn: '2026-07-01' }), office));
    const w = await proposalService(ctx.db, clock, cal).warnings(agencyId, '2026-11-20');
    assert.deepEqual(w.dueSoon.map((x) => [x.dueOn, x.workingDaysLeft]), [['2026-11-23', 1]]);
    assert.deepEqual(w.overdue.map((x) => x.dueOn), ['2026-10-08'], '2026-10-01 falls in the National Day holiday (10-01…10-07)');
  });
});
