import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workCalendar } from '../calendar/work-calendar.js';
import { ValidationError } from '../errors.js';
import { addCalendarMonths, answerDeadline, checkAnswerDate, deadlineBase, yearCounts } from './proposal-rules.js';

// 2025 only: National Day 10-01…10-08 off, 09-28 and 10-11 worked (国办发明电〔2024〕12号).
const cal = workCalendar({
  days: [
    ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']
      .map((date) => ({ date, kind: 'off' as const, name: '国庆节、中秋节' })),
    { date: '2025-09-28', kind: 'work' as const, name: '国庆节、中秋节' }, { date: '2025-10-11', kind: 'work' as const, name: '国庆节、中秋节' },
  ],
  coveredYears: { from: 2025, to: 2025 },
});

describe('proposal rules', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    assert.equal(addCalendarMonths('2025-03-15', 3), '2025-06-15');
    assert.equal(addCalendarMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addCalendarMonths('2023-11-30', 3), '2024-02-29');
    assert.equal(addCalendarMonths('2025-10-31', 3), '2026-01-31');
    assert.equal(deadlineBase('2025-07-02'), '2025-10-02');
    assert.equal(deadlineBase('2025-07-02', '2025-09-30'), '2025-09-30');
  });

  it('moves a deadline on a holiday to the next working day, and is pending past the covered years', () => {
    assert.deepEqual(answerDeadline(cal, '2025-10-02'), { dueOn: '2025-10-09', pendingYear: null });
    assert.deepEqual(answerDeadline(cal, '2025-06-15'), { dueOn: '2025-06-16', pendingYear: null }, 'a Sunday');
    assert.deepEqual(answerDeadline(cal, '2025-06-16'), { dueOn: '2025-06-16', pendingYear: null });
    assert.deepEqual(answerDeadline(cal, '2026-02-28'), { dueOn: null, pendingYear: 2026 });
  });

  it('refuses a late answer without a reason, and an answer it cannot judge for want of the calendar', () => {
    assert.deepEqual(checkAnswerDate('2025-10-02', answerDeadline(cal, '2025-10-02'), '2025-10-09', null), { late: false });
    assert.throws(() => checkAnswerDate('2025-10-02', answerDeadline(cal, '2025-10-02'), '2025-10-10', null),
      (e: unknown) => e instanceof ValidationError && /逾期理由/.test(e.message) && e.details.place?.field === 'lateReason');
    assert.deepEqual(checkAnswerDate('2025-10-02', answerDeadline(cal, '2025-10-02'), '2025-10-10', '会办单位意见反馈延迟'), { late: true });
    assert.deepEqual(checkAnswerDate('2026-02-28', answerDeadline(cal, '2026-02-28'), '2026-01-10', null), { late: false });
    assert.throws(() => checkAnswerDate('2026-02-28', answerDeadline(cal, '2026-02-28'), '2026-03-02', null),
      (e: unknown) => e instanceof ValidationError && /日历未覆盖 2026 年/.test(e.message));
  });

  it('counts a year for section 六 and words it', () => {
    const c = yearCounts(2019, [
      { kind: 'cppcc', assignedOn: '2019-04-10', answeredOn: '2019-07-01', dueOn: '2019-07-10', late: false, resultPublishedOn: '2019-08-05' },
      { kind: 'npc', assignedOn: '2018-12-01', answeredOn: '2019-02-01', dueOn: '2019-03-01', late: false, resultPublishedOn: null },
    ], '本单位');
    assert.deepEqual(c.cppcc, { received: 1, answered: 1, answeredOnTime: 1, resultsPublished: 1 });
    assert.deepEqual(c.npc, { received: 0, answered: 1, answeredOnTime: 1, resultsPublished: 0 });
    assert.equal(c.text, '2019年度，本单位共承办人大代表建议 0 件、政协提案 1 件，答复人大代表建议 1 件、政协提案 1 件，均按期答复；办理结果已在门户网站公开 1 件。');
    assert.equal(yearCounts(2020, []).text, '2020年度，本机关未承办人大代表建议和政协提案。');
  });
});
