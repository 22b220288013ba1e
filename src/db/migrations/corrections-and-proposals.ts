/**
 * Issue 12: correcting a published annual report (更正) and the office's proposals and suggestions (建议提案).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { idColumn } from './migration-helpers.js';

/**
 * 更正: a published report may be corrected. `published_version` is the version the portal shows (set for every
 * report published so far), `corrected_at` when the last correction was published. A correction is a row of
 * `report_corrections`: the version it started from, the reason, who started it and, once published, the version
 * that replaced it. At most one correction of a report is open at a time (a partial unique index: two officers
 * starting one at once — only one succeeds).
 */
export const reportCorrections: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('reports').addColumn('published_version', 'integer').execute();
    await db.schema.alterTable('reports').addColumn('corrected_at', 'text').execute();
    await sql`update reports set published_version = current_version where status = 'published'`.execute(db);
    await idColumn(db, db.schema.createTable('report_corrections'))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
      .addColumn('from_version', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('started_by_id', 'integer')
      .addColumn('published_version', 'integer')
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('report_corrections_open_uq').on('report_corrections').column('report_id').unique()
      .where(sql.ref('published_at'), 'is', null).execute();
  },
};

/**
 * 建议提案: 人大代表建议 and 政协提案 assigned to the agency, with their events (who, when, old → new). The answer
 * deadline is stored as its calendar date (`due_base`); the working-day shift is applied when it is read (the
 * calendar may not cover that year yet). The published result is a disclosure item (`result_item_id`).
 */
export const proposals: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('proposals'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('reg_no', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('npc', 'cppcc')`))
      .addColumn('source_no', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('proposer', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('assigned_on', 'text', (c) => c.notNull())
      .addColumn('lead_office', 'text', (c) => c.notNull())
      .addColumn('co_offices', 'text', (c) => c.notNull())
      .addColumn('due_base', 'text', (c) => c.notNull())
      .addColumn('due_set', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('answered_on', 'text')
      .addColumn('reply_text', 'text')
      .addColumn('late_reason', 'text')
      .addColumn('feedback', 'text')
      .addColumn('feedback_on', 'text')
      .addColumn('feedback_note', 'text')
      .addColumn('result_item_id', 'integer', (c) => c.references('items.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('proposals_reg_no_uq', ['agency_id', 'reg_no'])
      .addUniqueConstraint('proposals_source_uq', ['agency_id', 'kind', 'source_no'])
      .execute();
    await db.schema.createIndex('proposals_agency_idx').on('proposals').columns(['agency_id', 'assigned_on']).execute();
    await idColumn(db, db.schema.createTable('proposal_events'))
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('old', 'text')
      .addColumn('new', 'text')
      .execute();
    await db.schema.createIndex('proposal_events_idx').on('proposal_events').column('proposal_id').execute();
  },
};
