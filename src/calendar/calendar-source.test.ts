/**
 * The seeded calendar (chinese-days) against the spec's vectors and make-up days, and day by day
 * against a second, independently maintained source (holiday-calendar).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { addDays, dateWithWeekday, weekdayOf } from '../core/calendar/civil-date.js';
import { addWorkingDays, covers, dayReason, isWorkingDay, workCalendar, workingDaysBetween } from '../core/calendar/work-calendar.js';
import { ValidationError } from '../core/errors.js';
import { chineseDaysCalendar } from './calendar-source.js';

const seed = chineseDaysCalendar();
const cal = workCalendar(seed);

/** applications.md, “Test vectors (start day excluded)”. */
const SPEC_VECTORS: Array<[string, number, string]> = [
  ['2025-09-26', 7, '2025-10-13（星期一）'],
  ['2025-09-26', 20, '2025-10-30（星期四）'],
  ['2026-02-10', 20, '2026-03-16（星期一）'],
  ['2026-02-10', 40, '2026-04-14（星期二）'],
  ['2024-12-20', 20, '2025-01-20（星期一）'],
  ['2026-09-18', 20, '2026-10-22（星期四）'],
];

/** applications.md, “Make-up working days to test” (all Saturdays or Sundays). */
const MAKE_UP_DAYS = [
  '2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12',
  '2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10',
  '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

describe('seeded calendar (chinese-days)', () => {
  it('covers 2019–2026 and names its source', () => {
    assert.deepEqual(seed.coveredYears, { from: 2019, to: 2026 });
    assert.match(seed.source, /^chinese-days \d+\.\d+\.\d+$/);
    // 2018-12-29 to 31 come with the 2019 notice.
    assert.deepEqual(seed.days.slice(0, 3).map((d) => [d.date, d.kind, d.year]), [['2018-12-29', 'work', 2019], ['2018-12-30', 'off', 2019], ['2018-12-31', 'off', 2019]]);
  });

  it('gives every deadline of the spec table', () => {
    for (const [from, n, expected] of SPEC_VECTORS) {
      const { date } = addWorkingDays(cal, from, n);
      assert.equal(dateWithWeekday(date), expected, `${from} + ${n}`);
      assert.equal(workingDaysBetween(cal, from, date), n);
    }
  });

  it('makes every listed weekend make-up day a working day', () => {
    for (const date of MAKE_UP_DAYS) {
      assert.ok([0, 6].includes(weekdayOf(date)), `${date} is a weekend day`);
      assert.equal(isWorkingDay(cal, date), true, date);
      assert.match(dayReason(cal, date).reason, /调休上班$/, date);
    }
  });

  it('keeps the 2020 Spring Festival extension to 2 February (国办发明电〔2020〕1号): 1 February is no longer a make-up day', () => {
    for (const date of ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']) assert.equal(isWorkingDay(cal, date), false, date);
    assert.equal(dayReason(cal, '2020-01-31').reason, '春节假期');
    assert.equal(isWorkingDay(cal, '2020-02-03'), true);
    assert.equal(addWorkingDays(cal, '2020-01-23', 1).date, '2020-02-03');
  });

  it('explains the skipped days of the 2026 Spring Festival vector', () => {
    const { explain } = addWorkingDays(cal, '2026-02-10', 20);
    const skipped = explain.filter((d) => !d.counted);
    assert.deepEqual(skipped.filter((d) => d.reason === '春节假期').map((d) => d.date), [
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    assert.deepEqual(explain.filter((d) => d.reason === '春节调休上班').map((d) => [d.date, d.counted]), [['2026-02-14', true], ['2026-02-28', true]]);
    assert.equal(explain.filter((d) => d.counted).length, 20);
    assert.equal(explain[0]!.date, '2026-02-11');
    assert.equal(explain.at(-1)!.date, '2026-03-16');
  });

  it('fails loudly beyond the covered years', () => {
    const uncovered = (year: number) => (e: unknown) =>
      e instanceof ValidationError && e.message === `日历未覆盖 ${year} 年：请先录入国务院办公厅公布的该年度节假日安排`;
    assert.throws(() => addWorkingDays(cal, '2026-12-15', 20), uncovered(2027));
    assert.throws(() => isWorkingDay(cal, '2018-12-28'), uncovered(2018));
    assert.throws(() => workingDaysBetween(cal, '2018-06-01', '2019-01-10'), uncovered(2018));
  });
});

describe('cross-check against holiday-calendar', () => {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('holiday-calendar/package.json')), 'data');
  const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as { regions: Array<{ name: string; startYear: number; endYear: number }> };
  const region = index.regions.find((r) => r.name === 'CN')!;

  it('agrees on every day both sources cover', () => {
    const from = Math.max(region.startYear, seed.coveredYears!.from);
    const to = Math.min(region.endYear, seed.coveredYears!.to);
    assert.deepEqual([from, to], [2019, 2026], 'both sources cover 2019–2026');
    // holiday-calendar files are by notice year too: its 2019 file holds 2018-12-29 to 31.
    const listed = new Map<string, string>();
    for (let year = from; year <= to; year++) {
      const file = JSON.parse(readFileSync(join(dataDir, 'CN', `${year}.json`), 'utf8')) as { dates: Array<{ date: string; type: string }> };
      for (const { date, type } of file.dates) listed.set(date, type);
    }
    const dates = new Set(listed.keys());
    for (let d = `${from}-01-01`; d <= `${to}-12-31`; d = addDays(d, 1)) dates.add(d);
    const disagreements: string[] = [];
    for (const date of [...dates].sort()) {
      const type = listed.get(date);
      const theirs = type === 'transfer_workday' ? true : type === 'public_holiday' ? false : ![0, 6].includes(weekdayOf(date));
      const ours = covers(cal, date) ? isWorkingDay(cal, date) : null;
      if (ours !== theirs) disagreements.push(`${dateWithWeekday(date)}：chinese-days ${ours === null ? '未覆盖' : ours ? '工作日' : '休息日'}，holiday-calendar ${theirs ? '工作日' : '休息日'}（${type ?? '未列出'}）`);
    }
    assert.deepEqual(disagreements, []);
    assert.ok(dates.size >= 2922, `${dates.size} days compared`);
  });
});
