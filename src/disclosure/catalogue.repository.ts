/**
 * SQL of the 主动公开基本目录: the live tree (`catalogue_nodes`) and its versions (`catalogue_versions`).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CatalogueNodeRow, CatalogueVersionTable } from './disclosure.table.js';

type Q = Kysely<Database>;

/** A catalogue version as stored. */
export type CatalogueVersionRow = Selectable<CatalogueVersionTable>;

/** Every node of an agency's catalogue (archived ones when asked), by parent and position. */
export function listNodeRows(db: Q, agencyId: number, withArchived = false): Promise<CatalogueNodeRow[]> {
  let q = db.selectFrom('catalogue_nodes').selectAll().where('agency_id', '=', agencyId);
  if (!withArchived) q = q.where('archived', '=', 0);
  return q.orderBy('parent_id').orderBy('position').orderBy('id').execute();
}

/** One node by id. */
export function findNodeRow(db: Q, id: number): Promise<CatalogueNodeRow | undefined> {
  return db.selectFrom('catalogue_nodes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The non-archived children of a parent (null: the roots) in an agency, by position. */
export function childRows(db: Q, agencyId: number, parentId: number | null): Promise<CatalogueNodeRow[]> {
  return db.selectFrom('catalogue_nodes').selectAll()
    .where('agency_id', '=', agencyId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('archived', '=', 0)
    .orderBy('position').orderBy('id').execute();
}

/** A live sibling under `parentId` with this name (other than `except`), or undefined. */
export function siblingNamed(db: Q, agencyId: number, parentId: number | null, name: string, except?: number): Promise<CatalogueNodeRow | undefined> {
  let q = db.selectFrom('catalogue_nodes').selectAll()
    .where('agency_id', '=', agencyId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('archived', '=', 0)
    .where('name', '=', name);
  if (except !== undefined) q = q.where('id', '<>', except);
  return q.executeTakeFirst();
}

/** Inserts a node. */
export function insertNodeRow(db: Q, row: Omit<CatalogueNodeRow, 'id'>): Promise<CatalogueNodeRow> {
  return db.insertInto('catalogue_nodes').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes some fields of a node. */
export async function updateNodeRow(
  db: Q, id: number, change: Partial<Pick<CatalogueNodeRow, 'name' | 'art20_item' | 'details' | 'parent_id' | 'position' | 'archived' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('catalogue_nodes').set(change).where('id', '=', id).execute();
}

/** Titles of items filed under a node (at most `limit`), and how many there are. */
export async function itemsUnderNode(db: Q, nodeId: number, limit: number): Promise<{ titles: string[]; count: number }> {
  const rows = await db.selectFrom('items').select('title').where('category_id', '=', nodeId).orderBy('id').limit(limit).execute();
  const { n } = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('category_id', '=', nodeId).executeTakeFirstOrThrow();
  return { titles: rows.map((r) => r.title), count: Number(n) };
}

/** The highest catalogue version number of an agency (0 when none). */
export async function maxCatalogueVersion(db: Q, agencyId: number): Promise<number> {
  const row = await db.selectFrom('catalogue_versions').select((eb) => eb.fn.max('version').as('v')).where('agency_id', '=', agencyId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Inserts a catalogue version. */
export function insertCatalogueVersion(db: Q, row: {
  agency_id: number; version: number; tree: string; state: string; created_at: string; created_by: string; created_by_id: number | null;
}) {
  return db.insertInto('catalogue_versions').values({ ...row, published_at: null }).returningAll().executeTakeFirstOrThrow();
}

/** A catalogue version by id. */
export function findCatalogueVersion(db: Q, id: number): Promise<CatalogueVersionRow | undefined> {
  return db.selectFrom('catalogue_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A catalogue version by agency and number. */
export function findCatalogueVersionByNumber(db: Q, agencyId: number, version: number) {
  return db.selectFrom('catalogue_versions').selectAll().where('agency_id', '=', agencyId).where('version', '=', version).executeTakeFirst();
}

/** The versions of an agency's catalogue, newest first (without the trees). */
export function listCatalogueVersions(db: Q, agencyId: number) {
  return db.selectFrom('catalogue_versions')
    .select(['id', 'agency_id', 'version', 'state', 'created_at', 'created_by', 'created_by_id', 'published_at'])
    .where('agency_id', '=', agencyId).orderBy('version', 'desc').execute();
}

/** The last published version of an agency's catalogue. */
export function lastPublishedCatalogue(db: Q, agencyId: number) {
  return db.selectFrom('catalogue_versions').selectAll()
    .where('agency_id', '=', agencyId).where('state', '=', 'published')
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The last published catalogue version of every agency that has one (one query: the portal's site map and search). */
export function lastPublishedCatalogues(db: Q) {
  return db.selectFrom('catalogue_versions as c').selectAll('c')
    .where('c.state', '=', 'published')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('catalogue_versions as n').select('n.id')
      .whereRef('n.agency_id', '=', 'c.agency_id').where('n.state', '=', 'published').whereRef('n.version', '>', 'c.version'))))
    .execute();
}

/** Moves a version from one state to another once; false when it was no longer in `from`. */
export async function setCatalogueVersionState(db: Q, id: number, from: string, to: string, publishedAt: string | null): Promise<boolean> {
  const result = await db.updateTable('catalogue_versions')
    .set(publishedAt ? { state: to, published_at: publishedAt } : { state: to })
    .where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Who changed an agency's live tree after `after` (exclusive; null: from the start) up to `until` (inclusive): the
 * authors of the version snapshotted at `until`.
 */
export async function treeEditorIds(db: Q, agencyId: number, after: string | null, until: string): Promise<(number | null)[]> {
  let q = db.selectFrom('disclosure_events').select('actor_id').distinct()
    .where('agency_id', '=', agencyId).where('subject_kind', 'in', ['catalogue-node', 'catalogue-tree']).where('at', '<=', until);
  if (after !== null) q = q.where('at', '>', after);
  return (await q.execute()).map((r) => r.actor_id);
}

/** The version before `version` of an agency's catalogue. */
export function previousCatalogueVersion(db: Q, agencyId: number, version: number): Promise<CatalogueVersionRow | undefined> {
  return db.selectFrom('catalogue_versions').selectAll().where('agency_id', '=', agencyId).where('version', '<', version)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}
