/**
 * Checks one year's holiday arrangement as an administrator enters it from the State Council
 * General Office's notice (国务院办公厅关于 YYYY 年部分节假日安排的通知): the days off and the weekend
 * working days (调休上班), e.g. `[{ "date": "2026-02-15", "kind": "off", "name": "春节" }, …]`.
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import { isValidDate, yearOf } from './civil-date.js';
import { workCalendar, type CalendarDay } from './work-calendar.js';

/** Years an arrangement may be entered for. */
export const NOTICE_YEARS = { min: 1999, max: 2100 } as const;

const DAY_KEYS = new Set(['date', 'kind', 'name']);

/**
 * Whether a date may appear in the notice of `year`: a day of that year, or a December day of the
 * year before (the New Year's holiday of `year` may begin, and its make-up day fall, in the previous
 * December: the 2019 notice names 2018-12-29 to 31).
 */
export function belongsToNotice(year: number, date: string): boolean {
  return yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5, 7) === '12');
}

/** Throws a ValidationError unless `year` is a four-digit year an arrangement may be entered for. */
export function checkNoticeYear(year: number): void {
  if (!Number.isInteger(year) || year < NOTICE_YEARS.min || year > NOTICE_YEARS.max) {
    throw new ValidationError(`年度应为 ${NOTICE_YEARS.min} 至 ${NOTICE_YEARS.max} 之间的四位数字，实际为“${String(year)}”`, { field: 'year' });
  }
}

/**
 * Validates the days of the arrangement for `year` (parsed JSON, untrusted) and returns them in
 * date order. Collects every problem with its place: not a list, a day that is not
 * { date, kind, name }, an invalid date, a date outside the year, a duplicate date, a make-up
 * working day on a weekday, an arrangement without any day off.
 */
export function noticeDays(year: number, input: unknown): CalendarDay[] {
  checkNoticeYear(year);
  if (!Array.isArray(input)) {
    throw new ValidationError(`${year} 年节假日安排应为日期列表（days：[{ date, kind, name }, …]）`, { field: 'days' });
  }
  const problems: ProblemDetail[] = [];
  const days: CalendarDay[] = [];
  /** The input index of each well-formed day, to place the problems the calendar check finds. */
  const origin: number[] = [];
  input.forEach((raw: unknown, index) => {
    const place = { field: `days[${index}]`, index };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ message: '应为 { date, kind, name } 对象', place });
      return;
    }
    const day = raw as Record<string, unknown>;
    const unknownKeys = Object.keys(day).filter((k) => !DAY_KEYS.has(k));
    if (unknownKeys.length > 0) problems.push({ message: `未知字段：${unknownKeys.join('、')}（只允许 date、kind、name）`, place });
    const { date, kind, name } = day;
    if (typeof date !== 'string' || !isValidDate(date)) {
      problems.push({ message: `日期“${String(date)}”无效，应为 YYYY-MM-DD`, place });
      return;
    }
    if (!belongsToNotice(year, date)) {
      problems.push({ message: `${date} 不属于 ${year} 年的节假日安排（应为 ${year} 年内的日期，或 ${year - 1} 年 12 月的元旦调休日）`, place });
    }
    if (kind !== 'off' && kind !== 'work') {
      problems.push({ message: `${date} 的类型“${String(kind)}”无效，应为 off（放假）或 work（调休上班）`, place });
      return;
    }
    if (typeof name !== 'string') {
      problems.push({ message: `${date} 缺少名称（如“春节”“国庆节”“春节调休上班”）`, place });
      return;
    }
    days.push({ date, kind, name });
    origin.push(index);
  });
  // The calendar's own checks (duplicates, a make-up day on a weekday, names) on the well-formed days.
  let sorted: CalendarDay[] = [];
  try {
    sorted = [...workCalendar({ coveredYears: null, days }).days];
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    for (const p of e.details.problems ?? []) {
      const index = p.place?.index === undefined ? undefined : origin[p.place.index];
      problems.push(index === undefined ? p : { message: p.message, place: { field: `days[${index}]`, index } });
    }
  }
  if (problems.length === 0 && !days.some((d) => d.kind === 'off' && yearOf(d.date) === year)) {
    problems.push({ message: `${year} 年节假日安排中没有任何放假日期；请按国务院办公厅通知录入全部放假和调休上班日期`, place: { field: 'days' } });
  }
  if (problems.length === 0) return sorted;
  problems.sort((a, b) => (a.place?.index ?? Infinity) - (b.place?.index ?? Infinity));
  throw new ValidationError(`${year} 年节假日安排有误（${problems.length} 处）`, { field: 'days' }, problems);
}
