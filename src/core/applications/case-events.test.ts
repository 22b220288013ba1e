/**
 * Fees on the case clock, closing a case, and the events the clock refuses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseDaysCalendar } from '../../calendar/calendar-source.js';
import { workCalendar } from '../calendar/work-calendar.js';
import { ValidationError } from '../errors.js';
import { computeClock, type CaseEvent, type ClockSettings } from './case-clock.js';
import { getDecision } from './outcomes.js';

const cal = workCalendar(chineseDaysCalendar());
const plain: ClockSettings = { feeStopsClock: false };
const stops: ClockSettings = { feeStopsClock: true };
const received: CaseEvent = { type: 'received', date: '2025-09-26', channel: 'registered-post' };
const notice: CaseEvent = { type: 'fee-notice-sent', date: '2025-10-09', receivedOn: '2025-10-10' };

function rejects(events: unknown[], message: RegExp, field?: string, settings: ClockSettings = plain): void {
  assert.throws(() => computeClock(events as CaseEvent[], cal, settings), (e: unknown) => {
    assert.ok(e instanceof ValidationError, String(e));
    assert.match(e.message, message);
    if (field) assert.equal(e.details.place?.field, field);
    return true;
  });
}

describe('fees on the clock (国办函〔2020〕109号)', () => {
  it('gives 20 working days to pay from the day after the notice is received', () => {
    const clock = computeClock([received, notice], cal, plain);
    assert.equal(clock.state, 'awaiting-fee');
    assert.equal(clock.feeDue, '2025-11-06'); // 10-11 (Saturday) is a make-up working day
    assert.equal(clock.dueDate, '2025-10-30'); // the setting is off: the reply period runs on
  });

  it('stops the reply period while payment is pending when the setting is on', () => {
    const pending = computeClock([received, notice], cal, stops);
    assert.equal(pending.dueDate, null);
    assert.equal(pending.remainingWorkingDays, 16);
    const paid = computeClock([received, notice, { type: 'fee-paid', date: '2025-10-20' }], cal, stops);
    assert.equal(paid.state, 'received');
    assert.equal(paid.pausedWorkingDays, 8); // 10-10, 10-11, 10-13 … 10-17, 10-20
    assert.equal(paid.dueDate, '2025-11-11');
    assert.equal(computeClock([received, notice, { type: 'fee-paid', date: '2025-10-20' }], cal, plain).dueDate, '2025-10-30');
  });

  it('counts a consultation and a pending fee that overlap once', () => {
    const clock = computeClock([
      received, { type: 'consultation-started', date: '2025-10-13', party: '甲' }, { type: 'fee-notice-sent', date: '2025-10-15' },
      { type: 'consultation-ended', date: '2025-10-20' }, { type: 'fee-paid', date: '2025-10-22' },
    ], cal, stops);
    assert.equal(clock.pausedWorkingDays, 7); // 10-14 … 10-22
    assert.equal(clock.dueDate, '2025-11-10');
    const open = computeClock([
      received, { type: 'consultation-started', date: '2025-10-13', party: '甲' }, { type: 'fee-notice-sent', date: '2025-10-15' },
      { type: 'consultation-ended', date: '2025-10-20' },
    ], cal, stops);
    assert.equal(open.state, 'awaiting-fee');
    assert.equal(open.dueDate, null); // the fee is still pending: the clock still stands
  });

  it('treats an unpaid fee as abandoned → （六）2', () => {
    assert.equal(computeClock([received, notice], cal, { ...plain, asOf: '2025-11-06' }).state, 'awaiting-fee');
    const lapsed = computeClock([received, notice], cal, { ...plain, asOf: '2025-11-07' });
    assert.equal(lapsed.state, 'abandoned');
    assert.equal(lapsed.decision, 'fee-not-paid');
    assert.equal(getDecision(lapsed.decision!).row, 'r6-2');
    const recorded = computeClock([received, notice, { type: 'decided', date: '2025-11-07', decision: 'fee-not-paid' }], cal, plain);
    assert.equal(recorded.state, 'abandoned');
    rejects([received, notice, { type: 'fee-paid', date: '2025-11-07' }], /缴费日期（2025-11-07）晚于缴费期限（2025-11-06），逾期未缴纳的视为放弃申请/);
    rejects([received, notice, { type: 'decided', date: '2025-11-06', decision: 'fee-not-paid' }], /只有缴费期限届满仍未缴费的/);
  });

  it('refuses a payment without a notice and a second notice', () => {
    rejects([received, { type: 'fee-paid', date: '2025-10-09' }], /本案未发出收费通知，不能登记缴费/);
    rejects([received, notice, { type: 'fee-notice-sent', date: '2025-10-10' }], /本案已于 2025-10-09 发出收费通知/);
  });
});

describe('closing a case', () => {
  it('records the decision, its day and whether it was on time', () => {
    const onTime = computeClock([received, { type: 'decided', date: '2025-10-30', decision: 'partially-disclosed' }], cal, plain);
    assert.deepEqual([onTime.state, onTime.decision, onTime.closedOn, onTime.dueDate, onTime.onTime],
      ['decided', 'partially-disclosed', '2025-10-30', '2025-10-30', true]);
    const late = computeClock([received, { type: 'decided', date: '2025-10-31', decision: 'does-not-exist' }], cal, plain);
    assert.equal(late.onTime, false);
    const sameDay = computeClock([received, { type: 'decided', date: '2025-09-26', decision: 'already-public' }], cal, plain);
    assert.equal(sameDay.onTime, true); // replied on the spot
  });

  it('closes a withdrawn case → （六）3', () => {
    for (const last of [{ type: 'withdrawn', date: '2025-10-09' }, { type: 'decided', date: '2025-10-09', decision: 'withdrawn' }] as CaseEvent[]) {
      const clock = computeClock([received, last], cal, plain);
      assert.equal(clock.state, 'withdrawn');
      assert.equal(clock.decision, 'withdrawn');
      assert.equal(getDecision(clock.decision!).row, 'r6-3');
    }
  });

  it('refuses anything after the case is closed, by date or by order of recording', () => {
    const decided: CaseEvent = { type: 'decided', date: '2025-10-20', decision: 'disclosed' };
    rejects([received, decided, { type: 'extended', date: '2025-10-21', days: 5, approver: '王某', reason: '理由' }],
      /^案件已办结（2025-10-20），不能再登记“延长答复期限”$/, 'events[2].type');
    rejects([received, decided, { type: 'consultation-started', date: '2025-10-10', party: '甲' }], /^案件已办结（2025-10-20）/, 'events[2].type');
    rejects([received, decided, { type: 'decided', date: '2025-10-20', decision: 'disclosed' }], /^案件已办结/);
    rejects([received, { type: 'withdrawn', date: '2025-10-09' }, { type: 'fee-paid', date: '2025-10-10' }], /^案件已办结（2025-10-09）/);
  });

  it('refuses a reply dated before receipt', () => {
    rejects([received, { type: 'decided', date: '2025-09-25', decision: 'disclosed' }],
      /^答复日期（2025-09-25）早于收到申请日期（2025-09-26）$/, 'events[1].date');
    rejects([received, { type: 'consultation-started', date: '2025-09-01', party: '甲' }], /^征求意见日期（2025-09-01）早于收到申请日期/);
  });

  it('refuses “unclear after correction” without a correction', () => {
    rejects([received, { type: 'decided', date: '2025-10-20', decision: 'unclear-after-correction' }], /本案没有收到补正/);
    const ok = computeClock([received, { type: 'correction-requested', date: '2025-09-29', correctionDeadline: '2025-10-17' },
      { type: 'correction-received', date: '2025-10-10' }, { type: 'decided', date: '2025-10-20', decision: 'unclear-after-correction' }], cal, plain);
    assert.equal(getDecision(ok.decision!).row, 'r4-3');
  });
});

describe('malformed events', () => {
  it('names the field of the first problem', () => {
    const cases: Array<[unknown[], RegExp, string]> = [
      [[], /案件没有任何事件/, 'events'],
      [[{ type: 'decided', date: '2025-10-01', decision: 'disclosed' }], /案件缺少“收到申请”事件/, 'events'],
      [[received, { ...received }], /只能登记一次“收到申请”/, 'events[1].type'],
      [[{ type: 'received', date: '2025-02-30', channel: 'online' }], /收到申请日期“2025-02-30”不是有效日期/, 'events[0].date'],
      [[{ type: 'received', date: '2025-09-26', channel: 'pigeon' }], /未知的申请渠道“pigeon”/, 'events[0].channel'],
      [[received, { type: 'approved', date: '2025-10-01' }], /未知的事件类型“approved”/, 'events[1].type'],
      [[received, { type: 'decided', date: '2025-10-01', decision: 'approved' }], /未知的办理结果“approved”/, 'events[1].decision'],
      [[received, { type: 'extended', date: '2025-10-01', days: 10, approver: ' ', reason: '理由' }], /批准延期的政府信息公开工作机构负责人不能为空/, 'events[1].approver'],
      [[received, { type: 'extended', date: '2025-10-01', days: '10', approver: '王某', reason: '理由' }], /延长的工作日天数应为数字/, 'events[1].days'],
      [[received, { type: 'correction-requested', date: '2025-10-01', correctionDeadline: '2025-10-01' }], /补正期限（2025-10-01）应晚于补正通知日期/, 'events[1].correctionDeadline'],
      [[received, { type: 'consultation-started', date: '2025-10-09', party: '' }], /被征求意见方不能为空/, 'events[1].party'],
      [[received, { type: 'fee-notice-sent', date: '2025-10-09', receivedOn: '2025-10-08' }], /收费通知送达日期（2025-10-08）早于发出日期（2025-10-09）/, 'events[1].receivedOn'],
    ];
    for (const [events, message, field] of cases) rejects(events, message, field);
  });
});
