/**
 * Readable accounts of working-day arithmetic for the case clock: which days of a span were not counted
 * (周末, 国庆节假期 …) and which weekend days counted as make-up working days (调休上班).
 */
import { dateWithWeekday } from '../calendar/civil-date.js';
import { addWorkingDays, type DayExplanation, type WorkCalendar } from '../calendar/work-calendar.js';

const WEEKEND = new Set(['周六', '周日']);

/**
 * Summarises the days looked at while counting: holiday runs (2025-10-01至2025-10-08 国庆节假期), the number
 * of weekend days skipped, and make-up working days counted. Empty when every day was an ordinary working day.
 */
export function spanNote(days: readonly DayExplanation[]): string {
  const holidays: Array<{ from: string; to: string; reason: string }> = [];
  let weekend = 0;
  const makeUp: string[] = [];
  for (const d of days) {
    if (d.counted) {
      if (d.reason !== '工作日') makeUp.push(`${d.date}${d.reason}`);
      continue;
    }
    if (WEEKEND.has(d.reason)) {
      weekend++;
      continue;
    }
    const last = holidays[holidays.length - 1];
    if (last && last.reason === d.reason) last.to = d.date;
    else holidays.push({ from: d.date, to: d.date, reason: d.reason });
  }
  const skipped = [
    ...holidays.map((h) => `${h.from === h.to ? h.from : `${h.from}至${h.to}`}${h.reason}`),
    ...(weekend > 0 ? [`周末${weekend}天`] : []),
  ];
  const parts = [
    ...(skipped.length > 0 ? [`不计：${skipped.join('、')}`] : []),
    ...(makeUp.length > 0 ? [`计入：${makeUp.join('、')}`] : []),
  ];
  return parts.length > 0 ? `（${parts.join('；')}）` : '';
}

/**
 * `n` working days after `from` with its account: 自2025-09-26（星期五）次日起20个工作日，至2025-10-30（星期四）（不计：…）.
 */
export function countedSpan(cal: WorkCalendar, from: string, n: number): { date: string; text: string } {
  const { date, explain } = addWorkingDays(cal, from, n);
  return { date, text: `自${dateWithWeekday(from)}次日起${n}个工作日，至${dateWithWeekday(date)}${spanNote(explain)}` };
}
