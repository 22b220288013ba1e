/**
 * Disclosure-application cases (依申请公开), stored and served: intake, the procedure's events on the
 * statutory clock, history, remedies, warnings and the public status. Every event is validated by the pure
 * clock (src/core/applications/case-clock.ts) over the case's full event list before anything is written;
 * the deadline it returns is stored with the case. Every change is an event row (who, when, old → new).
 *
 * This is the facade the edges use; the use cases live in files named for what they hold:
 * application-intake.ts (receive), application-procedure.ts (events, assignment), application-remedies.ts,
 * application-queries.ts (get, list, history, warnings, public status), sharing case-context.ts and case-record.ts.
 */
import type { Kysely } from 'kysely';
import type { WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { caseIntake } from './application-intake.js';
import { caseProcedure } from './application-procedure.js';
import { caseQueries } from './application-queries.js';
import { caseRemedies } from './application-remedies.js';
import { DEFAULT_APPLICATION_SETTINGS, type ApplicationSettings } from './case-context.js';

export { DEFAULT_APPLICATION_SETTINGS, type ApplicationSettings, type ChangeOptions } from './case-context.js';
export type { ReceiveInput } from './application-intake.js';
export type { EventInput } from './application-procedure.js';
export type { RemedyInput } from './application-remedies.js';

/**
 * Case operations on a database or transaction (the edge opens the transaction for changes). `pii` encrypts and
 * decrypts the applicant's personal data in the repository (the installation's cipher, src/security/).
 */
export function applicationService(
  db: Kysely<Database>, clock: Clock, calendar: WorkCalendar, pii: PiiCipher, settings: ApplicationSettings = DEFAULT_APPLICATION_SETTINGS,
) {
  const c = { db, clock, calendar, pii, settings };
  return { ...caseIntake(c), ...caseProcedure(c), ...caseQueries(c), ...caseRemedies(c) };
}

export type ApplicationService = ReturnType<typeof applicationService>;
