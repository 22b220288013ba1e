/**
 * SQL of the statistics (tables 三 and 四 computed from the cases): the only place that queries for them.
 * Every figure is counted by the database (conditional aggregation, GROUP BY); JavaScript only receives
 * the few grouped rows. The drill-down uses the very same predicates, so a cell and its list of cases can
 * never disagree. Dates are YYYY-MM-DD text, compared as text (the format sorts chronologically).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;
type AppEb = ExpressionBuilder<Database, 'applications'>;

/** The statistical period: from the year's first day to `asOf` (the day the figures are taken, ≤ 31 December). */
export interface Period {
  agencyId: number;
  /** YYYY-01-01 */
  start: string;
  /** The day the figures are taken (YYYY-12-31 for the annual report). */
  asOf: string;
  /** Only this case (its footprint in the tables: what the period lock compares before and after a change). */
  applicationId?: number;
}

/** The agency's cases, or the one case of `p.applicationId`. */
function inScope<QB extends { where: (...args: any[]) => QB }>(q: QB, p: Period): QB {
  const agency = q.where('applications.agency_id', '=', p.agencyId);
  return p.applicationId === undefined ? agency : agency.where('applications.id', '=', p.applicationId);
}

/** Which cases a table 三 row counts (the row's predicate on `applications`). */
export type Table3Flow = 'received' | 'carried-in' | 'decided' | 'carried-out';

/** 一: received within the period. */
function receivedIn(eb: AppEb, p: Period): Expression<SqlBool> {
  return eb.and([eb('applications.received_on', '>=', p.start), eb('applications.received_on', '<=', p.asOf)]);
}

/** 二: received before the year and not closed before it (open on the year's first day). */
function carriedIn(eb: AppEb, p: Period): Expression<SqlBool> {
  return eb.and([
    eb('applications.received_on', '<', p.start),
    eb.or([eb('applications.decided_on', 'is', null), eb('applications.decided_on', '>=', p.start)]),
  ]);
}

/** 三: closed within the period (a decision dated after `asOf` does not count, so the figures can be reproduced). */
function decidedIn(eb: AppEb, p: Period): Expression<SqlBool> {
  return eb.and([eb('applications.decided_on', '>=', p.start), eb('applications.decided_on', '<=', p.asOf)]);
}

/** 四: received by `asOf` and not closed by then. */
function carriedOut(eb: AppEb, p: Period): Expression<SqlBool> {
  return eb.and([
    eb('applications.received_on', '<=', p.asOf),
    eb.or([eb('applications.decided_on', 'is', null), eb('applications.decided_on', '>', p.asOf)]),
  ]);
}

const FLOW = { received: receivedIn, 'carried-in': carriedIn, decided: decidedIn, 'carried-out': carriedOut } as const;

/** Counts of rows 一, 二 and 四 per applicant type, one pass over the agency's cases received by `asOf`. */
export interface FlowCountRow { applicant_type: string; received: number; carried_in: number; carried_out: number }

/**
 * Rows 一, 二 and 四 of table 三, grouped by applicant type. Only the cases that matter to the year are
 * read — received within it, or received before it and open on its first day (never closed, or closed
 * on or after it) — three index ranges, so the cases of earlier years do not slow the count down.
 */
export async function countTable3Flows(db: Q, p: Period): Promise<FlowCountRow[]> {
  const base = () => inScope(db.selectFrom('applications')
    .select(['applications.applicant_type', 'applications.received_on', 'applications.decided_on']), p);
  const relevant = base().where('applications.received_on', '>=', p.start).where('applications.received_on', '<=', p.asOf)
    .unionAll(base().where('applications.received_on', '<', p.start).where('applications.decided_on', 'is', null))
    .unionAll(base().where('applications.received_on', '<', p.start).where('applications.decided_on', '>=', p.start));
  // The union keeps the table's name and columns, so the row predicates apply to it unchanged.
  const rows = await db.selectFrom(relevant.as('applications') as any)
    .select((eb: any) => [
      'applications.applicant_type',
      sql<number>`sum(case when ${receivedIn(eb, p)} then 1 else 0 end)`.as('received'),
      sql<number>`sum(case when ${carriedIn(eb, p)} then 1 else 0 end)`.as('carried_in'),
      sql<number>`sum(case when ${carriedOut(eb, p)} then 1 else 0 end)`.as('carried_out'),
    ])
    .groupBy('applications.applicant_type')
    .execute() as Array<{ applicant_type: string; received: number; carried_in: number; carried_out: number }>;
  // PostgreSQL returns sums as bigint text.
  return rows.map((r) => ({ applicant_type: r.applicant_type, received: Number(r.received), carried_in: Number(r.carried_in), carried_out: Number(r.carried_out) }));
}

/** Closed cases per applicant type and result row (2021 granularity). */
export interface ResultCountRow { applicant_type: string; result_row: string | null; n: number }

/** The result rows of table 三: cases closed within the period, grouped by applicant type and result row. */
export async function countTable3Results(db: Q, p: Period): Promise<ResultCountRow[]> {
  const rows = await inScope(db.selectFrom('applications'), p)
    .where((eb) => decidedIn(eb, p))
    .select((eb) => ['applications.applicant_type', 'applications.result_row', eb.fn.countAll<number>().as('n')])
    .groupBy(['applications.applicant_type', 'applications.result_row'])
    .execute();
  return rows.map((r) => ({ applicant_type: r.applicant_type, result_row: r.result_row, n: Number(r.n) }));
}

/**
 * A remedy's result as of `asOf`: its recorded result when decided by then, else pending (尚未审结).
 * Remedies filed within the period count.
 */
function remedyResultAsOf(asOf: string) {
  // A literal, not a parameter: PostgreSQL matches the GROUP BY expression to the selected one only when
  // they are the same text, and two parameters are two expressions. `asOf` is a validated YYYY-MM-DD date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD: ${asOf}`);
  return sql<string>`case when remedies.decided_on is not null and remedies.decided_on <= ${sql.lit(asOf)} and remedies.result <> 'pending' then remedies.result else 'pending' end`;
}

/** Remedies per kind, after-reconsideration flag and result as of `asOf`. */
export interface RemedyCountRow { kind: string; after_reconsideration: number; result: string; n: number }

/** Table 四: reconsiderations and lawsuits on the agency's cases filed within the period, grouped. */
export async function countTable4(db: Q, p: Period): Promise<RemedyCountRow[]> {
  const result = remedyResultAsOf(p.asOf);
  const rows = await inScope(db.selectFrom('remedies').innerJoin('applications', 'applications.id', 'remedies.application_id'), p)
    .where('remedies.filed_on', '>=', p.start)
    .where('remedies.filed_on', '<=', p.asOf)
    .select((eb) => ['remedies.kind', 'remedies.after_reconsideration', result.as('result'), eb.fn.countAll<number>().as('n')])
    .groupBy(['remedies.kind', 'remedies.after_reconsideration', result])
    .execute();
  return rows.map((r) => ({ kind: r.kind, after_reconsideration: Number(r.after_reconsideration), result: r.result, n: Number(r.n) }));
}

/** A case behind a cell (and, for table 四, the remedy), with its receipt date and current state (nothing personal). */
export interface CellCaseRow { application_id: number; case_no: string; received_on: string; state: string; remedy_id: number | null }

/**
 * The cases behind a table 三 cell: the row's predicate, the applicant type (null: every type) and, for
 * result rows, the 2021 result rows folded into it.
 */
export async function listTable3Cases(
  db: Q, p: Period, flow: Table3Flow, applicantType: string | null, resultRows: string[] | null,
): Promise<CellCaseRow[]> {
  let q = db.selectFrom('applications')
    .where('applications.agency_id', '=', p.agencyId)
    .where((eb) => FLOW[flow](eb, p));
  if (applicantType !== null) q = q.where('applications.applicant_type', '=', applicantType);
  if (resultRows !== null) q = q.where('applications.result_row', 'in', resultRows.length ? resultRows : ['-']);
  const rows = await q.select(['applications.id', 'applications.case_no', 'applications.received_on', 'applications.state'])
    .orderBy('applications.case_no').orderBy('applications.id').execute();
  return rows.map((r) => ({ application_id: Number(r.id), case_no: r.case_no, received_on: r.received_on, state: r.state, remedy_id: null }));
}

/** The remedies (with their cases) behind a table 四 cell; `result` null: every result (the group's 总计). */
export async function listTable4Cases(
  db: Q, p: Period, kind: string, afterReconsideration: number | null, result: string | null,
): Promise<CellCaseRow[]> {
  let q = db.selectFrom('remedies')
    .innerJoin('applications', 'applications.id', 'remedies.application_id')
    .where('applications.agency_id', '=', p.agencyId)
    .where('remedies.filed_on', '>=', p.start)
    .where('remedies.filed_on', '<=', p.asOf)
    .where('remedies.kind', '=', kind);
  if (afterReconsideration !== null) q = q.where('remedies.after_reconsideration', '=', afterReconsideration);
  if (result !== null) q = q.where(remedyResultAsOf(p.asOf), '=', result);
  const rows = await q.select(['applications.id', 'applications.case_no', 'applications.received_on', 'applications.state', 'remedies.id as remedy_id'])
    .orderBy('applications.case_no').orderBy('remedies.id').execute();
  return rows.map((r) => ({
    application_id: Number(r.id), case_no: r.case_no, received_on: r.received_on, state: r.state, remedy_id: Number(r.remedy_id),
  }));
}
