/**
 * Migration 0019: saved bulk audits of published annual reports (src/audit/audit-batch.table.ts). Released: never
 * edited (src/db/migrations.ts lists them all).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { idColumn } from './migration-helpers.js';

/**
 * Saved bulk audits: a batch of uploaded report files (bytes in `blobs`, stored once by SHA-256), each file's reads
 * (append-only: a re-run adds a read, the file row points at the latest and copies its summary for filtering and
 * sorting in SQL), the findings of each read, decisions on findings as events keyed by (agency, file hash,
 * fingerprint) so they survive a re-run and a re-upload, and the batch's events (created, stopped, re-run, done).
 */
export const auditBatches: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('audit_batches'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('reading', 'done', 'stopped')`))
      .addColumn('run', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_batches_agency_idx').on('audit_batches').columns(['agency_id', 'id']).execute();
    await db.schema.createIndex('audit_batches_state_idx').on('audit_batches').column('state').execute();

    await idColumn(db, db.schema.createTable('audit_batch_events'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('audit_batches.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('old_state', 'text')
      .addColumn('new_state', 'text', (c) => c.notNull())
      .addColumn('run', 'integer', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_batch_events_batch_idx').on('audit_batch_events').column('batch_id').execute();

    await idColumn(db, db.schema.createTable('audit_files'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('audit_batches.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.hash'))
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'reading', 'done', 'failed')`))
      // The claim of the reader holding the file ('reading'): a token and when it was taken (a lease, so a
      // crashed instance's file is read again).
      .addColumn('claim', 'text')
      .addColumn('claimed_at', 'text')
      .addColumn('read_id', 'integer')
      .addColumn('error', 'text')
      .addColumn('agency_name', 'text')
      .addColumn('year', 'integer')
      .addColumn('format', 'text')
      .addColumn('title', 'text')
      .addColumn('source_url', 'text')
      .addColumn('published_at', 'text')
      .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('missing', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('recovered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('read_ms', 'integer')
      .addUniqueConstraint('audit_files_batch_position_uq', ['batch_id', 'position'])
      .execute();
    await db.schema.createIndex('audit_files_batch_state_idx').on('audit_files').columns(['batch_id', 'state']).execute();
    await db.schema.createIndex('audit_files_sha_idx').on('audit_files').column('sha256').execute();
    await db.schema.createIndex('audit_files_agency_year_idx').on('audit_files').columns(['agency_name', 'year']).execute();

    await idColumn(db, db.schema.createTable('audit_reads'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('audit_files.id'))
      .addColumn('run', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('done', 'failed')`))
      .addColumn('error', 'text')
      .addColumn('agency_name', 'text')
      .addColumn('year', 'integer')
      .addColumn('format', 'text')
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('read_ms', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('audit_reads_file_run_uq', ['file_id', 'run'])
      .execute();

    await idColumn(db, db.schema.createTable('audit_findings'))
      .addColumn('read_id', 'integer', (c) => c.notNull().references('audit_reads.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('audit_files.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning', 'missing', 'recovered')`))
      .addColumn('rule_title', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('expression', 'text')
      .addColumn('cells', 'text', (c) => c.notNull())
      .addUniqueConstraint('audit_findings_read_fingerprint_uq', ['read_id', 'fingerprint'])
      .execute();

    await idColumn(db, db.schema.createTable('audit_decisions'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('confirmed', 'dismissed')`))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('old_kind', 'text')
      .addColumn('old_note', 'text')
      .addColumn('file_id', 'integer', (c) => c.notNull().references('audit_files.id'))
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_decisions_key_idx').on('audit_decisions').columns(['agency_id', 'sha256', 'fingerprint', 'id']).execute();
  },
};
