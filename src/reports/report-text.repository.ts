/**
 * SQL of the report-text drafts (report_text_drafts): one row per drafting, the latest one describes the marks
 * the current text is checked against.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ReportTextDraftTable } from './report.table.js';
import type { Insertable, Selectable } from 'kysely';

type Q = Kysely<Database>;

/** A stored drafting. */
export type ReportTextDraftRow = Selectable<ReportTextDraftTable>;

/** Records a drafting. */
export async function insertTextDraft(db: Q, row: Insertable<ReportTextDraftTable>): Promise<void> {
  await db.insertInto('report_text_drafts').values(row).execute();
}

/** The latest drafting of a report, if any. */
export async function latestTextDraft(db: Q, reportId: number): Promise<ReportTextDraftRow | undefined> {
  return db.selectFrom('report_text_drafts').selectAll().where('report_id', '=', reportId)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
}
