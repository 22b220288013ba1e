/**
 * The working-day calendar of the People's Republic of China, as data.
 *
 * A working day is Monday to Friday unless declared a day off, plus the weekend days declared
 * working days (调休上班). Days off are fixed by 《全国年节及纪念日放假办法》 and arranged each year, with
 * the make-up working days, by a notice of the General Office of the State Council (国务院办公厅关于
 * YYYY 年部分节假日安排的通知). Only these exceptions to the Monday–Friday rule are data; the rule itself
 * is code.
 *
 * The time limits of the Regulations on Open Government Information are counted in working days
 * (条例 Art. 33: 20 个工作日; Art. 30: 7 个工作日; Art. 32/34: 15 个工作日). A date the calendar does not
 * cover is an error, never silently a weekends-only guess: a deadline computed without the year's
 * notice can be wrong by a week (春节, 国庆节).
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import { dateOfDay, dayNumber, isValidDate, isWeekendDay, weekdayName, weekdayOfDay, yearDays, yearOf } from './civil-date.js';

/** An exception to the Monday–Friday rule: a day off (放假) or a weekend working day (调休上班). */
export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  kind: 'off' | 'work';
  /** 春节, 国庆节 … for a day off; 春节调休上班 … for a make-up working day. */
  name: string;
}

/** Chinese names of the kinds of exception (the API's descriptions and the office's calendar screen). */
export const DAY_KIND_NAMES: Readonly<Record<CalendarDay['kind'], string>> = { off: '放假', work: '调休上班' };

/** The calendar as data: the years whose State Council notice is entered, and their exceptions. */
export interface WorkCalendarData {
  /** Years fully covered (their notice entered), inclusive; null when no year is entered yet. */
  coveredYears: { from: number; to: number } | null;
  /** Exceptions only; a listed date outside the covered years is answered too (see `covers`). */
  days: ReadonlyArray<CalendarDay>;
}

/** A calendar ready for lookups (built by `workCalendar`; treat as opaque). */
export interface WorkCalendar {
  readonly coveredYears: { from: number; to: number } | null;
  /** The exceptions in date order. */
  readonly days: ReadonlyArray<CalendarDay>;
  /** Exceptions by day number. */
  readonly byDay: ReadonlyMap<number, CalendarDay>;
  /** First and last day number of the covered years (an empty range when none). */
  readonly firstDay: number;
  readonly lastDay: number;
}

/** One day looked at while counting: whether it counted as a working day and why. */
export interface DayExplanation {
  date: string;
  counted: boolean;
  /** 周六 / 周日 / 春节假期 / 春节调休上班 / 工作日. */
  reason: string;
}

/** The result of counting working days: the date reached and every day looked at on the way. */
export interface WorkingDaysResult {
  date: string;
  explain: DayExplanation[];
}

/** Longest period counted in one go (the longest statutory period is 20 + 20 working days). */
export const MAX_WORKING_DAYS = 1000;

const MAX_NAME_LENGTH = 50;

/**
 * THE day-counting convention, kept in this one place: a period counted in days starts on the day
 * after the event that starts it, so the day of receipt itself is not counted. 民法典 Art. 201:
 * 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算; 条例 Art. 33: 应当自收到申请之日起20个工作日内予以答复.
 * Returns the day number of the first day that can count.
 */
function firstCountedDay(startDay: number): number {
  return startDay + 1;
}

/**
 * Builds a calendar from data, checking it: real dates, known kinds, a name for every day, no
 * date twice, and a make-up working day only on a Saturday or Sunday (a weekday already is one).
 * All problems are reported together.
 */
export function workCalendar(data: WorkCalendarData): WorkCalendar {
  const problems: ProblemDetail[] = [];
  const covered = data.coveredYears;
  if (covered && !(Number.isInteger(covered.from) && Number.isInteger(covered.to) && covered.from >= 1000 && covered.from <= covered.to && covered.to <= 9999)) {
    problems.push({ message: `覆盖年度 ${covered.from}—${covered.to} 无效`, place: { field: 'coveredYears' } });
  }
  const byDay = new Map<number, CalendarDay>();
  data.days.forEach((day, index) => {
    const place = { field: `days[${index}]`, index };
    if (typeof day?.date !== 'string' || !isValidDate(day.date)) {
      problems.push({ message: `日期“${String(day?.date)}”无效，应为 YYYY-MM-DD`, place });
      return;
    }
    const n = dayNumber(day.date);
    if (day.kind !== 'off' && day.kind !== 'work') problems.push({ message: `${day.date} 的类型“${String(day.kind)}”无效，应为 off（放假）或 work（调休上班）`, place });
    if (typeof day.name !== 'string' || day.name.trim() === '' || day.name.length > MAX_NAME_LENGTH) {
      problems.push({ message: `${day.date} 缺少名称或名称过长（不超过 ${MAX_NAME_LENGTH} 字）`, place });
    }
    if (day.kind === 'work' && !isWeekendDay(n)) problems.push({ message: `${day.date} 为${weekdayName(day.date)}，本即工作日，不应列为调休上班`, place });
    if (byDay.has(n)) problems.push({ message: `${day.date} 重复出现`, place });
    byDay.set(n, { date: day.date, kind: day.kind, name: typeof day.name === 'string' ? day.name.trim() : '' });
  });
  if (problems.length > 0) throw new ValidationError(`工作日日历数据有误（${problems.length} 处）`, { field: 'calendar' }, problems);
  const range = covered ? { first: yearDays(covered.from).first, last: yearDays(covered.to).last } : { first: 0, last: -1 };
  const days = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  return { coveredYears: covered ? { from: covered.from, to: covered.to } : null, days, byDay, firstDay: range.first, lastDay: range.last };
}

/**
 * Whether the calendar can answer for a day: its year is covered, or the day itself is listed (a
 * notice may arrange days of the neighbouring year: the 2019 notice makes 2018-12-29 a working day
 * and 2018-12-30/31 days off).
 */
function coversDay(cal: WorkCalendar, day: number): boolean {
  return (day >= cal.firstDay && day <= cal.lastDay) || cal.byDay.has(day);
}

/** Whether the calendar can answer for a date (see `assertCovered`). */
export function covers(cal: WorkCalendar, date: string): boolean {
  return coversDay(cal, dayNumber(date));
}

/** The message for a year the calendar does not cover (the same wherever it is raised). */
export function uncoveredYearMessage(year: number): string {
  return `日历未覆盖 ${year} 年：请先录入国务院办公厅公布的该年度节假日安排`;
}

/** What the covered years are, for the detail under the error. */
export function coveredYearsText(coveredYears: { from: number; to: number } | null): string {
  return coveredYears ? `现有日历覆盖 ${coveredYears.from} 年至 ${coveredYears.to} 年` : '尚未录入任何年度的节假日安排';
}

/** A date in a year the calendar does not cover (a ValidationError: HTTP 400), naming the year. */
export class UncoveredYearError extends ValidationError {
  constructor(readonly year: number, readonly afterCovered: boolean, date: string, covered: { from: number; to: number } | null) {
    super(uncoveredYearMessage(year), { field: 'date' }, [{ message: `${date}：${coveredYearsText(covered)}` }]);
  }
}

function uncovered(cal: WorkCalendar, date: string): UncoveredYearError {
  const year = yearOf(date);
  return new UncoveredYearError(year, cal.coveredYears !== null && year > cal.coveredYears.to, date, cal.coveredYears);
}

/** Throws the loud “日历未覆盖 YYYY 年” ValidationError unless the calendar answers for `date`. */
export function assertCovered(cal: WorkCalendar, date: string): void {
  if (!covers(cal, date)) throw uncovered(cal, date);
}

/** Whether a day is a working day and why; throws when the calendar does not cover it. */
function classify(cal: WorkCalendar, day: number): { working: boolean; reason: string } {
  if (!coversDay(cal, day)) throw uncovered(cal, dateOfDay(day));
  const listed = cal.byDay.get(day);
  if (listed?.kind === 'off') return { working: false, reason: listed.name.endsWith('假期') ? listed.name : `${listed.name}假期` };
  if (listed?.kind === 'work') return { working: true, reason: listed.name.includes('上班') ? listed.name : `调休上班（${listed.name}）` };
  const weekday = weekdayOfDay(day);
  if (weekday === 6) return { working: false, reason: '周六' };
  if (weekday === 0) return { working: false, reason: '周日' };
  return { working: true, reason: '工作日' };
}

/** Whether `date` is a working day. Throws a ValidationError when the calendar does not cover it. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return classify(cal, dayNumber(date)).working;
}

/** Why `date` is or is not a working day: 周六 / 周日 / 春节假期 / 春节调休上班 / 工作日. */
export function dayReason(cal: WorkCalendar, date: string): { working: boolean; reason: string } {
  return classify(cal, dayNumber(date));
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new ValidationError(`工作日天数应为 0 至 ${MAX_WORKING_DAYS} 的整数，实际为“${n}”`, { field: 'workingDays' });
  }
}

/** Counts n working days after `startDay`; records the days looked at into `explain` when given. */
function countForward(cal: WorkCalendar, startDay: number, n: number, explain?: DayExplanation[]): number {
  if (n === 0) return startDay;
  let counted = 0;
  for (let day = firstCountedDay(startDay); ; day++) {
    const { working, reason } = classify(cal, day);
    if (working) counted++;
    explain?.push({ date: dateOfDay(day), counted: working, reason });
    if (counted === n) return day;
  }
}

/**
 * The date `n` working days after `from`, the day of receipt not counted (see `firstCountedDay`):
 * 条例 Art. 33 (20 working days to reply, 20 more on extension), Art. 30 (7 working days for a
 * notice to correct), Art. 32/34 (15 working days for a consulted party). `explain` lists every day
 * from the first counted day to the result, each counted or skipped with its reason. n = 0 gives
 * `from` itself with nothing to explain. Throws when any day needed lies outside the calendar.
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): WorkingDaysResult {
  const start = dayNumber(from, '起算日期');
  checkCount(n);
  const explain: DayExplanation[] = [];
  return { date: dateOfDay(countForward(cal, start, n, explain)), explain };
}

/** Like `addWorkingDays` without the explanation (for recomputing many deadlines at once). */
export function workingDaysDeadline(cal: WorkCalendar, from: string, n: number): string {
  const start = dayNumber(from, '起算日期');
  checkCount(n);
  return dateOfDay(countForward(cal, start, n));
}

/**
 * The number of working days after `from` up to and including `to`, counted by the same convention
 * as `addWorkingDays` (so `workingDaysBetween(cal, d, addWorkingDays(cal, d, n).date) === n`). When
 * `to` is before `from` the result is negative: minus the working days after `to` up to `from`
 * (e.g. how many working days a deadline is overdue). Same date → 0.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = dayNumber(from, '起始日期');
  const b = dayNumber(to, '截止日期');
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let day = firstCountedDay(a); day <= b; day++) if (classify(cal, day).working) count++;
  return count;
}
