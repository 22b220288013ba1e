/**
 * The SQL of what the public may see of items: an item is public while it has an active (not withdrawn)
 * publication on the portal channel, and what is shown is its PUBLISHED version's snapshot (item_versions at
 * items.published_version) — never the draft being worked on, whose title may not leak.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

/** The portal channel's key (src/core/disclosure/channels.ts). */
const PORTAL = 'portal';

/** A public item as listed: id, 索引号, 发布日期 and the published version's fields (JSON snapshot, parsed by the caller). */
export interface PublicItemRow {
  id: number;
  agency_id: number;
  index_no: string | null;
  published_on: string | null;
  snapshot: string;
}

/** Which public items to list. */
export interface PublicItemFilter {
  agencyIds?: readonly number[];
  /** Items whose category (as the row records it) is one of these. */
  categoryIds?: readonly number[];
  /** Year of 发布日期. */
  publishedIn?: number;
}

function publicItems(db: Q, f: PublicItemFilter) {
  let q = db.selectFrom('items as i')
    .innerJoin('item_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .where(({ exists, selectFrom }) => exists(selectFrom('channel_publications as p').select('p.id')
      .whereRef('p.subject_id', '=', 'i.id').where('p.subject_kind', '=', 'item').where('p.channel', '=', PORTAL)
      .where('p.withdrawn_at', 'is', null)));
  if (f.agencyIds) q = f.agencyIds.length ? q.where('i.agency_id', 'in', [...f.agencyIds]) : q.where(sql<boolean>`1 = 0`);
  if (f.categoryIds) {
    const ids = [...f.categoryIds];
    // The row's category is the draft's; the published version's must match too (its snapshot is JSON.stringify
    // text, so `"categoryId":5,` or `"categoryId":5}`): a draft that moves an item never moves what the public sees.
    q = ids.length
      ? q.where('i.category_id', 'in', ids).where((eb) => eb.or(ids.flatMap((id) => [
        eb('v.snapshot', 'like', `%"categoryId":${id},%`), eb('v.snapshot', 'like', `%"categoryId":${id}}%`)])))
      : q.where(sql<boolean>`1 = 0`);
  }
  if (f.publishedIn !== undefined) q = q.where('i.published_on', '>=', `${f.publishedIn}-01-01`).where('i.published_on', '<=', `${f.publishedIn}-12-31`);
  return q;
}

/** A page of public items, newest publication first. */
export async function listPublicItemRows(db: Q, f: PublicItemFilter, limit: number, offset: number): Promise<{ rows: PublicItemRow[]; total: number }> {
  const count = await publicItems(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await publicItems(db, f)
    .select(['i.id', 'i.agency_id', 'i.index_no', 'i.published_on', 'v.snapshot'])
    .orderBy('i.published_on', 'desc').orderBy('i.id', 'desc')
    .limit(limit).offset(offset).execute();
  return { rows, total: Number(count.n) };
}

/** How many public items have each pair of (row's category, published version's category), among the given categories. */
export async function countPublicItemsByCategory(db: Q, categoryIds: readonly number[]): Promise<{ rowCategory: number; publishedCategory: number | null; n: number }[]> {
  if (!categoryIds.length) return [];
  // The published category is the snapshot's top-level "categoryId" (the same field the LIKE filter above matches).
  const published = db.getExecutor().adapter instanceof SqliteAdapter
    ? sql<number | null>`json_extract(v.snapshot, '$.categoryId')`
    : sql<number | null>`(v.snapshot::jsonb ->> 'categoryId')::bigint`;
  const rows = await publicItems(db, {}).where('i.category_id', 'in', [...categoryIds])
    .select((eb) => [published.as('published_category'), 'i.category_id', eb.fn.countAll<number>().as('n')])
    .groupBy(['i.category_id', published]).execute();
  return rows.map((r) => ({ rowCategory: Number(r.category_id), publishedCategory: r.published_category === null ? null : Number(r.published_category), n: Number(r.n) }));
}

/** The public item of an id, or undefined when it is not (or no longer) on the portal. */
export function findPublicItemRow(db: Q, id: number): Promise<PublicItemRow | undefined> {
  return publicItems(db, {}).where('i.id', '=', id)
    .select(['i.id', 'i.agency_id', 'i.index_no', 'i.published_on', 'v.snapshot']).executeTakeFirst();
}

/**
 * The public 解读 of an item of an agency: its public items whose PUBLISHED version names the item as 解读对象
 * (a draft that adds or drops the link changes nothing the public sees until it is published), oldest first.
 * The row's `interprets_item_id` follows the draft, so it cannot decide this; the scan is bounded by the agency.
 */
export function listPublicInterpretationRows(db: Q, agencyId: number, id: number): Promise<PublicItemRow[]> {
  return publicItems(db, { agencyIds: [agencyId] })
    // The snapshot is JSON.stringify text: `"interprets":5,` or `"interprets":5}`.
    .where((eb) => eb.or([eb('v.snapshot', 'like', `%"interprets":${id},%`), eb('v.snapshot', 'like', `%"interprets":${id}}%`)]))
    .select(['i.id', 'i.agency_id', 'i.index_no', 'i.published_on', 'v.snapshot'])
    .orderBy('i.published_on', 'asc').orderBy('i.id', 'asc').execute();
}

/** The last withdrawal from the portal of an item that was published there (undefined: never on the portal). */
export function lastPortalWithdrawal(db: Q, id: number) {
  return db.selectFrom('channel_publications as p').innerJoin('items as i', 'i.id', 'p.subject_id')
    .select(['i.index_no', 'p.withdrawn_at', 'p.published_on'])
    .where('p.subject_kind', '=', 'item').where('p.subject_id', '=', id).where('p.channel', '=', PORTAL)
    .where('p.withdrawn_at', 'is not', null)
    .orderBy('p.withdrawn_at', 'desc').limit(1).executeTakeFirst();
}
