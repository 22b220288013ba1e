/**
 * Row types of the calendar tables. `calendar_years` lists the years whose State Council notice is
 * entered (the covered years); `calendar_days` the exceptions to Monday–Friday, each with the year of
 * the notice that arranged it (2019 for 2018-12-29); `calendar_events` every change (who, when, which
 * year, old → new as JSON text). Nothing is hard-deleted except a year's exceptions when the year is
 * re-entered, and then the old ones are kept in the event.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface CalendarDayTable {
  /** YYYY-MM-DD. */
  date: string;
  /** The notice year. */
  year: number;
  /** 'off' | 'work' */
  kind: string;
  name: string;
  /** Where the day came from: "chinese-days 1.5.7", or the notice as entered. */
  source: string;
  updated_at: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  updated_at: string;
}

export interface CalendarEventTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** The signed-in user who acted; null for a local operator (CLI, demo, system). */
  actor_id?: number | null;
  year: number;
  /** 'seeded' | 'year-set' */
  type: string;
  /** JSON text or null. */
  old: string | null;
  /** JSON text or null. */
  new: string | null;
}

export type CalendarDayRow = Selectable<CalendarDayTable>;
export type NewCalendarDayRow = Insertable<CalendarDayTable>;
export type CalendarYearRow = Selectable<CalendarYearTable>;
export type CalendarEventRow = Selectable<CalendarEventTable>;
export type NewCalendarEventRow = Insertable<CalendarEventTable>;
