/**
 * Migration 0018: the figures of a report's drafted prose (src/reports/report-text.ts). Released: never edited
 * (src/db/migrations.ts lists them all).
 */
import type { Kysely, Migration } from 'kysely';
import { idColumn } from './migration-helpers.js';

/**
 * One row per drafting of a report's text: the version the draft was saved as and the marks of every figure
 * written (JSON: key, value, anchor, source …), so later edits and changed data can be checked against them.
 */
export const reportTextDrafts: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('report_text_drafts'))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('marks', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('report_text_drafts_report_idx').on('report_text_drafts').columns(['report_id', 'id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('report_text_drafts').execute();
  },
};
