/**
 * SQL for agencies (the only place that queries the `agencies` table). Takes a Kysely instance
 * or a transaction.
 */
import { sql, type Kysely } from 'kysely';
import { bumpPublicationGeneration } from '../db/publication-generation.js';
import type { Database } from '../db/schema.js';
import type { AgencyRow, NewAgencyRow } from './agency.table.js';

type Q = Kysely<Database>;

/** All agencies not archived, by id. */
export function listAgencyRows(db: Q): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().where('archived', '=', 0).orderBy('id').execute();
}

/** One agency by id (archived ones included: old reports still name them). */
export function findAgencyRow(db: Q, id: number): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One agency by exact name. */
export function findAgencyRowByName(db: Q, name: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Inserts an agency and returns its row (the portal's agency tree changes: the publication generation moves). */
export async function insertAgencyRow(db: Q, row: NewAgencyRow): Promise<AgencyRow> {
  const inserted = await db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
  await bumpPublicationGeneration(db, inserted.id, new Date(inserted.created_at));
  return inserted;
}

/** Number of agencies, archived included. */
export async function countAgencyRows(db: Q): Promise<number> {
  const { n } = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The agency and its ancestors, nearest first (the chain a subtree grant is checked against); empty
 * when the agency does not exist.
 */
export async function agencyChainIds(db: Q, id: number): Promise<number[]> {
  const rows = await db.withRecursive('chain(id, parent_id, depth)', (qb) => qb
    .selectFrom('agencies').select(['id', 'parent_id', sql<number>`0`.as('depth')]).where('id', '=', id)
    .unionAll((q) => q.selectFrom('agencies').innerJoin('chain', 'chain.parent_id', 'agencies.id')
      .select(['agencies.id', 'agencies.parent_id', sql<number>`chain.depth + 1`.as('depth')])))
    .selectFrom('chain').select('id').orderBy('depth').execute();
  return rows.map((r) => Number(r.id));
}

/** The agencies in the subtrees of `rootIds` (the roots included). */
export async function agencySubtreeIds(db: Q, rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.withRecursive('tree(id)', (qb) => qb
    .selectFrom('agencies').select('id').where('id', 'in', [...rootIds])
    .union((q) => q.selectFrom('agencies').innerJoin('tree', 'tree.id', 'agencies.parent_id').select('agencies.id')))
    .selectFrom('tree').select('id').execute();
  return rows.map((r) => Number(r.id));
}

/** The names of some agencies, by id, in one query (archived ones included). */
export async function agencyNames(db: Q, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Sets an agency's 统一社会信用代码 and 索引号 template (src/disclosure/disclosure-settings.service.ts). */
export async function updateAgencyDisclosureSettings(
  db: Q, id: number, settings: { credit_code: string | null; index_template: string | null }, now: Date,
): Promise<void> {
  await db.updateTable('agencies').set(settings).where('id', '=', id).execute();
  await bumpPublicationGeneration(db, id, now);
}
