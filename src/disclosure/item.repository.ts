/**
 * SQL of items (政府信息): the item row, its versions, attachment blobs by hash and the scan's findings.
 * The only place that reads or writes these tables.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ItemRow, NewItemRow, PiiFindingRow } from './disclosure.table.js';

type Q = Kysely<Database>;

/** The agency of an item (for the access policy), or undefined when it does not exist. */
export async function itemAgencyId(db: Q, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('items').select('agency_id').where('id', '=', id).executeTakeFirst();
  return row?.agency_id;
}

/** One item row. */
export function findItemRow(db: Q, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an item row. */
export function insertItemRow(db: Q, row: NewItemRow): Promise<ItemRow> {
  return db.insertInto('items').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Writes a new version's fields once: only when the stored version is still `baseVersion`. Returns whether
 * the row changed (false: someone saved first).
 */
export async function updateItemRow(db: Q, id: number, baseVersion: number, patch: Partial<NewItemRow>): Promise<boolean> {
  const r = await db.updateTable('items').set(patch).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves an item from `from` to `to` once: conditional on the stored state AND version. */
export async function setItemStateRow(db: Q, id: number, version: number, from: string, to: string, at: string): Promise<boolean> {
  const r = await db.updateTable('items').set({ state: to, updated_at: at })
    .where('id', '=', id).where('version', '=', version).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets what publication decides: 索引号 (only if none yet), 发布日期 (first time), the version the public sees. */
export async function markItemPublishedRow(
  db: Q, id: number, values: { indexNo: string | null; publishedOn: string; publishedVersion: number; at: string },
): Promise<void> {
  await db.updateTable('items').set({
    index_no: sql<string | null>`coalesce(index_no, ${values.indexNo})`,
    published_on: sql<string>`coalesce(published_on, ${values.publishedOn})`,
    published_version: values.publishedVersion, updated_at: values.at,
  }).where('id', '=', id).execute();
}

/** Whether an 索引号 is already taken (by any item). */
export async function indexNoTaken(db: Q, indexNo: string): Promise<boolean> {
  return (await db.selectFrom('items').select('id').where('index_no', '=', indexNo).executeTakeFirst()) !== undefined;
}

/** Appends the snapshot of one version. */
export async function insertItemVersionRow(db: Q, row: {
  item_id: number; version: number; snapshot: unknown; created_at: string; created_by: string; created_by_id: number | null;
}): Promise<void> {
  await db.insertInto('item_versions').values({ ...row, snapshot: JSON.stringify(row.snapshot) }).execute();
}

/** One stored version of an item. */
export interface ItemVersionRecord {
  version: number;
  snapshot: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  createdById: number | null;
}

/** Every version of an item, oldest first. */
export async function listItemVersionRows(db: Q, itemId: number): Promise<ItemVersionRecord[]> {
  const rows = await db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).orderBy('version').execute();
  return rows.map((r) => ({ version: r.version, snapshot: JSON.parse(r.snapshot), createdAt: r.created_at, createdBy: r.created_by, createdById: r.created_by_id }));
}

/** One version of an item, or undefined. */
export async function findItemVersionRow(db: Q, itemId: number, version: number): Promise<ItemVersionRecord | undefined> {
  const r = await db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
  return r && { version: r.version, snapshot: JSON.parse(r.snapshot), createdAt: r.created_at, createdBy: r.created_by, createdById: r.created_by_id };
}

/** A catalogue node (the item's category), or undefined. */
export function findCategoryRow(db: Q, id: number) {
  return db.selectFrom('catalogue_nodes').select(['id', 'agency_id', 'name', 'archived']).where('id', '=', id).executeTakeFirst();
}

/** Names of catalogue nodes by id. */
export async function categoryNames(db: Q, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('catalogue_nodes').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Other items of the agency with the same 文号 written in the same year. */
export async function itemsWithDocNo(db: Q, agencyId: number, docNo: string, year: number, exceptId: number | null) {
  let q = db.selectFrom('items').select(['id', 'title', 'index_no']).where('agency_id', '=', agencyId).where('doc_no', '=', docNo)
    .where('written_on', '>=', `${year}-01-01`).where('written_on', '<=', `${year}-12-31`);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.orderBy('id').execute();
}

/** Filters of the item list. */
export interface ItemListFilter {
  agencyId: number;
  state?: string;
  categoryId?: number;
  office?: string;
  /** Searched in title, 文号 and 索引号. */
  q?: string;
  limit: number;
  offset: number;
}

/** A page of an agency's items (newest change first) and the total. */
export async function listItemRows(db: Q, f: ItemListFilter): Promise<{ rows: ItemRow[]; total: number }> {
  let q = db.selectFrom('items').where('agency_id', '=', f.agencyId);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (f.categoryId !== undefined) q = q.where('category_id', '=', f.categoryId);
  if (f.office !== undefined) q = q.where('office', '=', f.office);
  if (f.q !== undefined && f.q.trim() !== '') {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb('title', 'like', sql<string>`${like} escape '\\'`),
      eb('doc_no', 'like', sql<string>`${like} escape '\\'`),
      eb('index_no', 'like', sql<string>`${like} escape '\\'`),
    ]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total };
}

/** Items not yet published (never, or a new version waiting) whose Art. 26 due date is on or before `until`. */
export async function listUnpublishedDueRows(db: Q, agencyIds: readonly number[], until: string) {
  if (agencyIds.length === 0) return [];
  return db.selectFrom('items').innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .select(['items.id', 'items.agency_id', 'agencies.name as agency_name', 'items.title', 'items.state', 'items.office',
      'items.drafter_name', 'items.changed_on', 'items.due_on'])
    .where('items.agency_id', 'in', [...agencyIds]).where('items.state', '!=', 'published')
    .where('items.origin', '=', 'platform')
    .where('items.due_on', 'is not', null).where('items.due_on', '<=', until)
    .orderBy('items.due_on').orderBy('items.id').execute();
}

/** Whose items an inbox query takes: only one drafter's, or everyone's but one person's. */
export interface DrafterFilter {
  drafterId?: number;
  notDrafterId?: number;
}

function inState(db: Q, agencyIds: readonly number[], state: string, who: DrafterFilter) {
  let q = db.selectFrom('items').where('agency_id', 'in', [...agencyIds]).where('state', '=', state);
  if (who.drafterId !== undefined) q = q.where('drafter_id', '=', who.drafterId);
  if (who.notDrafterId !== undefined) q = q.where((eb) => eb.or([eb('drafter_id', 'is', null), eb('drafter_id', '!=', who.notDrafterId!)]));
  return q;
}

/** Items of some agencies in one state (the inbox), oldest change first, at most 200. */
export async function listItemsInState(db: Q, agencyIds: readonly number[], state: string, who: DrafterFilter = {}): Promise<ItemRow[]> {
  if (agencyIds.length === 0) return [];
  return inState(db, agencyIds, state, who).selectAll().orderBy('updated_at').orderBy('id').limit(200).execute();
}

/** How many items of some agencies are in one state. */
export async function countItemsInState(db: Q, agencyIds: readonly number[], state: string, who: DrafterFilter = {}): Promise<number> {
  if (agencyIds.length === 0) return 0;
  return Number((await inState(db, agencyIds, state, who).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

// Blobs (attachments by SHA-256).

/** Stores the bytes once: inserts the blob unless its hash is already there. */
export async function insertBlobIfAbsent(db: Q, row: { hash: string; size: number; file_type: string; content: Uint8Array; text?: string | null; created_at: string }): Promise<void> {
  await db.insertInto('blobs').values({ ...row, text: row.text ?? null })
    // The same bytes uploaded again fill in the text of a blob stored before texts were kept (0016).
    .onConflict((oc) => oc.column('hash').doUpdateSet((eb) => ({ text: eb.ref('excluded.text') })).where('blobs.text', 'is', null))
    .execute();
}

/** A blob with its bytes, or undefined. */
export function findBlobRow(db: Q, hash: string) {
  return db.selectFrom('blobs').selectAll().where('hash', '=', hash).executeTakeFirst();
}

// Findings of the scan.

/** Inserts the findings of one version. */
export async function insertFindingRows(db: Q, rows: Array<Omit<PiiFindingRow, 'id' | 'resolution' | 'resolution_reason' | 'resolved_by' | 'resolved_by_id' | 'resolved_at'> & Partial<PiiFindingRow>>): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('pii_findings').values(rows.map(({ id: _id, ...r }) => ({
    resolution: null, resolution_reason: null, resolved_by: null, resolved_by_id: null, resolved_at: null, ...r,
  }))).execute();
}

/** The findings of an item (one version, or all), in order. */
export function listFindingRows(db: Q, itemId: number, version?: number): Promise<PiiFindingRow[]> {
  let q = db.selectFrom('pii_findings').selectAll().where('item_id', '=', itemId);
  if (version !== undefined) q = q.where('item_version', '=', version);
  return q.orderBy('item_version').orderBy('id').execute();
}

/** The unresolved findings of one version of an item, in order. */
export function listOpenFindingRows(db: Q, itemId: number, version: number): Promise<PiiFindingRow[]> {
  return db.selectFrom('pii_findings').selectAll().where('item_id', '=', itemId).where('item_version', '=', version)
    .where('resolution', 'is', null).orderBy('id').execute();
}

/** The unresolved findings in attachments of versions before `version`, in order. */
export function listOpenAttachmentFindingRowsBefore(db: Q, itemId: number, version: number): Promise<PiiFindingRow[]> {
  return db.selectFrom('pii_findings').selectAll().where('item_id', '=', itemId).where('item_version', '<', version)
    .where('resolution', 'is', null).where('source', 'like', 'attachment:%').orderBy('item_version').orderBy('id').execute();
}

/** One finding, or undefined. */
export function findFindingRow(db: Q, id: number): Promise<PiiFindingRow | undefined> {
  return db.selectFrom('pii_findings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether any finding rows exist for a version (the scan ran). */
export async function versionScanned(db: Q, itemId: number, version: number): Promise<boolean> {
  return (await db.selectFrom('pii_findings').select('id').where('item_id', '=', itemId).where('item_version', '=', version).executeTakeFirst()) !== undefined;
}

/** Resolves an open finding once; false when it was already resolved. */
export async function resolveFindingRow(db: Q, id: number, values: {
  resolution: string; reason: string | null; by: string; byId: number | null; at: string;
}): Promise<boolean> {
  const r = await db.updateTable('pii_findings').set({
    resolution: values.resolution, resolution_reason: values.reason, resolved_by: values.by, resolved_by_id: values.byId, resolved_at: values.at,
  }).where('id', '=', id).where('resolution', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The disclosure events of an item, oldest first. */
export function listItemEventRows(db: Q, itemId: number) {
  return db.selectFrom('disclosure_events').selectAll().where('subject_kind', '=', 'item').where('subject_id', '=', itemId).orderBy('id').execute();
}
