/**
 * The calendar at start-up (server and CLI): an empty calendar is filled from chinese-days in a transaction
 * of its own. A start-up loader is an edge, like ensureDemoData: it opens the transaction the service takes.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { hasCalendarYears } from './calendar.repository.js';
import { CALENDAR_SEED_ACTOR, calendarService, type CalendarServiceOptions } from './calendar.service.js';

/**
 * Seeds an empty calendar (calendarService.seedIfEmpty) in one transaction, inside the caller's if there is
 * one. Returns whether it seeded; a concurrent start that seeded first counts as not seeding.
 */
export async function ensureCalendar(
  db: Kysely<Database>, clock: Clock, actor: Actor = CALENDAR_SEED_ACTOR, options: CalendarServiceOptions = {},
): Promise<boolean> {
  if (db.isTransaction) return calendarService(db, clock, options).seedIfEmpty(actor);
  if (await hasCalendarYears(db)) return false;
  try {
    return await db.transaction().execute((trx) => calendarService(trx, clock, options).seedIfEmpty(actor));
  } catch (e) {
    // Another process (the server and a CLI command starting together) seeded first.
    if (await hasCalendarYears(db).catch(() => false)) return false;
    throw e;
  }
}
