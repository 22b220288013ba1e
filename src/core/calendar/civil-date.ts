/**
 * Arithmetic on civil dates written `YYYY-MM-DD`, by day number (days since 1970-01-01). Only the
 * UTC methods of Date are used, so the result never depends on the machine's time zone: a local
 * midnight in Asia/Shanghai is the previous day in UTC, which is how a naive `new Date('…')` plus
 * `getDate()` shifts deadlines by one day.
 */
import { ValidationError, type ErrorPlace } from '../errors.js';
import { isValidDate } from '../report/dates.js';

const MS_PER_DAY = 86_400_000;

/** Chinese weekday names, index 0 = Sunday (as Date#getUTCDay). */
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Whether a text is a real calendar date in YYYY-MM-DD form (2019-02-30 is not). */
export { isValidDate };

/**
 * The day number of a date (1970-01-01 = 0). Throws a ValidationError naming `field` when the
 * text is not a real YYYY-MM-DD date.
 */
export function dayNumber(date: string, field = '日期'): number {
  if (typeof date !== 'string' || !isValidDate(date)) {
    const place: ErrorPlace = { field };
    throw new ValidationError(`${field}“${String(date)}”不是有效日期，应为 YYYY-MM-DD 格式，如 2025-10-13`, place);
  }
  return utcDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Day number of a year, month (0–11) and day; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime() / MS_PER_DAY;
}

/** The date of a day number, as YYYY-MM-DD. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  return dateOfDay(dayNumber(date) + n);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(dayNumber(date));
}

/** Whether a day number falls on Saturday or Sunday. */
export function isWeekendDay(day: number): boolean {
  const w = weekdayOfDay(day);
  return w === 0 || w === 6;
}

/** The Chinese weekday name of a date: 星期一. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekdayOf(date)]!;
}

/** A date with its weekday as printed for users: 2025-10-13（星期一）. */
export function dateWithWeekday(date: string): string {
  return `${date}（${weekdayName(date)}）`;
}

/** The first and last day numbers of a calendar year. */
export function yearDays(year: number): { first: number; last: number } {
  return { first: utcDay(year, 0, 1), last: utcDay(year, 11, 31) };
}

/** The calendar year of a YYYY-MM-DD date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
