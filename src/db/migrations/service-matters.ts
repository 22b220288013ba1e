/**
 * 政务服务事项 and their 办事指南, the service halls and their monthly figures (issue 12; table types in
 * src/matters/matters.table.ts). The national theme lists are copied in as the editable starting point.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { NATIONAL_THEMES } from '../../core/matters/matter-lists.js';
import { idColumn, isSqlite } from './migration-helpers.js';

export const serviceMatters: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('matter_offices'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('matter_offices_name_uq', ['agency_id', 'name'])
      .execute();

    await idColumn(db, db.schema.createTable('matter_themes'))
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('matter_themes_code_uq', ['audience', 'code'])
      .execute();
    await db.insertInto('matter_themes').values(NATIONAL_THEMES.map((t, i) => ({
      audience: t.audience, code: t.code, name: t.name, position: i, archived: 0, updated_at: '2026-01-01T00:00:00.000Z', updated_by: '国家主题分类',
    }))).execute();

    await idColumn(db, db.schema.createTable('matters'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('published_version', 'integer')
      .addColumn('drafter_id', 'integer')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('matters_code_uq', ['agency_id', 'code'])
      .execute();

    await idColumn(db, db.schema.createTable('matter_versions'))
      .addColumn('matter_id', 'integer', (c) => c.notNull().references('matters.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('office', 'text', (c) => c.notNull())
      .addColumn('themes', 'text', (c) => c.notNull())
      .addColumn('levels', 'text', (c) => c.notNull())
      .addColumn('online', 'integer', (c) => c.notNull())
      .addColumn('fully_online', 'integer', (c) => c.notNull())
      .addColumn('at_most_once', 'integer', (c) => c.notNull())
      .addColumn('zero_visit', 'integer', (c) => c.notNull())
      .addColumn('mail_delivery', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'integer')
      .addColumn('published_on', 'text')
      .addUniqueConstraint('matter_versions_uq', ['matter_id', 'version'])
      .execute();
    await db.schema.createIndex('matter_versions_published_idx').on('matter_versions').columns(['matter_id', 'published_on']).execute();

    await idColumn(db, db.schema.createTable('service_halls'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('service_halls_name_uq', ['agency_id', 'name'])
      .execute();

    await idColumn(db, db.schema.createTable('hall_months'))
      .addColumn('hall_id', 'integer', (c) => c.notNull().references('service_halls.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('windows', 'integer')
      .addColumn('matters', 'integer')
      .addColumn('transactions', 'integer')
      .addColumn('certificates_mailed', 'integer')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_by_id', 'integer')
      .addUniqueConstraint('hall_months_uq', ['hall_id', 'month'])
      .execute();
  },
};

/**
 * The search index takes a sixth kind of document, 'matter' (办事指南). PostgreSQL swaps the check constraint; SQLite
 * cannot alter one, so the table is rebuilt under the same name from its own stored definition with only the list of
 * kinds changed (rows copied with their ids, so the FTS5 index over them stays valid), and its indexes and the
 * triggers that feed FTS5 are made again exactly as 0014 made them.
 */
export const searchMatterKind: Migration = {
  async up(db: Kysely<any>) {
    const OLD = "doc_kind in ('item', 'attachment', 'guide', 'catalogue', 'report')";
    const NEW = "doc_kind in ('item', 'attachment', 'guide', 'catalogue', 'report', 'matter')";
    if (!isSqlite(db)) {
      await sql`alter table search_documents drop constraint search_documents_doc_kind_check`.execute(db);
      await sql.raw(`alter table search_documents add constraint search_documents_doc_kind_check check (${NEW})`).execute(db);
      return;
    }
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'search_documents'`.execute(db);
    const create = rows[0]!.sql;
    if (!create.includes(OLD)) throw new Error('search_documents: unexpected definition');
    await sql.raw(create.replace(OLD, NEW).replace(/^create table "?search_documents"?/i, 'create table "search_documents_new"')).execute(db);
    await sql`insert into search_documents_new select * from search_documents`.execute(db);
    for (const t of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql.raw(`drop trigger ${t}`).execute(db);
    await sql`drop table search_documents`.execute(db);
    await sql`alter table search_documents_new rename to search_documents`.execute(db);
    await db.schema.createIndex('search_documents_agency_idx').on('search_documents').columns(['agency_id', 'published_on']).execute();
    await db.schema.createIndex('search_documents_category_idx').on('search_documents').columns(['category_id', 'published_on']).execute();
    await db.schema.createIndex('search_documents_published_idx').on('search_documents').columns(['published_on']).execute();
    await db.schema.createIndex('search_documents_doc_no_idx').on('search_documents').column('doc_no_key').execute();
    await db.schema.createIndex('search_documents_index_no_idx').on('search_documents').column('index_no_key').execute();
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts (rowid, title_tokens, body_tokens, scope_tokens) values (new.id, new.title_tokens, new.body_tokens, new.scope_tokens);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts (search_fts, rowid, title_tokens, body_tokens, scope_tokens)
        values ('delete', old.id, old.title_tokens, old.body_tokens, old.scope_tokens);
    end`.execute(db);
    await sql`create trigger search_documents_au after update of title_tokens, body_tokens, scope_tokens on search_documents begin
      insert into search_fts (search_fts, rowid, title_tokens, body_tokens, scope_tokens)
        values ('delete', old.id, old.title_tokens, old.body_tokens, old.scope_tokens);
      insert into search_fts (rowid, title_tokens, body_tokens, scope_tokens) values (new.id, new.title_tokens, new.body_tokens, new.scope_tokens);
    end`.execute(db);
  },
};

/**
 * 0024: a matter can be abolished (事项取消). The abolition is a version of its own that goes through the review
 * chain like any change; once published, the guide leaves the lists, the search and the shares from that day, and
 * its page (which printed QR codes still open) says when and why it was abolished.
 */
export const matterAbolition: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('matter_versions').addColumn('abolished', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('matter_versions').addColumn('abolish_reason', 'text').execute();
  },
};
