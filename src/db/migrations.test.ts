import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { forEachDialect } from '../../test/db-helpers.js';
import { migrate } from './migrations.js';

forEachDialect('migrations', (ctx) => {
  it('apply once and are idempotent afterwards', async () => {
    const { db } = await ctx.fresh({ migrate: false });
    assert.deepEqual(await migrate(db), ['0001_initial', '0002_calendar', '0003_applications', '0004_statistics_indexes', '0005_case_assignment', '0006_drop_redundant_indexes', '0007_hot_updates', '0008_number_sequences', '0010_users_and_sessions', '0011_applicant_encryption', '0012_proactive_disclosure', '0013_report_review', '0014_search_index', '0015_publication_generation', '0016_attachment_text', '0017_item_interpretation', '0018_report_text_drafts', '0019_audit_batches', '0020_report_corrections', '0021_proposals', '0022_service_matters', '0023_search_matter_kind', '0024_matter_abolition']);
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await migrate(db), []);
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
    assert.deepEqual(tables, [
      'agencies', 'applicant_details', 'audit_batch_events', 'audit_batches', 'audit_decisions', 'audit_files', 'audit_findings', 'audit_reads', 'application_events', 'applications', 'art20_counts', 'blobs', 'calendar_days', 'calendar_events', 'calendar_years', 'catalogue_nodes', 'catalogue_versions', 'channel_publications', 'checklist_entries', 'disclosure_events', 'guide_versions', 'hall_months', 'item_versions', 'items', 'matter_offices', 'matter_themes', 'matter_versions', 'matters', 'monthly_checklists', 'number_sequences', 'pii_findings', 'proposal_events', 'proposals', 'publication_generations', 'remedies', 'report_corrections', 'report_events', 'report_text_drafts', 'report_versions', 'reports', 'review_steps', 'role_grants', 'search_documents', 'security_events', 'service_halls', 'sessions', 'users',
      // SQLite's full-text index is a virtual table with its shadow tables (PostgreSQL: a column and a GIN index).
      ...(ctx.dialect === 'sqlite' ? ['search_fts', 'search_fts_config', 'search_fts_data', 'search_fts_docsize', 'search_fts_idx'] : []),
    ].sort());
  });

  it('numbers ids, counts as numbers, keeps text dates as text, enforces constraints', async () => {
    const { db } = ctx;
    const row = await db.insertInto('agencies')
      .values({ name: '迁移测试机关', parent_id: null, kind: 'government', created_at: '2024-01-01T00:00:00.000Z', created_by: 't', archived: 0 })
      .returningAll().executeTakeFirstOrThrow();
    assert.equal(typeof row.id, 'number');
    const { n } = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(typeof n, 'number');
    // On PostgreSQL a date value must come back as the same text, not a JS Date shifted by time zone.
    const date = ctx.dialect === 'postgres' ? sql`cast(${'2020-01-18'} as date)` : sql`${'2020-01-18'}`;
    const { d } = await sql<{ d: unknown }>`select ${date} as d`.execute(db).then((r) => r.rows[0]!);
    assert.equal(d, '2020-01-18');
    // Unknown kind, duplicate name and dangling parent are refused by the database itself.
    await assert.rejects(db.insertInto('agencies')
      .values({ name: '坏类型', parent_id: null, kind: 'bureau', created_at: 'x', created_by: 't', archived: 0 }).execute());
    await assert.rejects(db.insertInto('agencies')
      .values({ name: '迁移测试机关', parent_id: null, kind: 'government', created_at: 'x', created_by: 't', archived: 0 }).execute());
    await assert.rejects(db.insertInto('agencies')
      .values({ name: '无上级', parent_id: 424242, kind: 'department', created_at: 'x', created_by: 't', archived: 0 }).execute());
  });
});
