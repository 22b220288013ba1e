/**
 * The case clock on the real calendar (chinese-days data 2019–2026, via the calendar's seed source).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseDaysCalendar } from '../../calendar/calendar-source.js';
import { workCalendar } from '../calendar/work-calendar.js';
import { ValidationError } from '../errors.js';
import { computeClock, type CaseEvent, type ClockSettings } from './case-clock.js';

const cal = workCalendar(chineseDaysCalendar());
const plain: ClockSettings = { feeStopsClock: false };
const received = (date: string): CaseEvent => ({ type: 'received', date, channel: 'online' });

function rejects(events: CaseEvent[], message: RegExp, settings: ClockSettings = plain): void {
  assert.throws(() => computeClock(events, cal, settings), (e: unknown) => {
    assert.ok(e instanceof ValidationError, String(e));
    assert.match(e.message, message);
    return true;
  });
}

describe('reply period: 20 working days from receipt, day of receipt not counted (条例 Art. 33)', () => {
  it('gives the spec vectors as due dates', () => {
    const vectors: Array<[string, string]> = [
      ['2025-09-26', '2025-10-30'], // across 国庆节、中秋节 2025 with make-up days 09-28 and 10-11
      ['2026-02-10', '2026-03-16'], // across 春节 2026 with make-up days 02-14 and 02-28
      ['2024-12-20', '2025-01-20'], // across 元旦 2025, into the next year
      ['2026-09-18', '2026-10-22'], // across 国庆节 2026 with make-up days 09-20 and 10-10
    ];
    for (const [date, due] of vectors) {
      const clock = computeClock([received(date)], cal, plain);
      assert.equal(clock.state, 'received');
      assert.equal(clock.dueDate, due, date);
      assert.equal(clock.workingDays, 20);
    }
  });

  it('gives the notice-to-correct deadline (7 working days, 条例 Art. 30) and explains the skipped days', () => {
    const clock = computeClock([received('2025-09-26')], cal, plain);
    assert.equal(clock.correctionNoticeDue, '2025-10-13');
    assert.match(clock.explain[0]!, /^2025-09-26（星期五）收到申请（互联网渠道），答复期限自2025-09-26（星期五）次日起20个工作日，至2025-10-30（星期四）/);
    assert.match(clock.explain[0]!, /不计：2025-10-01至2025-10-05国庆节假期、2025-10-06中秋节假期、2025-10-07至2025-10-08国庆节假期、周末6天/);
    assert.match(clock.explain[0]!, /计入：2025-09-28国庆节调休上班、2025-10-11国庆节调休上班/);
    assert.equal(clock.explain.at(-1), '当前答复期限：2025-10-30（星期四）（共20个工作日）');
  });

  it('gives the same clock without the account when none is wanted (bulk recomputation)', () => {
    const events: CaseEvent[] = [received('2026-02-10'), { type: 'consultation-started', date: '2026-02-12', party: '甲' },
      { type: 'consultation-ended', date: '2026-03-02' }, { type: 'extended', date: '2026-03-20', days: 15, approver: '王某', reason: '理由' }];
    const full = computeClock(events, cal, plain);
    const bare = computeClock(events, cal, { ...plain, explain: false });
    assert.deepEqual(bare, { ...full, explain: [] });
    // Paused: 02-13, 02-14 (make-up Saturday), 02-24 … 02-28 (02-28 a make-up Saturday), 03-02 = 8;
    // 35 working days from 02-10 end 04-07, + 8 → 04-17.
    assert.equal(full.pausedWorkingDays, 8);
    assert.equal(full.dueDate, '2026-04-17');
  });

  it('marks an open case overdue against the injected today', () => {
    assert.equal(computeClock([received('2025-09-26')], cal, { ...plain, asOf: '2025-10-30' }).overdue, false);
    assert.equal(computeClock([received('2025-09-26')], cal, { ...plain, asOf: '2025-10-31' }).overdue, true);
  });

  it('fails loudly for a date the calendar does not cover', () => {
    rejects([received('2026-12-10')], /日历未覆盖 2027 年/); // the period runs into 2027
    rejects([received('2027-03-01')], /日历未覆盖 2027 年/);
  });
});

describe('consultation does not count (条例 Art. 32, 34; Art. 33 ¶2)', () => {
  const consult = (date: string, party = '某科技有限公司'): CaseEvent => ({ type: 'consultation-started', date, party });
  const ended = (date: string, party?: string): CaseEvent => ({ type: 'consultation-ended', date, ...(party ? { party } : {}) });

  it('stops the clock while consulting and shows what was left', () => {
    const clock = computeClock([received('2025-09-26'), consult('2025-10-13')], cal, plain);
    assert.equal(clock.state, 'consulting');
    assert.equal(clock.dueDate, null);
    assert.equal(clock.remainingWorkingDays, 13); // 10-14 … 10-30
    assert.equal(clock.consultationDue, '2025-11-03'); // 15 working days for the consulted party
    assert.equal(clock.explain.at(-1), '答复期限暂停计算，暂停时剩余13个工作日');
  });

  it('moves the due date by the working days spent consulting', () => {
    const cases: Array<[string, string, number, string]> = [
      ['2025-10-13', '2025-10-20', 5, '2025-11-06'], // a 5-working-day consultation
      ['2025-10-09', '2025-10-16', 6, '2025-11-07'], // 10-11 (Saturday) was a make-up working day
      ['2025-09-30', '2025-10-09', 1, '2025-10-31'], // over the National Day holiday, which never counted: only 10-09 is paused
    ];
    for (const [from, to, paused, due] of cases) {
      const clock = computeClock([received('2025-09-26'), consult(from), ended(to)], cal, plain);
      assert.equal(clock.state, 'received');
      assert.equal(clock.pausedWorkingDays, paused, `${from}–${to}`);
      assert.equal(clock.dueDate, due, `${from}–${to}`);
    }
  });

  it('counts overlapping consultations once', () => {
    const clock = computeClock([
      received('2025-09-26'), consult('2025-10-13', '第三方甲'), consult('2025-10-15', '市自然资源局'),
      ended('2025-10-20', '第三方甲'), ended('2025-10-22', '市自然资源局'),
    ], cal, plain);
    assert.equal(clock.pausedWorkingDays, 7); // 10-14 … 10-22
    assert.equal(clock.dueDate, '2025-11-10');
  });

  it('refuses to end a consultation that was not started', () => {
    rejects([received('2025-09-26'), ended('2025-10-20')], /本案没有进行中的征求意见/);
    rejects([received('2025-09-26'), consult('2025-10-13', '甲'), ended('2025-10-20', '乙')], /没有进行中的对“乙”的征求意见/);
  });
});

describe('correction restarts the period (条例 Art. 30)', () => {
  const requested: CaseEvent = { type: 'correction-requested', date: '2025-09-30', correctionDeadline: '2025-10-20' };

  it('waits for the correction without a reply deadline', () => {
    const clock = computeClock([received('2025-09-26'), requested], cal, plain);
    assert.equal(clock.state, 'awaiting-correction');
    assert.equal(clock.dueDate, null);
    assert.equal(clock.correctionDue, '2025-10-20');
    assert.equal(clock.correctionNoticeDue, '2025-10-13');
    assert.deepEqual(clock.warnings, []);
  });

  it('restarts the 20 working days from receipt of the correction', () => {
    const clock = computeClock([received('2025-09-26'), requested, { type: 'correction-received', date: '2025-10-15' }], cal, plain);
    assert.equal(clock.state, 'received');
    assert.equal(clock.clockStart, '2025-10-15');
    assert.equal(clock.dueDate, '2025-11-12');
  });

  it('treats a missed correction deadline as abandoned → （六）1', () => {
    const waiting = [received('2025-09-26'), requested];
    assert.equal(computeClock(waiting, cal, { ...plain, asOf: '2025-10-20' }).state, 'awaiting-correction');
    const lapsed = computeClock(waiting, cal, { ...plain, asOf: '2025-10-21' });
    assert.equal(lapsed.state, 'abandoned');
    assert.equal(lapsed.decision, 'correction-not-made');
    assert.equal(lapsed.closedOn, '2025-10-21');
    const recorded = computeClock([...waiting, { type: 'decided', date: '2025-10-21', decision: 'correction-not-made' }], cal, plain);
    assert.equal(recorded.state, 'abandoned');
    rejects([...waiting, { type: 'decided', date: '2025-10-20', decision: 'correction-not-made' }], /只有补正期限届满仍未补正的/);
  });

  it('accepts a late correction only with a good reason', () => {
    rejects([received('2025-09-26'), requested, { type: 'correction-received', date: '2025-10-22' }],
      /补正日期（2025-10-22）晚于补正期限（2025-10-20）.*请填写逾期理由/);
    const clock = computeClock([received('2025-09-26'), requested,
      { type: 'correction-received', date: '2025-10-22', lateReason: '邮寄途中延误，有邮戳为证' }], cal, plain);
    assert.equal(clock.dueDate, addDue('2025-10-22'));
  });

  it('warns about a late notice to correct and refuses a second one', () => {
    const late = computeClock([received('2025-09-26'), { type: 'correction-requested', date: '2025-10-14', correctionDeadline: '2025-10-31' }], cal, plain);
    assert.deepEqual(late.warnings, ['补正通知（2025-10-14）晚于法定期限 2025-10-13（条例第三十条：收到申请之日起7个工作日内）']);
    rejects([received('2025-09-26'), requested, { type: 'correction-requested', date: '2025-10-09', correctionDeadline: '2025-10-31' }],
      /补正通知应一次性告知（条例第三十条），本案已于 2025-09-30 发出补正通知/);
  });
});

/** 2025-10-22 + 20 working days, on the real calendar. */
function addDue(from: string): string {
  return computeClock([received(from)], cal, plain).dueDate!;
}

describe('one extension of at most 20 working days, before the deadline (条例 Art. 33)', () => {
  const extend = (date: string, days = 20): CaseEvent => ({ type: 'extended', date, days, approver: '政务公开办主任 王某', reason: '需调取历年档案' });

  it('extends 2026-02-10 to 40 working days → 2026-04-14', () => {
    const clock = computeClock([received('2026-02-10'), extend('2026-03-10')], cal, plain);
    assert.equal(clock.state, 'extended');
    assert.equal(clock.workingDays, 40);
    assert.equal(clock.dueDate, '2026-04-14');
    assert.deepEqual(clock.extension, { date: '2026-03-10', days: 20, approver: '政务公开办主任 王某', reason: '需调取历年档案' });
    assert.match(clock.explain[1]!, /至2026-04-14（星期二）.*2026-04-04至2026-04-06清明节假期/);
  });

  it('accepts the extension on the last day and refuses it the day after', () => {
    assert.equal(computeClock([received('2026-02-10'), extend('2026-03-16', 10)], cal, plain).dueDate, '2026-03-30');
    rejects([received('2026-02-10'), extend('2026-03-17')], /^延长答复期限须在当前答复期限（2026-03-16）届满前决定，决定日期为 2026-03-17$/);
  });

  it('refuses a second extension and one over 20 working days', () => {
    rejects([received('2026-02-10'), extend('2026-03-02', 5), extend('2026-03-09', 5)], /^答复期限只能延长一次，本案已于 2026-03-02 延长$/);
    rejects([received('2026-02-10'), extend('2026-03-02', 21)], /^延长的期限最长不得超过20个工作日（条例第三十三条），实际为“21”$/);
    rejects([received('2026-02-10'), extend('2026-03-02', 0)], /最长不得超过20个工作日/);
  });

  it('counts the extension on top of a consultation', () => {
    const clock = computeClock([
      received('2025-09-26'), { type: 'consultation-started', date: '2025-10-13', party: '甲' },
      { type: 'consultation-ended', date: '2025-10-20' }, extend('2025-11-05', 10),
    ], cal, plain);
    assert.equal(clock.dueDate, '2025-11-20'); // 11-06 + 10 working days
    assert.equal(clock.explain.at(-1), '当前答复期限：2025-11-20（星期四）（共30个工作日，另顺延暂停计算的5个工作日）');
  });
});

describe('Art. 35 later reply date', () => {
  it('sets a later date before the deadline, never an earlier one', () => {
    const clock = computeClock([received('2025-09-26'),
      { type: 'later-date-set', date: '2025-10-20', replyBy: '2025-12-31', reason: '申请涉及2000余件文件' }], cal, plain);
    assert.equal(clock.dueDate, '2025-12-31');
    assert.equal(clock.state, 'extended');
    rejects([received('2025-09-26'), { type: 'later-date-set', date: '2025-10-20', replyBy: '2025-10-29', reason: '理由' }],
      /延迟答复的期限（2025-10-29）应晚于当前答复期限（2025-10-30）/);
    rejects([received('2025-09-26'), { type: 'later-date-set', date: '2025-10-31', replyBy: '2025-12-31', reason: '理由' }],
      /确定延迟答复期限须在当前答复期限（2025-10-30）届满前决定/);
  });
});

describe('on a calendar built from literal data', () => {
  // Only 2025's National Day arrangement (国办发明电〔2024〕12号): 10-01 to 10-08 off, 09-28 and 10-11 worked.
  const literal = workCalendar({
    coveredYears: { from: 2025, to: 2025 },
    days: [
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'off' as const, name: '国庆节' })),
      { date: '2025-09-28', kind: 'work', name: '国庆节调休上班' },
      { date: '2025-10-11', kind: 'work', name: '国庆节调休上班' },
    ],
  });

  it('gives the same deadlines as the package data', () => {
    assert.equal(computeClock([received('2025-09-26')], literal, plain).dueDate, '2025-10-30');
    assert.equal(computeClock([received('2025-09-26')], literal, plain).correctionNoticeDue, '2025-10-13');
  });

  it('never guesses beyond the covered years', () => {
    assert.throws(() => computeClock([received('2025-12-15')], literal, plain), (e: unknown) =>
      e instanceof ValidationError && e.message === '日历未覆盖 2026 年：请先录入国务院办公厅公布的该年度节假日安排');
  });
});
