/**
 * The SQL of importing and exporting items: what the rows are checked against, 索引号 blocks from the agency's
 * sequence, and batched multi-row inserts (a few hundred rows per statement: one statement text for every full
 * batch, so SQLite prepares it once).
 */
import type { Insertable, Kysely } from 'kysely';
import { parseIndexNo } from '../core/disclosure/index-number.js';
import type { Database } from '../db/schema.js';
import type { ChannelPublicationTable, ItemVersionTable, NewItemRow } from './disclosure.table.js';
import { categoryKey, docNoKey } from './item-import-validate.js';

type Db = Kysely<Database>;

/** Rows per insert statement: 300 items × 31 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const INSERT_BATCH = 300;
/** Values per `in (…)` list. */
const IN_CHUNK = 500;

/** The agency fields an import needs. */
export interface ImportAgency {
  id: number;
  name: string;
  creditCode: string | null;
  indexTemplate: string | null;
}

/** The agency, or undefined. */
export async function findImportAgency(db: Db, agencyId: number): Promise<ImportAgency | undefined> {
  const row = await db.selectFrom('agencies').select(['id', 'name', 'credit_code', 'index_template'])
    .where('id', '=', agencyId).executeTakeFirst();
  return row && { id: Number(row.id), name: row.name, creditCode: row.credit_code ?? null, indexTemplate: row.index_template ?? null };
}

/** One catalogue node with its name path from the root. */
export interface CatalogueNodeWithPath {
  id: number;
  parentId: number | null;
  name: string;
  path: string[];
  art20Item: string | null;
  position: number;
  archived: boolean;
  /** Archived itself or under an archived node. */
  hidden: boolean;
}

/** Every catalogue node of the agency with its path, in tree order (parents before children, siblings by position). */
export async function catalogueWithPaths(db: Db, agencyId: number): Promise<CatalogueNodeWithPath[]> {
  const rows = await db.selectFrom('catalogue_nodes').select(['id', 'parent_id', 'name', 'art20_item', 'position', 'archived'])
    .where('agency_id', '=', agencyId).orderBy('position').orderBy('id').execute();
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) {
    const key = r.parent_id === null ? null : Number(r.parent_id);
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const out: CatalogueNodeWithPath[] = [];
  const walk = (parent: number | null, path: string[], hidden: boolean) => {
    for (const r of children.get(parent) ?? []) {
      const node: CatalogueNodeWithPath = {
        id: Number(r.id), parentId: parent, name: r.name, path: [...path, r.name], art20Item: r.art20_item,
        position: Number(r.position), archived: Number(r.archived) === 1, hidden: hidden || Number(r.archived) === 1,
      };
      out.push(node);
      walk(node.id, node.path, node.hidden);
    }
  };
  walk(null, [], false);
  return out;
}

/** Live categories by path key (categoryKey) → node ids (more than one when two live nodes have the same path). */
export async function liveCategories(db: Db, agencyId: number): Promise<Map<string, number[]>> {
  const map = new Map<string, number[]>();
  for (const node of await catalogueWithPaths(db, agencyId)) {
    if (node.hidden) continue;
    const key = categoryKey(node.path.join('/'));
    map.set(key, [...map.get(key) ?? [], node.id]);
  }
  return map;
}

/** Which of these 索引号 an item already has (any agency). */
export async function takenIndexNos(db: Db, candidates: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < candidates.length; i += IN_CHUNK) {
    const rows = await db.selectFrom('items').select('index_no').where('index_no', 'in', candidates.slice(i, i + IN_CHUNK)).execute();
    for (const r of rows) if (r.index_no) taken.add(r.index_no);
  }
  return taken;
}

/** The agency's 文号 by docNoKey (with the year of 成文日期) → count. */
export async function docNoCounts(db: Db, agencyId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('items').select(['doc_no', 'written_on'])
    .where('agency_id', '=', agencyId).where('doc_no', 'is not', null).execute();
  const map = new Map<string, number>();
  for (const r of rows) {
    const key = docNoKey(r.doc_no!, r.written_on.slice(0, 4));
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return map;
}

/**
 * The highest sequence per year among the agency's 索引号 written by `template` with `code` (numbers of another
 * scheme are ignored). A new sequence starts after it, so platform numbers never repeat imported ones.
 */
export async function highestIndexSeqs(db: Db, agencyId: number, template: string, code: string): Promise<Map<number, number>> {
  const rows = await db.selectFrom('items').select('index_no').where('agency_id', '=', agencyId).where('index_no', 'is not', null).execute();
  const max = new Map<number, number>();
  for (const r of rows) {
    const parts = parseIndexNo(template, r.index_no!);
    if (parts && parts.code === code) max.set(parts.year, Math.max(max.get(parts.year) ?? 0, parts.seq));
  }
  return max;
}

/** The sequence scope of an agency's 索引号 in a year (the same as the item service's). */
export const indexScope = (agencyId: number, year: number) => `index-no:${agencyId}:${year}`;

/**
 * Takes `count` consecutive numbers of `scope`, first moving the sequence to at least `atLeast` (past every number
 * already used). One update under the row lock (PostgreSQL) or the writer lock (SQLite): concurrent imports and
 * publications take their numbers one after the other. count 0 only moves the sequence. Returns the first number.
 */
export async function reserveNumbers(db: Db, scope: string, count: number, atLeast: number): Promise<number> {
  await db.insertInto('number_sequences').values({ scope, next: atLeast })
    .onConflict((oc) => oc.column('scope').doNothing()).execute();
  const row = await db.updateTable('number_sequences')
    .set((eb) => ({ next: eb(eb.case().when('next', '<', atLeast).then(atLeast).else(eb.ref('next')).end(), '+', count) }))
    .where('scope', '=', scope)
    .returning('next')
    .executeTakeFirstOrThrow();
  return Number(row.next) - count;
}

/** Inserts items in batches; returns their ids in the order given. */
export async function insertItems(db: Db, rows: readonly NewItemRow[], onProgress?: (done: number, total: number) => void): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    const inserted = await db.insertInto('items').values(batch).returning(['id', 'index_no']).execute();
    // Matched by 索引号 (unique, every imported item has one) rather than trusting the order of RETURNING.
    const byIndex = new Map(inserted.map((r) => [r.index_no, Number(r.id)]));
    for (const r of batch) ids.push(byIndex.get(r.index_no ?? null)!);
    onProgress?.(ids.length, rows.length);
  }
  return ids;
}

/** Inserts item versions in batches. */
export async function insertItemVersions(db: Db, rows: ReadonlyArray<Insertable<ItemVersionTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH * 2) await db.insertInto('item_versions').values(rows.slice(i, i + INSERT_BATCH * 2)).execute();
}

/** Inserts channel publications in batches. */
export async function insertPublications(db: Db, rows: ReadonlyArray<Insertable<ChannelPublicationTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH * 2) await db.insertInto('channel_publications').values(rows.slice(i, i + INSERT_BATCH * 2)).execute();
}

/** Records one event. */
export async function insertEvent(db: Db, event: { agencyId: number; subjectKind: string; subjectId: number; type: string; data: unknown; actor: string; actorId: number | null; at: string }): Promise<void> {
  await db.insertInto('disclosure_events').values({
    agency_id: event.agencyId, subject_kind: event.subjectKind, subject_id: event.subjectId, type: event.type,
    data: JSON.stringify(event.data), actor: event.actor, actor_id: event.actorId, at: event.at,
  }).execute();
}

/** The agency's items for export (published ones, or every state), in 发布日期 order, a page at a time. */
export async function itemsForExport(db: Db, agencyId: number, allStates: boolean, afterId: number, limit: number) {
  let q = db.selectFrom('items').selectAll().where('agency_id', '=', agencyId).where('id', '>', afterId);
  if (!allStates) q = q.where('published_version', 'is not', null);
  return q.orderBy('id').limit(limit).execute();
}
