/**
 * After the working-day calendar changes (an administrator enters or corrects a year's State Council
 * notice), the stored deadlines of open cases are recomputed from their events; each case whose deadline
 * or state changes gets an event 'deadline-recomputed' (old → new). Closed cases keep what they had:
 * their deadline was the law's answer when they were decided.
 */
import type { Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { computeClock } from '../core/applications/case-clock.js';
import type { WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import { DomainError, type ProblemDetail } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import {
  listOpenApplicationRows, listOpenCaseEventRows, updateApplicationDeadlines, type DeadlineUpdate,
} from './application.repository.js';
import type { ApplicationEventRow } from './application.table.js';
import type { ApplicationSettings } from './case-context.js';
import { chinaDate, clockEvents, clockFields } from './case-record.js';

/** What a recomputation did. */
export interface RecomputeResult {
  /** Open cases looked at. */
  checked: number;
  /** Cases whose stored deadline or state changed (each with an event). */
  changed: number;
  /** Cases the new calendar cannot answer for (left as they were), with the reason. */
  failures: ProblemDetail[];
}

/**
 * Recomputes the stored deadlines of the open cases (of one agency when given) with `calendar`. Run it in
 * the transaction that changed the calendar, so deadlines and calendar change together.
 */
export async function recomputeOpenDeadlines(
  db: Kysely<Database>, clock: Clock, calendar: WorkCalendar, settings: ApplicationSettings, actor: Actor,
  options: { agencyId?: number; reason?: string } = {},
): Promise<RecomputeResult> {
  const [rows, eventRows] = await Promise.all([listOpenApplicationRows(db, options.agencyId), listOpenCaseEventRows(db, options.agencyId)]);
  const byCase = new Map<number, Pick<ApplicationEventRow, 'type' | 'data'>[]>();
  for (const e of eventRows) {
    const list = byCase.get(e.application_id);
    if (list) list.push(e);
    else byCase.set(e.application_id, [e]);
  }
  const at = clock();
  const today = chinaDate(at);
  const result: RecomputeResult = { checked: rows.length, changed: 0, failures: [] };
  const data = JSON.stringify({ reason: options.reason ?? '工作日日历变更，重新计算答复期限' });
  const updates: DeadlineUpdate[] = [];
  for (const row of rows) {
    let fields;
    try {
      fields = clockFields(computeClock(clockEvents(byCase.get(row.id) ?? []), calendar, { feeStopsClock: settings.feeStopsClock, explain: false }));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      result.failures.push({ message: `${row.case_no}：${e.message}`, place: { field: `applications[${row.id}]` } });
      continue;
    }
    if (fields.due_on === row.due_on && fields.state === row.state) continue;
    updates.push({
      id: row.id, due_on: fields.due_on, state: fields.state,
      // The event holds only what a recomputation changes: the state and the deadline.
      old: JSON.stringify({ state: row.state, dueOn: row.due_on }), new: JSON.stringify({ state: fields.state, dueOn: fields.due_on }),
    });
  }
  // Written in bulk: a calendar change can move the deadlines of every open case of a province.
  await updateApplicationDeadlines(db, updates, { at, actor: actor.name, actor_id: actor.id, type: 'deadline-recomputed', on_date: today, data });
  result.changed = updates.length;
  return result;
}
