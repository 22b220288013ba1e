/**
 * The working-day calendar kept in the database: seeded once from chinese-days (2019–2026), then
 * maintained by an administrator who enters each new year's State Council notice. Every change is
 * an event (who, when, which year, old → new). The pure rules live in src/core/calendar/.
 */
import { operator, type Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../core/clock.js';
import { noticeDays } from '../core/calendar/notice-days.js';
import {
  coveredYearsText, uncoveredYearMessage, workCalendar, type CalendarDay, type WorkCalendar,
} from '../core/calendar/work-calendar.js';
import { ValidationError } from '../core/errors.js';
import { lockNamed } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { chineseDaysCalendar, type SourcedCalendar } from './calendar-source.js';
import {
  deleteCalendarDayRowsOfYear, findCalendarDayRowsOfOtherYears, findCalendarYearRow, hasCalendarYears,
  insertCalendarDayRows, insertCalendarEventRow, listCalendarDayRows, listCalendarDayRowsOfYear,
  listCalendarEventRows, listCalendarYearRows, upsertCalendarYearRow,
} from './calendar.repository.js';
import type { CalendarDayRow } from './calendar.table.js';

/** One covered year as entered: where it came from, when, and its exceptions. */
export interface CalendarYear {
  year: number;
  source: string;
  updatedAt: string;
  days: CalendarDay[];
}

/** A change of the calendar. */
export interface CalendarEvent {
  id: number;
  at: string;
  actor: string;
  year: number;
  /** 'seeded' (from the package on first start) | 'year-set' (an administrator entered a notice). */
  type: string;
  old: unknown;
  new: unknown;
}

export interface CalendarServiceOptions {
  /** Where seeding reads the calendar (default: chinese-days, 2019–2026). */
  seedSource?: () => SourcedCalendar;
}

/** The actor recorded when the calendar is seeded on first start. */
export const CALENDAR_SEED_ACTOR: Actor = operator('系统（首次启动载入节假日）');

const toDay = (row: CalendarDayRow): CalendarDay => ({ date: row.date, kind: row.kind as CalendarDay['kind'], name: row.name });

/** Calendar operations on a database or transaction; the clock stamps every change. */
export function calendarService(db: Kysely<Database>, clock: Clock = systemClock, options: CalendarServiceOptions = {}) {
  /** Runs a change on the handle the caller gives: the edge opens the transaction (src/db/transaction.ts). */
  const write = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> => work(db);

  /** The covered years as a range; a gap (which `setYear` prevents) is an error, not a guess. */
  async function coveredYears(q: Kysely<Database>): Promise<{ from: number; to: number } | null> {
    const years = (await listCalendarYearRows(q)).map((r) => r.year);
    if (years.length === 0) return null;
    const from = years[0]!;
    const to = years.at(-1)!;
    const missing = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => !years.includes(y));
    if (missing.length > 0) throw new ValidationError(`工作日日历年度不连续：缺少 ${missing.join('、')} 年的节假日安排，请先录入`, { field: 'year' });
    return { from, to };
  }

  /**
   * The calendar as stored, ready for deadline arithmetic. Inside a transaction the calendar stays as
   * loaded until it ends (a shared lock; `setYear` takes it exclusively): a deadline stored by a case's
   * change is never computed from a calendar that a concurrent notice is replacing.
   */
  async function load(): Promise<WorkCalendar> {
    if (db.isTransaction) await lockNamed(db, 'calendar', 'shared');
    const [covered, rows] = await Promise.all([coveredYears(db), listCalendarDayRows(db)]);
    return workCalendar({ coveredYears: covered, days: rows.map(toDay) });
  }

  /**
   * Fills an empty calendar from chinese-days (covered years, their exceptions, one 'seeded' event
   * per notice year). Does nothing when any year is entered. Returns whether it seeded. Run at start-up
   * by `ensureCalendar` (calendar-seed.ts), which opens the transaction.
   */
  async function seedIfEmpty(actor: Actor): Promise<boolean> {
    if (await hasCalendarYears(db)) return false;
    const seed = (options.seedSource ?? chineseDaysCalendar)();
    const at = clock();
    await insertCalendarDayRows(db, seed.days.map((d) => ({ date: d.date, year: d.year, kind: d.kind, name: d.name, source: seed.source, updated_at: at })));
    const { from, to } = seed.coveredYears ?? { from: 1, to: 0 };
    for (let year = from; year <= to; year++) await upsertCalendarYearRow(db, { year, source: seed.source, updated_at: at });
    for (const year of [...new Set(seed.days.map((d) => d.year))].sort()) {
      const days = seed.days.filter((d) => d.year === year).map(({ date, kind, name }) => ({ date, kind, name }));
      await insertCalendarEventRow(db, { at, actor: actor.name, actor_id: actor.id, year, type: 'seeded', old: null, new: JSON.stringify({ source: seed.source, days }) });
    }
    return true;
  }

  /**
   * Enters (or corrects) the arrangement of `year` from the State Council General Office's notice:
   * its days off and make-up working days replace the year's exceptions, the year becomes covered,
   * and an event keeps the old and new arrangement. Refused (ValidationError, nothing changed): bad
   * days (see `noticeDays`), a year not adjoining the covered years (a gap would make dates in it
   * look covered), a date another year's notice already arranges.
   */
  async function setYear(year: number, days: unknown, actor: Actor, setOptions: { source?: string } = {}): Promise<void> {
    const checked = noticeDays(year, days);
    const source = setOptions.source?.trim() || `国务院办公厅 ${year} 年部分节假日安排的通知（${actor.name} 录入）`;
    await write(async (trx) => {
      // One notice at a time: a second entry of the same (or an adjoining) year waits and then works on
      // what the first stored, so its event's old arrangement is the first one's new arrangement.
      await lockNamed(trx, 'calendar', 'exclusive');
      const covered = await coveredYears(trx);
      if (covered && (year < covered.from - 1 || year > covered.to + 1)) {
        throw new ValidationError(
          `${year} 年与已录入的年度不相连（${coveredYearsText(covered)}）：请先录入 ${year > covered.to ? covered.to + 1 : covered.from - 1} 年的节假日安排`,
          { field: 'year' },
        );
      }
      const clashes = await findCalendarDayRowsOfOtherYears(trx, checked.map((d) => d.date), year);
      if (clashes.length > 0) {
        throw new ValidationError(`${year} 年节假日安排中有 ${clashes.length} 个日期已由其他年度的安排列出`, { field: 'days' },
          clashes.map((r) => ({ message: `${r.date} 已由 ${r.year} 年的节假日安排列为“${r.name}”` })));
      }
      const previous = await findCalendarYearRow(trx, year);
      const oldDays = (await listCalendarDayRowsOfYear(trx, year)).map(toDay);
      const at = clock();
      await deleteCalendarDayRowsOfYear(trx, year);
      await insertCalendarDayRows(trx, checked.map((d) => ({ ...d, year, source, updated_at: at })));
      await upsertCalendarYearRow(trx, { year, source, updated_at: at });
      await insertCalendarEventRow(trx, {
        at, actor: actor.name, actor_id: actor.id, year, type: 'year-set',
        old: previous || oldDays.length > 0 ? JSON.stringify({ source: previous?.source ?? null, covered: previous !== undefined, days: oldDays }) : null,
        new: JSON.stringify({ source, covered: true, days: checked }),
      });
    });
  }

  /** One covered year with its exceptions (those its notice arranged, in date order). */
  async function getYear(year: number): Promise<CalendarYear> {
    const row = await findCalendarYearRow(db, year);
    if (!row) throw new ValidationError(uncoveredYearMessage(year), { field: 'year' }, [{ message: coveredYearsText(await coveredYears(db)) }]);
    const days = (await listCalendarDayRowsOfYear(db, year)).map(toDay);
    return { year, source: row.source, updatedAt: row.updated_at, days };
  }

  /** The covered years (null when none). */
  function years(): Promise<{ from: number; to: number } | null> {
    return coveredYears(db);
  }

  /** The calendar's history, oldest first; of one year when given. */
  async function events(year?: number): Promise<CalendarEvent[]> {
    return (await listCalendarEventRows(db, year)).map((r) => ({
      id: r.id, at: r.at, actor: r.actor, year: r.year, type: r.type,
      old: r.old === null ? null : JSON.parse(r.old), new: r.new === null ? null : JSON.parse(r.new),
    }));
  }

  return { load, seedIfEmpty, setYear, getYear, years, events };
}

export type CalendarService = ReturnType<typeof calendarService>;
