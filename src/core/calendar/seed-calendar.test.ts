import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { calendarFromChineseDays, noticeYearOf } from './seed-calendar.js';

/** A year of chinese-days entries with every required holiday (dates are illustrative placements). */
function fullYear(year: number): Record<string, string> {
  return {
    [`${year}-01-01`]: "New Year's Day,元旦,1", [`${year}-02-10`]: 'Spring Festival,春节,3',
    [`${year}-04-05`]: 'Tomb-sweeping Day,清明,1', [`${year}-05-01`]: 'Labour Day,劳动节,1',
    [`${year}-06-10`]: 'Dragon Boat Festival,端午,1', [`${year}-10-01`]: 'National Day,国庆节,3',
  };
}

describe('calendarFromChineseDays', () => {
  it('converts days off and make-up days with official names and notice years', () => {
    const json = {
      holidays: { ...fullYear(2019), '2018-12-30': "New Year's Day,元旦,1", '2019-09-13': 'Mid-autumn Festival,中秋,1' },
      workdays: { '2018-12-29': "New Year's Day,元旦,1", '2019-02-02': 'Spring Festival,春节,3' },
      inLieuDays: {},
    };
    const cal = calendarFromChineseDays(json, { from: 2019, to: 2019 });
    assert.deepEqual(cal.coveredYears, { from: 2019, to: 2019 });
    assert.deepEqual(cal.days.slice(0, 3), [
      { date: '2018-12-29', kind: 'work', name: '元旦调休上班', year: 2019 },
      { date: '2018-12-30', kind: 'off', name: '元旦', year: 2019 },
      { date: '2019-01-01', kind: 'off', name: '元旦', year: 2019 },
    ]);
    const names = new Map(cal.days.map((d) => [d.date, d.name]));
    assert.equal(names.get('2019-04-05'), '清明节');
    assert.equal(names.get('2019-06-10'), '端午节');
    assert.equal(names.get('2019-09-13'), '中秋节');
    assert.equal(names.get('2019-02-02'), '春节调休上班');
  });

  it('covers the longest run of complete years in the range (中秋节 not required: 2020 merged it into 国庆节)', () => {
    const incomplete2022 = Object.fromEntries(Object.entries(fullYear(2022)).filter(([d]) => !d.endsWith('10-01')));
    const json = { holidays: { ...fullYear(2020), ...fullYear(2021), ...incomplete2022, ...fullYear(2023) }, workdays: {} };
    const cal = calendarFromChineseDays(json, { from: 2019, to: 2023 });
    assert.deepEqual(cal.coveredYears, { from: 2020, to: 2021 });
    assert.ok(cal.days.every((d) => d.year >= 2020 && d.year <= 2021));
    assert.equal(calendarFromChineseDays({ holidays: {}, workdays: {} }).coveredYears, null);
  });

  it('keeps a covered year’s December day arranged by the next, uncovered notice', () => {
    const json = { holidays: { ...fullYear(2022), '2022-12-31': "New Year's Day,元旦,1", '2023-01-02': "New Year's Day,元旦,1" }, workdays: {} };
    const cal = calendarFromChineseDays(json, { from: 2022, to: 2022 });
    assert.deepEqual(cal.days.at(-1), { date: '2022-12-31', kind: 'off', name: '元旦', year: 2023 });
    assert.ok(!cal.days.some((d) => d.date === '2023-01-02'));
  });

  it('refuses malformed data, listing each problem', () => {
    assert.throws(() => calendarFromChineseDays({ holidays: { '2019-02-30': 'x,春节,1', '2019-10-01': 'National Day' } }), (e: ValidationError) => {
      assert.deepEqual((e.details.problems ?? []).map((p) => p.message), [
        '无法识别的条目 2019-02-30："x,春节,1"',
        '无法识别的条目 2019-10-01："National Day"',
        '缺少 workdays 对象',
      ]);
      return true;
    });
    assert.throws(() => calendarFromChineseDays({ holidays: { '2019-02-02': 'a,春节,1' }, workdays: { '2019-02-02': 'a,春节,1' } }), /格式有误/);
  });

  it('attributes late-December New Year days to the next notice only', () => {
    assert.equal(noticeYearOf('2018-12-29', '元旦'), 2019);
    assert.equal(noticeYearOf('2019-01-01', '元旦'), 2019);
    assert.equal(noticeYearOf('2023-12-31', '国庆节'), 2023);
  });
});
