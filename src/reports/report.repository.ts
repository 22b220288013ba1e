/**
 * SQL for reports, their versions and events (the only place that queries these tables). Takes a
 * Kysely instance or a transaction; the service decides the transaction boundary.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type {
  NewReportCorrectionRow, NewReportEventRow, ReportCorrectionRow, NewReportRow, ReportEventRow, ReportPatch, ReportRow, ReportVersionRow,
} from './report.table.js';

type Q = Kysely<Database>;

/** A report row with its agency's name. */
export type ReportWithAgencyRow = ReportRow & { agency_name: string };

export interface ReportRowFilter {
  agencyId?: number;
  /** Only these agencies (the ones the reader may see). */
  agencyIds?: readonly number[];
  year?: number;
  status?: string;
  /** Only reports on the portal (published, also while a correction of them is in progress). */
  onPortal?: boolean;
}

function reportsWithAgency(db: Q) {
  return db.selectFrom('reports')
    .innerJoin('agencies', 'agencies.id', 'reports.agency_id')
    .selectAll('reports')
    .select('agencies.name as agency_name');
}

/** Reports matching the filter: newest year first, then by agency name. */
export function listReportRows(db: Q, filter: ReportRowFilter = {}): Promise<ReportWithAgencyRow[]> {
  let q = reportsWithAgency(db);
  if (filter.agencyId !== undefined) q = q.where('reports.agency_id', '=', filter.agencyId);
  if (filter.agencyIds !== undefined) q = filter.agencyIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('reports.agency_id', 'in', [...filter.agencyIds]);
  if (filter.year !== undefined) q = q.where('reports.year', '=', filter.year);
  if (filter.status !== undefined) q = q.where('reports.status', '=', filter.status);
  if (filter.onPortal) q = q.where((eb) => eb.or([eb('reports.published_version', 'is not', null), eb('reports.status', '=', 'published')]));
  return q.orderBy('reports.year', 'desc').orderBy('agencies.name').orderBy('reports.id').execute();
}

/** One report by id. */
export function findReportRow(db: Q, id: number): Promise<ReportWithAgencyRow | undefined> {
  return reportsWithAgency(db).where('reports.id', '=', id).executeTakeFirst();
}

/** The report of an agency for a year. */
export function findReportRowByAgencyYear(db: Q, agencyId: number, year: number): Promise<ReportWithAgencyRow | undefined> {
  return reportsWithAgency(db).where('reports.agency_id', '=', agencyId).where('reports.year', '=', year).executeTakeFirst();
}

/** Inserts a report row and returns its id. */
export async function insertReportRow(db: Q, row: NewReportRow): Promise<number> {
  const { id } = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * Updates a report row that is not published (a published report is immutable: the update of one
 * changes nothing). With `expectedVersion` the update only applies while the row is still at that
 * version (optimistic lock); returns how many rows changed, so a change that must happen once (the
 * publication) happens in exactly one of several concurrent transactions.
 */
export async function updateReportRow(db: Q, id: number, patch: ReportPatch, expectedVersion?: number): Promise<number> {
  let q = db.updateTable('reports').set(patch).where('id', '=', id).where('status', '<>', 'published');
  if (expectedVersion !== undefined) q = q.where('current_version', '=', expectedVersion);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Inserts a version of a report's document. */
export async function insertVersionRow(db: Q, row: ReportVersionRow): Promise<void> {
  await db.insertInto('report_versions').values(row).execute();
}

/** One version (document included). */
export function findVersionRow(db: Q, reportId: number, version: number): Promise<ReportVersionRow | undefined> {
  return db.selectFrom('report_versions').selectAll()
    .where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst();
}

/** The current version's document of each report matching the filter (one query for a list that shows titles). */
export function listCurrentDocumentRows(db: Q, filter: Pick<ReportRowFilter, 'agencyId' | 'status' | 'onPortal'>): Promise<{ id: number; document: string }[]> {
  // On the portal it is the published version that counts (a correction in progress is not public).
  let q = db.selectFrom('reports')
    .innerJoin('report_versions as v', (j) => j.onRef('v.report_id', '=', 'reports.id')
      .on('v.version', '=', filter.onPortal ? sql<number>`coalesce(reports.published_version, reports.current_version)` : sql<number>`reports.current_version`))
    .select(['reports.id', 'v.document']);
  if (filter.onPortal) q = q.where((eb) => eb.or([eb('reports.published_version', 'is not', null), eb('reports.status', '=', 'published')]));
  if (filter.agencyId !== undefined) q = q.where('reports.agency_id', '=', filter.agencyId);
  if (filter.status !== undefined) q = q.where('reports.status', '=', filter.status);
  return q.execute();
}

/** The versions of a report without their documents, oldest first. */
export function listVersionRows(db: Q, reportId: number): Promise<Omit<ReportVersionRow, 'document'>[]> {
  return db.selectFrom('report_versions')
    .select(['report_id', 'version', 'actor', 'actor_id', 'created_at', 'note'])
    .where('report_id', '=', reportId).orderBy('version').execute();
}

/** Number of versions of a report. */
export async function countVersionRows(db: Q, reportId: number): Promise<number> {
  const { n } = await db.selectFrom('report_versions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('report_id', '=', reportId).executeTakeFirstOrThrow();
  return Number(n);
}

/** Records an event. */
export async function insertEventRow(db: Q, row: NewReportEventRow): Promise<void> {
  await db.insertInto('report_events').values(row).execute();
}

/** The events of a report in the order they happened. */
export function listEventRows(db: Q, reportId: number): Promise<ReportEventRow[]> {
  return db.selectFrom('report_events').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

/** The agency a report belongs to (for the access check), or undefined when there is no such report. */
export async function reportAgencyId(db: Q, id: number): Promise<number | undefined> {
  return (await db.selectFrom('reports').select('agency_id').where('id', '=', id).executeTakeFirst())?.agency_id;
}

/**
 * Moves a report's review state once: only while it is still in `from` and at `version` (the version under
 * review; for a submission, the current version). Returns how many rows changed (0: someone else was first).
 */
export async function updateReviewState(db: Q, id: number, from: string, to: string, version: number): Promise<number> {
  const result = await db.updateTable('reports').set({ review_state: to, review_version: version })
    .where('id', '=', id).where('review_state', '=', from).where('current_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Everyone who saved a version of a report (they wrote its content: none of them reviews it). */
export async function versionAuthorIds(db: Q, reportId: number): Promise<(number | null)[]> {
  const rows = await db.selectFrom('report_versions').select('actor_id').distinct().where('report_id', '=', reportId).execute();
  return rows.map((r) => r.actor_id ?? null);
}

/**
 * Reopens a published report for its correction (更正): status back to draft and the chain to its start, at
 * version `nextVersion`, only while it is still published at `expectedVersion` — so of two concurrent starts only
 * one changes the row. `published_version` stays: the portal goes on showing the published version.
 */
export async function reopenForCorrection(db: Q, id: number, expectedVersion: number, nextVersion: number, at: string): Promise<number> {
  const result = await db.updateTable('reports')
    .set({ status: 'draft', review_state: 'draft', review_version: null, current_version: nextVersion, updated_at: at })
    .where('id', '=', id).where('status', '=', 'published').where('current_version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records the start of a correction (the open one is unique per report: a second insert fails). */
export async function insertCorrectionRow(db: Q, row: NewReportCorrectionRow): Promise<void> {
  await db.insertInto('report_corrections').values(row).execute();
}

/** The corrections of a report, oldest first. */
export function listCorrectionRows(db: Q, reportId: number): Promise<ReportCorrectionRow[]> {
  return db.selectFrom('report_corrections').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

/** Closes the open correction of a report with the version published; returns how many rows changed. */
export async function closeCorrectionRow(db: Q, reportId: number, version: number, at: string): Promise<number> {
  const result = await db.updateTable('report_corrections').set({ published_version: version, published_at: at })
    .where('report_id', '=', reportId).where('published_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The version of a report the portal shows, or null when it was never published. A row marked published without
 * `published_version` (written before migration 0018 ran, or by a loader that sets the status only) shows its
 * current version, which is then the published one.
 */
export function publicVersionOf(row: Pick<ReportRow, 'published_version' | 'status' | 'current_version'>): number | null {
  return row.published_version ?? (row.status === 'published' ? row.current_version : null);
}
