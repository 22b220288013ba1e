/**
 * Migrations 0012–0017: proactive disclosure, the report's review state, the search index, the publication
 * generation of the page cache, attachment text, item interpretations. Released: never edited
 * (src/db/migrations.ts lists them all).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { idColumn, isSqlite } from './migration-helpers.js';

/**
 * Proactive disclosure (主动公开, src/disclosure/disclosure.table.ts): the catalogue and guide, items and their
 * versions, attachment bytes by hash, the review chain for every subject kind, scan findings, publications by
 * channel and their withdrawal, the monthly checklist, table 二's entered counts, and the event log. Agencies get
 * their 统一社会信用代码 and 索引号 template.
 */
export const proactiveDisclosure: Migration = {
  async up(db: Kysely<any>) {
    const blob = isSqlite(db) ? 'blob' : 'bytea';
    await db.schema.alterTable('agencies').addColumn('credit_code', 'text').execute();
    await db.schema.alterTable('agencies').addColumn('index_template', 'text').execute();

    await idColumn(db, db.schema.createTable('catalogue_nodes'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('catalogue_nodes.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('art20_item', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0).check(sql`archived in (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalogue_nodes_agency_idx').on('catalogue_nodes').columns(['agency_id', 'parent_id']).execute();

    for (const table of ['catalogue_versions', 'guide_versions']) {
      await idColumn(db, db.schema.createTable(table))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn(table === 'catalogue_versions' ? 'tree' : 'content', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_id', 'integer')
        .addColumn('published_at', 'text')
        .addUniqueConstraint(`${table}_agency_version_uq`, ['agency_id', 'version'])
        .execute();
    }

    await idColumn(db, db.schema.createTable('items'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('index_no', 'text', (c) => c.unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('published_version', 'integer')
      .addColumn('drafter_id', 'integer')
      .addColumn('drafter_name', 'text', (c) => c.notNull())
      .addColumn('office', 'text')
      .addColumn('category_id', 'integer', (c) => c.references('catalogue_nodes.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('doc_no', 'text')
      .addColumn('written_on', 'text', (c) => c.notNull())
      .addColumn('changed_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('published_on', 'text')
      .addColumn('theme', 'text')
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('disclosure', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('attachments', 'text', (c) => c.notNull())
      .addColumn('validity', 'text', (c) => c.notNull())
      .addColumn('normative_kind', 'text')
      .addColumn('made_on', 'text')
      .addColumn('amended_on', 'text')
      .addColumn('repealed_on', 'text')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('items_agency_state_idx').on('items').columns(['agency_id', 'state']).execute();
    await db.schema.createIndex('items_agency_category_idx').on('items').columns(['agency_id', 'category_id']).execute();
    await db.schema.createIndex('items_due_idx').on('items').columns(['due_on']).execute();

    await idColumn(db, db.schema.createTable('item_versions'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'integer')
      .addUniqueConstraint('item_versions_item_version_uq', ['item_id', 'version'])
      .execute();

    await db.schema.createTable('blobs')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('file_type', 'text', (c) => c.notNull())
      .addColumn('content', blob as 'blob', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await idColumn(db, db.schema.createTable('review_steps'))
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('subject_version', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('reason', 'text')
      .addColumn('comment', 'text')
      .addColumn('form', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_steps_subject_idx').on('review_steps').columns(['subject_kind', 'subject_id', 'subject_version']).execute();

    await idColumn(db, db.schema.createTable('pii_findings'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
      .addColumn('item_version', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolution_reason', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_by_id', 'integer')
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema.createIndex('pii_findings_item_idx').on('pii_findings').columns(['item_id', 'item_version']).execute();

    await idColumn(db, db.schema.createTable('channel_publications'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('subject_version', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdrawn_by_id', 'integer')
      .addColumn('withdrawal_reason', 'text')
      .execute();
    await db.schema.createIndex('channel_publications_agency_idx').on('channel_publications').columns(['agency_id', 'published_on']).execute();
    await db.schema.createIndex('channel_publications_subject_idx').on('channel_publications').columns(['subject_kind', 'subject_id']).execute();

    await idColumn(db, db.schema.createTable('monthly_checklists'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('signed_by_id', 'integer')
      .addUniqueConstraint('monthly_checklists_agency_month_uq', ['agency_id', 'month'])
      .execute();
    await idColumn(db, db.schema.createTable('checklist_entries'))
      .addColumn('checklist_id', 'integer', (c) => c.notNull().references('monthly_checklists.id'))
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('channel_publications.id'))
      .addColumn('decision', 'text')
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_by_id', 'integer')
      .addColumn('decided_at', 'text')
      .addUniqueConstraint('checklist_entries_uq', ['checklist_id', 'publication_id'])
      .execute();

    await idColumn(db, db.schema.createTable('art20_counts'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('cell', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('entered_by_id', 'integer')
      .execute();
    await db.schema.createIndex('art20_counts_idx').on('art20_counts').columns(['agency_id', 'year', 'cell']).execute();

    await idColumn(db, db.schema.createTable('disclosure_events'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disclosure_events_subject_idx').on('disclosure_events').columns(['subject_kind', 'subject_id']).execute();
  },
};

/**
 * The annual report goes through the review chain before it is published (条例 Art. 50: the report is
 * published government information): `review_state` (ReviewState of src/core/disclosure/review-chain.ts) and
 * `review_version` (the report version under review or approved; null before the first submission). Table 二's
 * fee amount is entered in 万元 with decimals: `art20_counts.value` becomes a double on PostgreSQL (SQLite's
 * integer affinity keeps a non-integral value as it is).
 */
export const reportReview: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('reports').addColumn('review_state', 'text', (c) => c.notNull().defaultTo('draft')).execute();
    await db.schema.alterTable('reports').addColumn('review_version', 'integer').execute();
    if (!isSqlite(db)) await sql`alter table art20_counts alter column value type double precision`.execute(db);
  },
};

/**
 * The public full-text search index (issue 10): one row per public document (an item's published version, an
 * attachment's text, a guide, a published catalogue, a report), written in the transaction that publishes or
 * withdraws it, so the index never shows what is not public. The text is cut into words by jieba in the
 * application (src/search/search-tokens.ts) and stored as space-separated words; each engine indexes those:
 * - SQLite: an FTS5 table over `title_tokens`, `body_tokens` and `scope_tokens` with external content (the words
 *   are kept once, in search_documents), tokenize 'unicode61' (the words are already cut, so it only splits on the
 *   spaces and folds case), kept in step by triggers — in the same transaction as the row. `scope_tokens` holds the
 *   agency as a word (a123), so an agency filter is resolved inside FTS5 with the words, not row by row.
 * - PostgreSQL: a generated `search_vector` (title weighted A, body B) with a GIN index.
 * 文号 and 索引号 are found directly through ordinary indexes on their normalised keys (brackets and spaces folded).
 */
export const searchIndex: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    await idColumn(db, db.schema.createTable('search_documents'))
      .addColumn('doc_kind', 'text', (c) => c.notNull().check(sql`doc_kind in ('item', 'attachment', 'guide', 'catalogue', 'report')`))
      .addColumn('doc_id', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('category_id', 'integer')
      .addColumn('year', 'integer')
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('doc_type', 'text')
      .addColumn('validity', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('doc_no', 'text')
      .addColumn('doc_no_key', 'text')
      .addColumn('index_no', 'text')
      .addColumn('index_no_key', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('title_tokens', 'text', (c) => c.notNull())
      .addColumn('body_tokens', 'text', (c) => c.notNull())
      .addColumn('scope_tokens', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('search_documents_kind_doc_uq', ['doc_kind', 'doc_id'])
      .execute();
    // Filters and the date sort: an agency's documents newest first; a category's; exact 文号 / 索引号.
    await db.schema.createIndex('search_documents_agency_idx').on('search_documents').columns(['agency_id', 'published_on']).execute();
    await db.schema.createIndex('search_documents_category_idx').on('search_documents').columns(['category_id', 'published_on']).execute();
    await db.schema.createIndex('search_documents_published_idx').on('search_documents').columns(['published_on']).execute();
    await db.schema.createIndex('search_documents_doc_no_idx').on('search_documents').column('doc_no_key').execute();
    await db.schema.createIndex('search_documents_index_no_idx').on('search_documents').column('index_no_key').execute();
    if (sqlite) {
      await sql`create virtual table search_fts using fts5(
        title_tokens, body_tokens, scope_tokens, content = 'search_documents', content_rowid = 'id', tokenize = 'unicode61'
      )`.execute(db);
      // External content: FTS5 keeps only the inverted index; these triggers feed it the row's words (and the
      // old words to take out, as FTS5 needs them to delete), inside the writer's transaction.
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
    } else {
      // 'simple': no stemming or stop words — the words are Chinese, already cut; it lowercases Latin letters.
      await sql`alter table search_documents add column search_vector tsvector generated always as (
        setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B')
      ) stored`.execute(db);
      await sql`create index search_documents_vector_idx on search_documents using gin (search_vector)`.execute(db);
    }
  },
};

/**
 * The publication generation (rendered-page cache, src/portal/page-cache.ts): one row per agency and one
 * global row (agency_id 0, hence no foreign key), each a counter bumped in the same transaction as every
 * publication, withdrawal and agency change (src/db/publication-generation.ts). Several app instances share the database: a page
 * cached under an older generation is simply never asked for again.
 */
export const publicationGeneration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('publication_generations')
      .addColumn('agency_id', 'integer', (c) => c.primaryKey())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * An attachment's text, as the inspection extracted it at upload (off the request thread), so publishing can index
 * it in its transaction without reading the file again. Null for files stored before, and for images.
 */
export const attachmentText: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('blobs').addColumn('text', 'text').execute();
  },
};

/**
 * 解读 (interpretation): an item may be the 解读 of another item of the same agency. The link lives in each
 * version's snapshot (what the public sees follows the published version); the row holds the current version's
 * target so the public page of a document finds its 解读 through an index.
 */
export const itemInterpretation: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('items').addColumn('interprets_item_id', 'integer', (c) => c.references('items.id')).execute();
    await db.schema.createIndex('items_interprets_idx').on('items').column('interprets_item_id').execute();
  },
};
