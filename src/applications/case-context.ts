/**
 * What every use case of a case shares: the handle and clock it works with, the working-day calendar and the
 * installation's settings (a CaseContext), and the steps they all take — the statutory clock of the events,
 * finding and locking the case, and a change under the period lock of published reports.
 */
import type { Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { computeClock, type CaseClock, type CaseEvent } from '../core/applications/case-clock.js';
import { UncoveredYearError, type WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { lockRow } from '../db/locks.js';
import { insertEventRow as insertReportEventRow } from '../reports/report.repository.js';
import { parseOverride, withPeriodLock, type AlteredReport, type LockOverride } from '../reports/period-lock.js';
import { findApplicationRow, insertApplicationEventRow, type ApplicationWithApplicantRow } from './application.repository.js';
import { chinaDate } from './case-record.js';

/** Settings of an installation. */
export interface ApplicationSettings {
  /** Whether the reply clock stops while a fee is pending (not settled nationally). */
  feeStopsClock: boolean;
}

export const DEFAULT_APPLICATION_SETTINGS: ApplicationSettings = { feeStopsClock: false };

/** Options of a change to a case: an override of the period lock (approver and reason), when one is needed. */
export interface ChangeOptions {
  override?: LockOverride;
}

/** What the use cases of a case work with: a database handle or the edge's transaction (for changes). */
export interface CaseContext {
  db: Kysely<Database>;
  clock: Clock;
  calendar: WorkCalendar;
  /** Encrypts and decrypts the applicant's personal data in the repository (src/security/). */
  pii: PiiCipher;
  settings: ApplicationSettings;
}

/** The steps every use case of a case shares. */
export function caseSteps({ db, clock, calendar, pii, settings }: CaseContext) {
  const clockOf = (events: readonly CaseEvent[], extra: { asOf?: string; explain?: boolean } = {}) =>
    computeClock(events, calendar, { feeStopsClock: settings.feeStopsClock, explain: extra.explain ?? false, asOf: extra.asOf });

  /**
   * The clock, or — when the deadline runs into a year whose holiday notice has not been entered yet —
   * a received case whose deadline is pending: the application is kept (an applicant's request is never
   * lost for want of next year's calendar), no deadline is stored, and entering that year's notice
   * computes it (recomputeOpenDeadlines, with an event). Dates before the calendar stay a loud error.
   */
  function clockOrPending(events: readonly CaseEvent[], extra: { asOf?: string; explain?: boolean }): CaseClock {
    try {
      return clockOf(events, extra);
    } catch (e) {
      const received = events[0];
      if (!(e instanceof UncoveredYearError) || !e.afterCovered || received?.type !== 'received' || events.length > 1) throw e;
      const note = `答复期限待录入 ${e.year} 年节假日安排后计算（${e.message}）`;
      return {
        state: 'received', dueDate: null, receivedOn: received.date, clockStart: received.date, workingDays: 20, pausedWorkingDays: 0,
        warnings: [note], explain: [`${received.date}收到申请；${note}`],
      };
    }
  }

  async function row(id: number): Promise<ApplicationWithApplicantRow> {
    const found = await findApplicationRow(db, pii, id);
    if (!found) throw new NotFoundError(`未找到编号为 ${id} 的政府信息公开申请`);
    return found;
  }

  /**
   * The case about to be changed, locked until the transaction ends (PostgreSQL; SQLite serialises
   * writers): two events recorded at once are checked and stored one after the other, each against the
   * events before it, never both against the same old list.
   */
  async function lockedRow(id: number): Promise<ApplicationWithApplicantRow> {
    await lockRow(db, 'applications', id);
    return row(id);
  }

  /**
   * Runs a change of a case under the period lock (src/reports/period-lock.ts): a change that would
   * alter a cell of a published report is refused without an override; with one, the override is an
   * event of the case and of every report it alters (who, when, approver, reason, old → new cells).
   */
  async function underLock<T>(
    scope: { agencyId: number; receivedOn: string; applicationId: number | null }, options: ChangeOptions, actor: Actor,
    change: () => Promise<{ value: T; applicationId: number }>,
  ): Promise<T> {
    const override = parseOverride(options.override);
    const fromYear = Number(scope.receivedOn.slice(0, 4));
    const { value, applicationId, altered } = await withPeriodLock(db, { agencyId: scope.agencyId, fromYear, applicationId: scope.applicationId }, override, change);
    if (altered.length > 0 && override) await recordOverride(applicationId, altered, override, actor);
    return value;
  }

  async function recordOverride(applicationId: number, altered: AlteredReport[], override: LockOverride, actor: Actor): Promise<void> {
    const at = clock();
    const cells = (pick: 'old' | 'new') => altered.map((r) => ({ reportId: r.reportId, year: r.year, cells: Object.fromEntries(r.cells.map((c) => [c.key, c[pick]])) }));
    await insertApplicationEventRow(db, {
      application_id: applicationId, at, actor: actor.name, actor_id: actor.id, type: 'period-lock-override', on_date: chinaDate(at),
      data: JSON.stringify({ ...override, reports: altered }), old: JSON.stringify(cells('old')), new: JSON.stringify(cells('new')),
    });
    for (const r of altered) {
      await insertReportEventRow(db, {
        report_id: r.reportId, at, actor: actor.name, actor_id: actor.id, type: 'period-lock-override',
        old: JSON.stringify(Object.fromEntries(r.cells.map((c) => [c.key, c.old]))),
        new: JSON.stringify({ applicationId, ...override, cells: Object.fromEntries(r.cells.map((c) => [c.key, c.new])) }),
      });
    }
  }

  return { clockOf, clockOrPending, row, lockedRow, underLock };
}
