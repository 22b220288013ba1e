/**
 * SQL for the calendar tables (the only place that queries them). Takes a Kysely instance or a
 * transaction; the service decides the transaction boundary.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type {
  CalendarDayRow, CalendarEventRow, CalendarYearRow, NewCalendarDayRow, NewCalendarEventRow,
} from './calendar.table.js';

type Q = Kysely<Database>;

/** Rows per INSERT: well below SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_CHUNK = 200;

/** The covered years in order. */
export function listCalendarYearRows(db: Q): Promise<CalendarYearRow[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

/** One covered year. */
export function findCalendarYearRow(db: Q, year: number): Promise<CalendarYearRow | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Whether any year is entered. */
export async function hasCalendarYears(db: Q): Promise<boolean> {
  return (await db.selectFrom('calendar_years').select('year').limit(1).executeTakeFirst()) !== undefined;
}

/** Inserts a covered year, or updates its source and time when it is already there. */
export async function upsertCalendarYearRow(db: Q, row: CalendarYearRow): Promise<void> {
  await db.insertInto('calendar_years').values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: row.source, updated_at: row.updated_at }))
    .execute();
}

/** Every exception, in date order. */
export function listCalendarDayRows(db: Q): Promise<CalendarDayRow[]> {
  return db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
}

/** The exceptions arranged by one year's notice, in date order. */
export function listCalendarDayRowsOfYear(db: Q, year: number): Promise<CalendarDayRow[]> {
  return db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
}

/** Exceptions on the given dates arranged by a notice other than `year`'s. */
export async function findCalendarDayRowsOfOtherYears(db: Q, dates: string[], year: number): Promise<CalendarDayRow[]> {
  const found: CalendarDayRow[] = [];
  for (let i = 0; i < dates.length; i += INSERT_CHUNK) {
    const chunk = dates.slice(i, i + INSERT_CHUNK);
    found.push(...await db.selectFrom('calendar_days').selectAll().where('date', 'in', chunk).where('year', '<>', year).execute());
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Deletes the exceptions arranged by one year's notice (before entering it again). */
export async function deleteCalendarDayRowsOfYear(db: Q, year: number): Promise<void> {
  await db.deleteFrom('calendar_days').where('year', '=', year).execute();
}

/** Inserts exceptions in chunks. */
export async function insertCalendarDayRows(db: Q, rows: NewCalendarDayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insertInto('calendar_days').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

/** Records a change of the calendar. */
export async function insertCalendarEventRow(db: Q, row: NewCalendarEventRow): Promise<void> {
  await db.insertInto('calendar_events').values(row).execute();
}

/** The changes of the calendar, oldest first; of one year when given. */
export function listCalendarEventRows(db: Q, year?: number): Promise<CalendarEventRow[]> {
  let q = db.selectFrom('calendar_events').selectAll();
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('id').execute();
}
