/**
 * 条例 Art. 26: government information is published within 20 working days of being made or changed. Items not
 * yet published whose due date (item-drafting.ts `dueOn`, on the working-day calendar) is within 3 working days or
 * past are warned about, counted by office and listed by office and person (the drafter) — the same convention
 * as the application warnings (src/applications/application-warnings.ts).
 */
import type { Kysely } from 'kysely';
import { workingDaysBetween, workingDaysDeadline, type WorkCalendar } from '../core/calendar/work-calendar.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import type { Database } from '../db/schema.js';
import { listUnpublishedDueRows } from './item.repository.js';

/** Items due within this many working days are warned about. */
export const ITEM_WARNING_WORKING_DAYS = 3;

/** The office of items that name none. */
export const NO_ITEM_OFFICE = '未指定科室';

/** One warned item. */
export interface ItemWarningEntry {
  id: number;
  agencyId: number;
  agencyName: string;
  title: string;
  state: ReviewState;
  stateName: string;
  changedOn: string;
  dueOn: string;
  /** Working days from today to the due date (negative: overdue by that many). */
  workingDaysLeft: number;
}

/** The warned items of one person of an office. */
export interface ItemWarningGroup {
  office: string;
  person: string;
  overdue: ItemWarningEntry[];
  dueSoon: ItemWarningEntry[];
}

/** The Art. 26 warnings on a day. */
export interface ItemWarnings {
  today: string;
  dueSoonUntil: string;
  offices: Array<{ office: string; overdue: number; dueSoon: number }>;
  groups: ItemWarningGroup[];
}

/** Items of `agencyIds` not yet published, overdue or due within 3 working days of `today`. */
export async function itemWarnings(db: Kysely<Database>, calendar: WorkCalendar, today: string, agencyIds: readonly number[]): Promise<ItemWarnings> {
  const until = workingDaysDeadline(calendar, today, ITEM_WARNING_WORKING_DAYS);
  const rows = await listUnpublishedDueRows(db, agencyIds, until);
  const groups = new Map<string, ItemWarningGroup>();
  const offices = new Map<string, { office: string; overdue: number; dueSoon: number }>();
  for (const r of rows) {
    const office = r.office ?? NO_ITEM_OFFICE;
    const key = JSON.stringify([office, r.drafter_name]);
    const group = groups.get(key) ?? { office, person: r.drafter_name, overdue: [], dueSoon: [] };
    groups.set(key, group);
    const counts = offices.get(office) ?? { office, overdue: 0, dueSoon: 0 };
    offices.set(office, counts);
    const overdue = r.due_on! < today;
    counts[overdue ? 'overdue' : 'dueSoon']++;
    (overdue ? group.overdue : group.dueSoon).push({
      id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, title: r.title, state: r.state as ReviewState,
      stateName: REVIEW_STATES[r.state as ReviewState], changedOn: r.changed_on, dueOn: r.due_on!,
      workingDaysLeft: workingDaysBetween(calendar, today, r.due_on!),
    });
  }
  const byName = (a: string, b: string) => (a === NO_ITEM_OFFICE ? 1 : b === NO_ITEM_OFFICE ? -1 : a.localeCompare(b, 'zh-CN'));
  return {
    today, dueSoonUntil: until,
    offices: [...offices.values()].sort((a, b) => byName(a.office, b.office)),
    groups: [...groups.values()].sort((a, b) => byName(a.office, b.office) || a.person.localeCompare(b.person, 'zh-CN')),
  };
}
