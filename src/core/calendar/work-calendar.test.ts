/**
 * The working-day calendar on excerpts of real State Council notices:
 * 2025 (国庆节、中秋节：10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班) and
 * 2019 New Year (2018年12月30日至2019年1月1日放假调休，2018年12月29日（周六）上班).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import {
  addWorkingDays, assertCovered, covers, dayReason, isWorkingDay, workCalendar, workingDaysBetween, workingDaysDeadline,
  type CalendarDay,
} from './work-calendar.js';

const off = (date: string, name: string): CalendarDay => ({ date, kind: 'off', name });
const work = (date: string, name: string): CalendarDay => ({ date, kind: 'work', name });

const NATIONAL_DAY_2025 = [
  work('2025-09-28', '国庆节调休上班'),
  ...['01', '02', '03', '04', '05', '07', '08'].map((d) => off(`2025-10-${d}`, '国庆节')),
  off('2025-10-06', '中秋节'),
  work('2025-10-11', '国庆节调休上班'),
];
const cal2025 = workCalendar({ coveredYears: { from: 2025, to: 2025 }, days: NATIONAL_DAY_2025 });

const NEW_YEAR_2019 = [work('2018-12-29', '元旦调休上班'), off('2018-12-30', '元旦'), off('2018-12-31', '元旦'), off('2019-01-01', '元旦')];
const cal2019 = workCalendar({ coveredYears: { from: 2019, to: 2019 }, days: NEW_YEAR_2019 });

function uncoveredYear(year: number) {
  return (e: unknown) => e instanceof ValidationError && e.message === `日历未覆盖 ${year} 年：请先录入国务院办公厅公布的该年度节假日安排`;
}

describe('working days', () => {
  it('classifies weekdays, weekends, days off and make-up working days', () => {
    const table: Array<[string, boolean, string]> = [
      ['2025-09-26', true, '工作日'], ['2025-09-27', false, '周六'], ['2025-09-28', true, '国庆节调休上班'],
      ['2025-10-01', false, '国庆节假期'], ['2025-10-04', false, '国庆节假期'], ['2025-10-06', false, '中秋节假期'],
      ['2025-10-11', true, '国庆节调休上班'], ['2025-10-12', false, '周日'], ['2025-10-13', true, '工作日'],
    ];
    for (const [date, working, reason] of table) {
      assert.equal(isWorkingDay(cal2025, date), working, date);
      assert.deepEqual(dayReason(cal2025, date), { working, reason }, date);
    }
  });

  it('answers for neighbouring-year days a covered notice lists, and for nothing else', () => {
    assert.equal(isWorkingDay(cal2019, '2018-12-29'), true);
    assert.equal(isWorkingDay(cal2019, '2018-12-31'), false);
    assert.equal(covers(cal2019, '2018-12-28'), false);
    assert.throws(() => isWorkingDay(cal2019, '2018-12-28'), uncoveredYear(2018));
    // Received Friday 2018-12-28: the days counted are all arranged by the 2019 notice.
    assert.equal(addWorkingDays(cal2019, '2018-12-28', 2).date, '2019-01-02');
  });
});

describe('addWorkingDays: the day of receipt is not counted', () => {
  it('computes deadlines from the 2025 National Day arrangement', () => {
    const table: Array<[string, number, string]> = [
      ['2025-09-26', 1, '2025-09-28'], // Friday receipt: Saturday off, the make-up Sunday is day 1
      ['2025-09-26', 7, '2025-10-13'], // spec vector
      ['2025-09-30', 1, '2025-10-09'], // the whole holiday skipped
      ['2025-10-03', 1, '2025-10-09'], // received on a day off: counting starts the next day all the same
      ['2025-10-12', 1, '2025-10-13'], // received on a Sunday
      ['2025-10-13', 5, '2025-10-20'],
      ['2025-10-13', 0, '2025-10-13'],
    ];
    for (const [from, n, expected] of table) {
      assert.equal(addWorkingDays(cal2025, from, n).date, expected, `${from} + ${n}`);
      assert.equal(workingDaysDeadline(cal2025, from, n), expected, `${from} + ${n} (no explanation)`);
    }
  });

  it('explains every day skipped or counted, from the day after receipt to the deadline', () => {
    const { explain } = addWorkingDays(cal2025, '2025-09-26', 7);
    assert.deepEqual(explain.map((d) => [d.date.slice(5), d.counted, d.reason]), [
      ['09-27', false, '周六'], ['09-28', true, '国庆节调休上班'], ['09-29', true, '工作日'], ['09-30', true, '工作日'],
      ['10-01', false, '国庆节假期'], ['10-02', false, '国庆节假期'], ['10-03', false, '国庆节假期'], ['10-04', false, '国庆节假期'],
      ['10-05', false, '国庆节假期'], ['10-06', false, '中秋节假期'], ['10-07', false, '国庆节假期'], ['10-08', false, '国庆节假期'],
      ['10-09', true, '工作日'], ['10-10', true, '工作日'], ['10-11', true, '国庆节调休上班'], ['10-12', false, '周日'],
      ['10-13', true, '工作日'],
    ]);
    assert.deepEqual(addWorkingDays(cal2025, '2025-10-13', 0).explain, []);
  });

  it('fails loudly beyond the covered years, never counting weekends only', () => {
    assert.throws(() => addWorkingDays(cal2025, '2025-12-20', 20), uncoveredYear(2026));
    assert.throws(() => workingDaysDeadline(cal2025, '2025-12-20', 20), uncoveredYear(2026));
    assert.throws(() => isWorkingDay(cal2025, '2024-12-31'), uncoveredYear(2024));
    assert.throws(() => assertCovered(cal2025, '2027-01-04'), uncoveredYear(2027));
    // Within the year up to its last day it still works.
    assert.equal(addWorkingDays(cal2025, '2025-12-24', 5).date, '2025-12-31');
    const empty = workCalendar({ coveredYears: null, days: [] });
    assert.throws(() => isWorkingDay(empty, '2025-10-13'), (e: ValidationError) =>
      uncoveredYear(2025)(e) && /尚未录入任何年度/.test(e.details.problems?.[0]?.message ?? ''));
  });

  it('refuses a bad date or count', () => {
    assert.throws(() => addWorkingDays(cal2025, '2025-09-31', 1), /起算日期“2025-09-31”不是有效日期/);
    for (const n of [-1, 1.5, Number.NaN, 1001]) assert.throws(() => addWorkingDays(cal2025, '2025-09-26', n), /工作日天数应为 0 至 1000 的整数/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    assert.equal(workingDaysBetween(cal2025, '2025-09-26', '2025-10-13'), 7);
    assert.equal(workingDaysBetween(cal2025, '2025-09-30', '2025-10-08'), 0);
    assert.equal(workingDaysBetween(cal2025, '2025-10-13', '2025-10-13'), 0);
    assert.equal(workingDaysBetween(cal2025, '2025-10-13', '2025-09-26'), -7);
  });

  it('agrees with addWorkingDays for every start in September–October and every n up to 40', () => {
    for (let d = 1; d <= 30; d++) {
      const from = `2025-09-${String(d).padStart(2, '0')}`;
      for (let n = 0; n <= 40; n++) {
        const to = addWorkingDays(cal2025, from, n).date;
        assert.equal(workingDaysBetween(cal2025, from, to), n, `${from} + ${n} = ${to}`);
      }
    }
  });
});

describe('workCalendar data checks', () => {
  it('lists every problem of bad data together', () => {
    assert.throws(() => workCalendar({
      coveredYears: { from: 2025, to: 2025 },
      days: [
        off('2025-10-01', '国庆节'), off('2025-10-01', '国庆节'), work('2025-10-09', '国庆节调休上班'),
        { date: '2025-02-30', kind: 'off', name: '春节' }, { date: '2025-10-02', kind: 'holiday' as 'off', name: '国庆节' },
        off('2025-10-03', ' '),
      ],
    }), (e: ValidationError) => {
      const messages = (e.details.problems ?? []).map((p) => p.message);
      assert.deepEqual(messages, [
        '2025-10-01 重复出现',
        '2025-10-09 为星期四，本即工作日，不应列为调休上班',
        '日期“2025-02-30”无效，应为 YYYY-MM-DD',
        '2025-10-02 的类型“holiday”无效，应为 off（放假）或 work（调休上班）',
        '2025-10-03 缺少名称或名称过长（不超过 50 字）',
      ]);
      return true;
    });
    assert.throws(() => workCalendar({ coveredYears: { from: 2026, to: 2025 }, days: [] }), /工作日日历数据有误/);
  });
});
