/**
 * Deadline warnings (issue 4 §8): open cases overdue or due within 3 working days, counted by office
 * (承办科室) and listed by person (承办人; a case not yet assigned stays with whoever registered it).
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

/** Counts the rows by office and lists them by office and person. */
function warningsOf(rows: readonly OpenDueRow[], calendar: WorkCalendar, today: string, until: string): CaseWarnings {
  const groups = new Map<string, WarningGroup>();
  const offices = new Map<string, OfficeWarnings>();
  for (const r of rows) {
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
  };
}

/**
 * Open cases of an agency overdue or due within 3 working days of `today`, counted by office and
 * listed by office and person (a case not yet assigned to a person stays with whoever registered it).
 * Cases whose clock stands still (no stored deadline) are not listed.
 */
export async function caseWarnings(db: Kysely<Database>, calendar: WorkCalendar, agencyId: number, today: string): Promise<CaseWarnings> {
  const until = dueSoonUntil(calendar, today);
  return warningsOf(await listOpenDueRows(db, agencyId, until), calendar, today, until);
}

/**
 * The warnings of every agency that has an overdue or due-soon case, from one query (a supervisor's
 * overview of many agencies), agencies by name.
 */
export async function warningsByAgency(db: Kysely<Database>, calendar: WorkCalendar, today: string): Promise<AgencyWarnings[]> {
  const until = dueSoonUntil(calendar, today);
  const byAgency = new Map<number, OpenDueRow[]>();
  for (const r of await listOpenDueRows(db, undefined, until)) {
    const list = byAgency.get(r.agency_id);
    if (list) list.push(r);
    else byAgency.set(r.agency_id, [r]);
  }
  return [...byAgency.values()]
    .map((rows) => ({ agencyId: rows[0]!.agency_id, agencyName: rows[0]!.agency_name, warnings: warningsOf(rows, calendar, today, until) }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'));
}
