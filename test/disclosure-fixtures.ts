/**
 * Items, categories and channel publications written straight into the tables, for tests of what is
 * counted from them (the items' own use cases live in src/disclosure and are tested there).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';

let serial = 0;

/** Inserts an item (published by default) and returns its id. */
export async function insertItem(db: Kysely<Database>, agencyId: number, over: Partial<Database['items']> & Record<string, unknown> = {}): Promise<number> {
  serial += 1;
  const written = (over.written_on as string | undefined) ?? '2024-03-01';
  const row = await db.insertInto('items').values({
    agency_id: agencyId, index_no: `TEST-${serial}-${Math.random().toString(36).slice(2, 8)}`, state: 'published', version: 1, published_version: 1,
    drafter_id: null, drafter_name: '测试', office: null, category_id: null, title: `测试信息 ${serial}`, summary: '', issuer: '测试机关',
    doc_no: null, written_on: written, changed_on: written, due_on: null, published_on: written, theme: null, keywords: '',
    disclosure: 'active', body_html: '', attachments: '[]', validity: 'valid', normative_kind: null, made_on: null, amended_on: null,
    repealed_on: null, origin: 'platform', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
    ...over,
  } as any).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Inserts a catalogue category and returns its id. */
export async function insertCategory(db: Kysely<Database>, agencyId: number, name: string): Promise<number> {
  const row = await db.insertInto('catalogue_nodes').values({
    agency_id: agencyId, parent_id: null, name, art20_item: null, position: 0, details: null, archived: 0,
    created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Records the publication of an item on a channel on a day (withdrawn when `withdrawnAt` is given). */
export async function insertPublication(db: Kysely<Database>, agencyId: number, itemId: number, channel: string, on: string, withdrawnAt: string | null = null): Promise<number> {
  const row = await db.insertInto('channel_publications').values({
    agency_id: agencyId, subject_kind: 'item', subject_id: itemId, subject_version: 1, channel, published_on: on,
    published_at: `${on}T02:00:00.000Z`, actor: '测试', actor_id: null, withdrawn_at: withdrawnAt,
    withdrawn_by: withdrawnAt ? '测试' : null, withdrawn_by_id: null, withdrawal_reason: withdrawnAt ? '测试撤回' : null,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}
