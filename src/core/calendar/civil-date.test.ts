import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dateOfDay, dateWithWeekday, dayNumber, weekdayName, weekdayOf, yearDays } from './civil-date.js';

describe('civil dates (UTC-only arithmetic on YYYY-MM-DD)', () => {
  it('numbers days from 1970-01-01 and back', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dateOfDay(dayNumber('2025-10-13')), '2025-10-13');
    assert.equal(dateOfDay(dayNumber('0099-03-01')), '0099-03-01');
  });

  it('adds days across month ends, leap days and year ends', () => {
    const cases: Array<[string, number, string]> = [
      ['2024-02-28', 1, '2024-02-29'], ['2024-02-29', 1, '2024-03-01'], ['2025-02-28', 1, '2025-03-01'],
      ['2025-12-31', 1, '2026-01-01'], ['2026-01-01', -1, '2025-12-31'], ['2025-09-26', 17, '2025-10-13'],
      ['2000-02-28', 1, '2000-02-29'], ['2100-02-28', 1, '2100-03-01'],
    ];
    for (const [from, n, expected] of cases) assert.equal(addDays(from, n), expected, `${from} + ${n}`);
  });

  it('names weekdays (spec vectors: Fri 2025-09-26, Mon 2025-10-13, Tue 2026-02-10, Thu 2026-10-22)', () => {
    assert.equal(weekdayName('2025-09-26'), '星期五');
    assert.equal(weekdayName('2025-10-13'), '星期一');
    assert.equal(weekdayName('2026-02-10'), '星期二');
    assert.equal(weekdayName('2026-10-22'), '星期四');
    assert.equal(weekdayOf('2025-09-28'), 0);
    assert.equal(weekdayOf('1970-01-01'), 4);
    assert.equal(weekdayOf('1969-12-31'), 3);
    assert.equal(dateWithWeekday('2025-10-13'), '2025-10-13（星期一）');
  });

  it('gives the same answers in any time zone', () => {
    const original = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(addDays('2025-09-30', 1), '2025-10-01', tz);
        assert.equal(weekdayName('2025-10-01'), '星期三', tz);
        assert.equal(yearDays(2026).first, dayNumber('2026-01-01'), tz);
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it('refuses text that is not a real date, naming the field', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-5', '20251013', '', '2025-10-13T00:00']) {
      assert.throws(() => dayNumber(bad, '收到日期'), (e: Error) => e.message.startsWith(`收到日期“${bad}”不是有效日期`), bad);
    }
  });
});
