/**
 * Entering a year's holidays (a State Council General Office notice) is one use case, the same from the API
 * (PUT /api/calendar/:year) and the CLI (gongkai calendar set-year): the calendar changes and the stored
 * deadlines of open cases are recomputed with it, in the caller's transaction, so the two never disagree.
 * It lives here, above the calendar, because it needs both the calendar and the cases.
 */
import type { Kysely } from 'kysely';
import { calendarService, type CalendarYear } from '../calendar/calendar.service.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { requireTransaction } from '../db/transaction.js';
import { recomputeOpenDeadlines, type RecomputeResult } from './application-recompute.js';
import type { ApplicationSettings } from './case-context.js';

/** What entering a year changed: the year as now stored, and the open cases' deadlines recomputed with it. */
export interface HolidayYearEntered {
  entered: CalendarYear;
  recomputed: RecomputeResult;
}

/**
 * Enters (or corrects) `year`'s days off and make-up working days (checked by the calendar service: refused
 * with nothing changed when wrong), then recomputes the stored deadlines of every open case with the calendar
 * as it now is, each changed case getting an event. `trx` must be the caller's transaction.
 */
export async function enterHolidayYear(
  trx: Kysely<Database>, clock: Clock, settings: ApplicationSettings, year: number, days: unknown, actor: Actor, source?: string,
): Promise<HolidayYearEntered> {
  requireTransaction(trx, 'Entering a year\'s holidays (enterHolidayYear)');
  const calendar = calendarService(trx, clock);
  await calendar.setYear(year, days, actor, { source });
  const recomputed = await recomputeOpenDeadlines(trx, clock, await calendar.load(), settings, actor, { reason: `${year} 年节假日安排已更新` });
  return { entered: await calendar.getYear(year), recomputed };
}
