/**
 * Converts the data of the chinese-days package (dist/chinese-days.json, maintained from the State
 * Council General Office's notices) into calendar data. The file holds two maps keyed by date:
 * `holidays` (days off) and `workdays` (make-up working days, 调休上班), each value
 * "English name,中文名,n" (e.g. "Spring Festival,春节,4"); `inLieuDays` (weekdays off in exchange
 * for a make-up day) is a subset of `holidays` and adds nothing. Reading the file is the caller's
 * business (src/calendar/calendar-source.ts); this module is pure.
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import { isValidDate, yearOf } from './civil-date.js';
import type { CalendarDay, WorkCalendarData } from './work-calendar.js';

/** A calendar day with the year of the notice that arranged it. */
export interface SeedDay extends CalendarDay {
  /** The notice year: 2019 for 2018-12-29 (the 2019 New Year's make-up day). */
  year: number;
}

/** Calendar data ready to store: covered years and the exceptions, each with its notice year. */
export interface SeedCalendar extends WorkCalendarData {
  days: SeedDay[];
}

/** The years seeded by default. */
export const SEED_YEARS = { from: 2019, to: 2026 } as const;

/**
 * Official holiday names (《全国年节及纪念日放假办法》) for the short names chinese-days uses.
 */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节', 端午: '端午节', 中秋: '中秋节',
};

/**
 * Holidays every year's notice arranges. 中秋节 is not required: in 2020 it fell on 1 October and
 * was arranged together with 国庆节 (“国庆节、中秋节：10月1日至8日放假调休”).
 */
const REQUIRED_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节'] as const;

/**
 * The notice year of an arranged day: a December day of the New Year's holiday belongs to the next
 * year's notice (the 2019 notice arranges 2018-12-29 to 31); every other day to its own year.
 */
export function noticeYearOf(date: string, name: string): number {
  const year = yearOf(date);
  return date.slice(5, 7) === '12' && name.startsWith('元旦') ? year + 1 : year;
}

function entries(json: unknown, key: 'holidays' | 'workdays', problems: ProblemDetail[]): Array<[string, string]> {
  const map = (json as Record<string, unknown> | null)?.[key];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    problems.push({ message: `缺少 ${key} 对象`, place: { field: key } });
    return [];
  }
  const out: Array<[string, string]> = [];
  for (const [date, value] of Object.entries(map)) {
    const name = typeof value === 'string' ? value.split(',')[1]?.trim() : undefined;
    if (!isValidDate(date) || !name) {
      problems.push({ message: `无法识别的条目 ${date}：${JSON.stringify(value)}`, place: { field: `${key}.${date}` } });
      continue;
    }
    out.push([date, OFFICIAL_NAMES[name] ?? name]);
  }
  return out;
}

/** The longest run of consecutive years in a sorted list (the earliest on a tie). */
function longestRun(years: number[]): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let start = 0;
  for (let i = 0; i < years.length; i++) {
    if (i > 0 && years[i] !== years[i - 1]! + 1) start = i;
    if (!best || years[i]! - years[start]! > best.to - best.from) best = { from: years[start]!, to: years[i]! };
  }
  return best;
}

/**
 * The calendar data for the years in `range` from chinese-days's JSON. Covered years are the
 * longest run of consecutive years in the range whose notice the data holds completely (every
 * required holiday present). Days are those arranged by the covered years' notices, plus days of a
 * covered year arranged by the next year's notice (a late-December New Year's day), each with its
 * notice year. Malformed data → ValidationError listing every problem.
 */
export function calendarFromChineseDays(json: unknown, range: { from: number; to: number } = SEED_YEARS): SeedCalendar {
  const problems: ProblemDetail[] = [];
  const byDate = new Map<string, SeedDay>();
  for (const [key, kind] of [['holidays', 'off'], ['workdays', 'work']] as const) {
    for (const [date, name] of entries(json, key, problems)) {
      if (byDate.has(date)) {
        problems.push({ message: `${date} 同时列为放假和调休上班`, place: { field: `${key}.${date}` } });
        continue;
      }
      byDate.set(date, { date, kind, name: kind === 'off' ? name : `${name}调休上班`, year: noticeYearOf(date, name) });
    }
  }
  if (problems.length > 0) throw new ValidationError(`chinese-days 节假日数据格式有误（${problems.length} 处）`, undefined, problems);

  const offNames = new Map<number, Set<string>>();
  for (const day of byDate.values()) {
    if (day.kind !== 'off') continue;
    offNames.set(day.year, (offNames.get(day.year) ?? new Set()).add(day.name));
  }
  const complete: number[] = [];
  for (let year = range.from; year <= range.to; year++) {
    const names = offNames.get(year);
    if (names && REQUIRED_HOLIDAYS.every((h) => names.has(h))) complete.push(year);
  }
  const coveredYears = longestRun(complete);
  const inCovered = (year: number) => coveredYears !== null && year >= coveredYears.from && year <= coveredYears.to;
  const days = [...byDate.values()]
    .filter((d) => inCovered(d.year) || inCovered(yearOf(d.date)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { coveredYears, days };
}
