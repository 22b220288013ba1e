/**
 * Migrations 0001–0008: annual reports, the working-day calendar, disclosure applications and their indexes,
 * number sequences. Released: never edited, only followed by new entries (src/db/migrations.ts lists them all).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { idColumn, isSqlite } from './migration-helpers.js';

export const initial: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('agencies'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('government', 'department', 'unit')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0).check(sql`archived in (0, 1)`))
      .execute();
    await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();

    await idColumn(db, db.schema.createTable('reports'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'checked', 'published')`))
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('issued_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addUniqueConstraint('reports_agency_year_unique', ['agency_id', 'year'])
      .execute();
    // List queries filter by year and/or status (the unique constraint serves agency + year).
    await db.schema.createIndex('reports_year_status_idx').on('reports').columns(['year', 'status']).execute();
    await db.schema.createIndex('reports_status_idx').on('reports').column('status').execute();

    await db.schema.createTable('report_versions')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version'])
      .execute();

    await idColumn(db, db.schema.createTable('report_events'))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('old', 'text')
      .addColumn('new', 'text')
      .execute();
    await db.schema.createIndex('report_events_report_idx').on('report_events').columns(['report_id', 'id']).execute();
  },
};

/** The working-day calendar: covered years, their exceptions to Monday–Friday, and its history. */
export const calendar: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('calendar_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema.createTable('calendar_days')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('off', 'work')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // A year's exceptions are replaced together when its notice is (re-)entered.
    await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').column('year').execute();

    await idColumn(db, db.schema.createTable('calendar_events'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('old', 'text')
      .addColumn('new', 'text')
      .execute();
    await db.schema.createIndex('calendar_events_year_idx').on('calendar_events').columns(['year', 'id']).execute();
  },
};

/**
 * Disclosure applications (依申请公开): the case (current state, stored deadline, result row), the
 * applicant's personal data apart, every change as an event, and the reconsiderations and lawsuits.
 */
export const applications: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('applications'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('case_no', 'text', (c) => c.notNull())
      .addColumn('query_code', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull()
        .check(sql`channel in ('in-person', 'registered-post', 'ordinary-letter', 'online', 'fax', 'email')`))
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('applicant_type', 'text', (c) => c.notNull()
        .check(sql`applicant_type in ('natural', 'commercial', 'research', 'welfare', 'legal', 'other')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('form_wanted', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull()
        .check(sql`state in ('received', 'awaiting-correction', 'consulting', 'extended', 'awaiting-fee', 'decided', 'abandoned', 'withdrawn')`))
      .addColumn('due_on', 'text')
      .addColumn('decision', 'text')
      .addColumn('result_row', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('fee_method', 'text', (c) => c.check(sql`fee_method in ('by-application', 'by-volume')`))
      .addColumn('fee_amount', 'integer')
      .addColumn('received_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('applications_agency_case_no_unique', ['agency_id', 'case_no'])
      .execute();
    // Tables 三/四 by agency and year (received, decided); warnings by open state and deadline.
    await db.schema.createIndex('applications_agency_received_idx').on('applications').columns(['agency_id', 'received_on']).execute();
    await db.schema.createIndex('applications_agency_decided_idx').on('applications').columns(['agency_id', 'decided_on']).execute();
    await db.schema.createIndex('applications_state_due_idx').on('applications').columns(['state', 'due_on']).execute();

    await db.schema.createTable('applicant_details')
      .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_type', 'text', (c) => c.notNull().check(sql`id_type in ('resident-id', 'uscc', 'other')`))
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('email', 'text')
      .execute();

    await idColumn(db, db.schema.createTable('application_events'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('old', 'text')
      .addColumn('new', 'text')
      .execute();
    await db.schema.createIndex('application_events_app_idx').on('application_events').columns(['application_id', 'id']).execute();

    await idColumn(db, db.schema.createTable('remedies'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reconsideration', 'lawsuit')`))
      .addColumn('after_reconsideration', 'integer', (c) => c.notNull().defaultTo(0).check(sql`after_reconsideration in (0, 1)`))
      .addColumn('filed_on', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('upheld', 'corrected', 'other', 'pending')`))
      .addColumn('decided_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('remedies_app_idx').on('remedies').column('application_id').execute();
  },
};

/**
 * Covering indexes for tables 三 and 四 computed from the cases (src/statistics): each query reads only
 * the index, never the table rows (on 100,000 cases of an agency-year, SQLite ~3× faster).
 */
export const statisticsIndexes: Migration = {
  async up(db: Kysely<any>) {
    // 一、二、四: by receipt date, with the closing date and the applicant column.
    await db.schema.createIndex('applications_stats_received_idx').on('applications')
      .columns(['agency_id', 'received_on', 'decided_on', 'applicant_type']).execute();
    // 三 result rows, and 二 (cases of earlier years open on 1 January): by closing date, with the applicant
    // column, the result row and the receipt date.
    await db.schema.createIndex('applications_stats_decided_idx').on('applications')
      .columns(['agency_id', 'decided_on', 'applicant_type', 'result_row', 'received_on']).execute();
  },
};

/**
 * Who handles a case: the office (承办科室) and the person (承办人) it is assigned to, for the deadline
 * warnings by office and by person. Null until assigned.
 */
export const caseAssignment: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('applications').addColumn('office', 'text').execute();
    await db.schema.alterTable('applications').addColumn('handler', 'text').execute();
  },
};

/**
 * Drops the two indexes of 0003 that the covering indexes of 0004 begin with ((agency_id, received_on)
 * and (agency_id, decided_on)): every query they served uses the longer ones, and each index less is
 * less work on every insert and on every change of a case's deadline (a deadline recomputation after a
 * calendar change rewrites many cases at once).
 */
export const dropRedundantIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('applications_agency_received_idx').execute();
    await db.schema.dropIndex('applications_agency_decided_idx').execute();
  },
};

/**
 * Room for HOT updates: a case's deadline and state change with every event and with every calendar
 * change, so neither is indexed (the warnings read an agency's cases through the statistics index) and,
 * on PostgreSQL, pages are filled to 70 % so a changed row can stay on its page without touching any
 * index (a deadline recomputation after a calendar change rewrites many cases at once).
 */
export const hotUpdates: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('applications_state_due_idx').execute();
    if (!isSqlite(db)) await sql`alter table applications set (fillfactor = 70)`.execute(db);
  },
};

/**
 * Number sequences (src/db/sequences.ts): one counter per scope, e.g. the case numbers of an agency's
 * year (`case-no:<agency>:<year>`), advanced by an update that locks the row, so that concurrent
 * transactions never take the same number. Existing scopes are created on first use, continuing from
 * the numbers already handed out.
 */
export const numberSequences: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('number_sequences')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('next', 'integer', (c) => c.notNull().check(sql`next >= 1`))
      .execute();
  },
};
