/**
 * Deadline warnings (issue 4 §8): open cases overdue or due within 3 working days, counted by office
 * (承办科室) and listed by person (承办人; a case not yet assigned stays with whoever registered it).
 * Received cases whose deadline is pending — it runs into a year whose holiday notice is not entered
 * yet, so no deadline is stored — stay in the warnings as a group of their own, every December, until
 * that year is entered (then the recomputation stores their deadlines).
 */
import type { Kysely } from 'kysely';
import { dayNumber } from '../core/calendar/civil-date.js';
import { workingDaysBetween, workingDaysDeadline, type WorkCalendar } from '../core/calendar/work-calendar.js';
import { ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { listOpenDueRows, type OpenDueRow } from './application.repository.js';

/** Due-soon and overdue cases of one person of an office. */
export interface WarningGroup {
  /** 承办科室, or 未指定承办科室. */
  office: string;
  /** 承办人, or (not assigned) the person who registered the case. */
  handler: string;
  assigned: boolean;
  overdue: WarningItem[];
  dueSoon: WarningItem[];
}

/** Counts per office. */
export interface OfficeWarnings {
  office: string;
  overdue: number;
  dueSoon: number;
}

/** The office of cases not assigned to one. */
export const NO_OFFICE = '未指定承办科室';

export interface WarningItem {
  id: number;
  caseNo: string;
  state: string;
  receivedOn: string;
  dueOn: string;
  /** Working days from today to the deadline (negative: overdue by that many). */
  workingDaysLeft: number;
}

/** Cases due within this many working days are warned about. */
export const WARNING_WORKING_DAYS = 3;

/** The warnings of an agency on a day. */
export interface CaseWarnings {
  today: string;
  /** The last day counted as "due soon". */
  dueSoonUntil: string;
  offices: OfficeWarnings[];
  groups: WarningGroup[];
  /** Cases whose deadline waits for next year's holiday notice; null when there are none. */
  pending: PendingDeadlines | null;
}

/** A case whose deadline is pending, with who has it (no personal data). */
export interface PendingItem {
  id: number;
  caseNo: string;
  state: string;
  receivedOn: string;
  /** 承办科室, or 未指定承办科室. */
  office: string;
  /** 承办人, or (not assigned) the person who registered the case. */
  handler: string;
  assigned: boolean;
}

/** The group of cases whose deadline waits for a year's holiday notice (PendingDeadlinesSchema). */
export interface PendingDeadlines {
  /** The year whose notice is not entered yet. */
  year: number;
  /** 答复期限待定：尚未录入 YYYY 年节假日安排. */
  title: string;
  count: number;
  /** By receipt date. */
  cases: PendingItem[];
}

/** The title of the pending group, naming the year to enter. */
export function pendingTitle(year: number): string {
  return `答复期限待定：尚未录入 ${year} 年节假日安排`;
}

/** The warnings of one agency, as listed for many at once. */
export interface AgencyWarnings {
  agencyId: number;
  agencyName: string;
  warnings: CaseWarnings;
}

function dueSoonUntil(calendar: WorkCalendar, today: string): string {
  try {
    dayNumber(today, '今天');
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.message, { field: 'today' });
    throw e;
  }
  return workingDaysDeadline(calendar, today, WARNING_WORKING_DAYS);
}

/**
 * The year whose notice pending cases wait for: the first year after the covered ones (a receipt before
 * or inside them is computed or refused; only a deadline running past them is left pending).
 */
function pendingYear(calendar: WorkCalendar, rows: readonly OpenDueRow[]): number {
  return calendar.coveredYears ? calendar.coveredYears.to + 1 : Math.max(...rows.map((r) => Number(r.received_on.slice(0, 4)))) + 1;
}

/** Counts the rows by office and lists them by office and person; pending ones in their own group. */
function warningsOf(rows: readonly OpenDueRow[], calendar: WorkCalendar, today: string, until: string): CaseWarnings {
  const groups = new Map<string, WarningGroup>();
  const offices = new Map<string, OfficeWarnings>();
  const pending = rows.filter((r) => r.due_on === null)
    .sort((a, b) => a.received_on.localeCompare(b.received_on) || a.id - b.id);
  for (const r of rows) {
    if (r.due_on === null) continue;
    const office = r.office ?? NO_OFFICE;
    const handler = r.handler ?? r.received_by;
    const key = JSON.stringify([office, handler, r.handler !== null]);
    const group = groups.get(key) ?? { office, handler, assigned: r.handler !== null, overdue: [], dueSoon: [] };
    groups.set(key, group);
    const counts = offices.get(office) ?? { office, overdue: 0, dueSoon: 0 };
    offices.set(office, counts);
    counts[r.due_on! < today ? 'overdue' : 'dueSoon']++;
    const item: WarningItem = {
      id: r.id, caseNo: r.case_no, state: r.state, receivedOn: r.received_on, dueOn: r.due_on!,
      workingDaysLeft: workingDaysBetween(calendar, today, r.due_on!),
    };
    (r.due_on! < today ? group.overdue : group.dueSoon).push(item);
  }
  const byName = (a: string, b: string) => (a === NO_OFFICE ? 1 : b === NO_OFFICE ? -1 : a.localeCompare(b, 'zh-CN'));
  return {
    today, dueSoonUntil: until,
    offices: [...offices.values()].sort((a, b) => byName(a.office, b.office)),
    groups: [...groups.values()].sort((a, b) => byName(a.office, b.office) || a.handler.localeCompare(b.handler, 'zh-CN')),
    pending: pending.length === 0 ? null : (() => {
      const year = pendingYear(calendar, pending);
      return {
        year, title: pendingTitle(year), count: pending.length,
        cases: pending.map((r) => ({
          id: r.id, caseNo: r.case_no, state: r.state, receivedOn: r.received_on,
          office: r.office ?? NO_OFFICE, handler: r.handler ?? r.received_by, assigned: r.handler !== null,
        })),
      };
    })(),
  };
}

/**
 * Open cases of an agency overdue or due within 3 working days of `today`, counted by office and
 * listed by office and person (a case not yet assigned to a person stays with whoever registered it),
 * and the received cases whose deadline is pending for want of next year's holiday notice. Cases whose
 * clock stands still (awaiting correction, consulting, fee pending) are not listed.
 */
export async function caseWarnings(db: Kysely<Database>, calendar: WorkCalendar, agencyId: number, today: string): Promise<CaseWarnings> {
  const until = dueSoonUntil(calendar, today);
  return warningsOf(await listOpenDueRows(db, agencyId, until), calendar, today, until);
}

/**
 * The warnings of every agency that has an overdue, due-soon or pending case, from one query (a supervisor's
 * overview of many agencies), agencies by name; only `agencyIds` when given (the ones the reader may see).
 */
export async function warningsByAgency(
  db: Kysely<Database>, calendar: WorkCalendar, today: string, agencyIds?: readonly number[],
): Promise<AgencyWarnings[]> {
  const until = dueSoonUntil(calendar, today);
  const byAgency = new Map<number, OpenDueRow[]>();
  for (const r of await listOpenDueRows(db, agencyIds, until)) {
    const list = byAgency.get(r.agency_id);
    if (list) list.push(r);
    else byAgency.set(r.agency_id, [r]);
  }
  return [...byAgency.values()]
    .map((rows) => ({ agencyId: rows[0]!.agency_id, agencyName: rows[0]!.agency_name, warnings: warningsOf(rows, calendar, today, until) }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'));
}
