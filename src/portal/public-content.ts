/**
 * What the portal reads for the public, as domain values: the last PUBLISHED guide and catalogue of an agency,
 * a category of that catalogue with its sub-categories, pages of public items, one public item (or the fact
 * that it was withdrawn), and an attachment of a public item. Nothing here can return a draft: items are read
 * through public-items.repository.ts (an active portal publication, the published version's snapshot).
 */
import type { Kysely } from 'kysely';
import type { CatalogueSnapshotNode } from '../core/disclosure/catalogue-tree.js';
import type { Guide } from '../core/disclosure/guide.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { findNodeRow, lastPublishedCatalogue, lastPublishedCatalogues } from '../disclosure/catalogue.repository.js';
import { lastPublishedGuide } from '../disclosure/guide.repository.js';
import type { ItemAttachment, ItemSnapshot } from '../disclosure/item-drafting.js';
import { findBlobRow } from '../disclosure/item.repository.js';
import type { ListPage, PublicItem } from './disclosure-pages.js';
import { countPublicItemsByCategory, findPublicItemRow, lastPortalWithdrawal, listPublicInterpretationRows, listPublicItemRows, type PublicItemFilter, type PublicItemRow } from './public-items.repository.js';

type Q = Kysely<Database>;

/** The public guide: the last published version's content and when it was published, or null. */
export async function publicGuide(db: Q, agencyId: number): Promise<{ content: Guide; publishedAt: string | null } | null> {
  const row = await lastPublishedGuide(db, agencyId);
  return row ? { content: JSON.parse(row.content) as Guide, publishedAt: row.published_at } : null;
}

/** The public catalogue: the last published version's tree, or null. */
export async function publicCatalogue(db: Q, agencyId: number): Promise<CatalogueSnapshotNode[] | null> {
  const row = await lastPublishedCatalogue(db, agencyId);
  return row ? JSON.parse(row.tree) as CatalogueSnapshotNode[] : null;
}

/** Every agency's public catalogue (the last published version's tree), by agency id; agencies with none are absent. */
export async function publicCatalogues(db: Q): Promise<Map<number, CatalogueSnapshotNode[]>> {
  const rows = await lastPublishedCatalogues(db);
  return new Map(rows.map((r) => [Number(r.agency_id), JSON.parse(r.tree) as CatalogueSnapshotNode[]]));
}

/** The path from a root of the tree to the node with `id` (empty when the published tree does not hold it). */
export function pathTo(tree: readonly CatalogueSnapshotNode[], id: number): CatalogueSnapshotNode[] {
  for (const node of tree) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below.length) return [node, ...below];
  }
  return [];
}

/** The ids of a node and every node below it. */
export function subtreeIds(node: CatalogueSnapshotNode): number[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

/** Finds a node of the tree by its name (first in tree order). */
export function findByName(tree: readonly CatalogueSnapshotNode[], name: string): CatalogueSnapshotNode | null {
  for (const node of tree) {
    if (node.name === name) return node;
    const below = findByName(node.children, name);
    if (below) return below;
  }
  return null;
}

/** A category as the public sees it: in its agency's last PUBLISHED catalogue; NotFoundError otherwise. */
export async function publicCategory(db: Q, id: number): Promise<{ agencyId: number; node: CatalogueSnapshotNode; path: CatalogueSnapshotNode[] }> {
  const missing = new NotFoundError(`未找到编号为 ${id} 的公开目录类别`);
  const row = await findNodeRow(db, id);
  if (!row) throw missing;
  const tree = await publicCatalogue(db, row.agency_id);
  const path = tree ? pathTo(tree, id) : [];
  if (!path.length) throw missing;
  return { agencyId: row.agency_id, node: path[path.length - 1]!, path };
}

/** A stored row as the pages show it. */
export function publicItemOf(row: PublicItemRow): PublicItem {
  return { id: row.id, agencyId: row.agency_id, indexNo: row.index_no, publishedOn: row.published_on, fields: JSON.parse(row.snapshot) as ItemSnapshot };
}

/** A page of public items (page from 1; a page past the end is empty). */
export async function publicItemPage(db: Q, filter: PublicItemFilter, page: number, pageSize: number): Promise<ListPage<PublicItem>> {
  const { rows, total } = await listPublicItemRows(db, filter, pageSize, (page - 1) * pageSize);
  return { rows: rows.map(publicItemOf), total, page, pageSize };
}

/** How many public items each category holds (items directly in it and below it). */
export async function publicCounts(db: Q, tree: readonly CatalogueSnapshotNode[]): Promise<Map<number, number>> {
  // One grouped query for the whole tree; a node counts an item as its list does (listPublicItemRows with the
  // node's subtree): both the row's category and the published version's are in the subtree.
  const pairs = await countPublicItemsByCategory(db, tree.flatMap(subtreeIds));
  const counts = new Map<number, number>();
  const walk = (node: CatalogueSnapshotNode) => {
    node.children.forEach(walk);
    const ids = new Set(subtreeIds(node));
    counts.set(node.id, pairs.reduce((sum, p) => sum + (ids.has(p.rowCategory) && p.publishedCategory !== null && ids.has(p.publishedCategory) ? p.n : 0), 0));
  };
  tree.forEach(walk);
  return counts;
}

/** What an item's URL shows: the public item, or the fact that it was withdrawn (when), or nothing (never published: 404). */
export type ItemLookup =
  | { kind: 'public'; item: PublicItem }
  | { kind: 'withdrawn'; indexNo: string | null; withdrawnAt: string };

/** Looks up an item for its public URL; NotFoundError (naming only the id) when it never was public. */
export async function lookupPublicItem(db: Q, id: number): Promise<ItemLookup> {
  const row = await findPublicItemRow(db, id);
  if (row) return { kind: 'public', item: publicItemOf(row) };
  const gone = await lastPortalWithdrawal(db, id);
  if (gone?.withdrawn_at) return { kind: 'withdrawn', indexNo: gone.index_no, withdrawnAt: gone.withdrawn_at };
  throw new NotFoundError(`未找到编号为 ${id} 的已公开政府信息`);
}

/** What an item's page links to: its public 解读, and (for a 解读) the public document it interprets. */
export interface ItemLinks {
  interpretations: PublicItem[];
  interprets: PublicItem | null;
}

/** The 解读 links of a public item; a side that is not public on the portal is left out. */
export async function publicItemLinks(db: Q, item: PublicItem): Promise<ItemLinks> {
  const interpretations = (await listPublicInterpretationRows(db, item.agencyId, item.id)).map(publicItemOf);
  const target = item.fields.interprets ?? null;
  const row = target === null ? undefined : await findPublicItemRow(db, target);
  // Same agency is checked on save; checked again so a page never links across agencies (its cache generation is per agency).
  return { interpretations, interprets: row && row.agency_id === item.agencyId ? publicItemOf(row) : null };
}

/**
 * An attachment for download: only when the item is public and its PUBLISHED version lists the file
 * (a file of a draft, or of an older version, is a 404).
 */
export async function publicAttachment(db: Q, id: number, hash: string): Promise<ItemAttachment & { content: Uint8Array }> {
  const missing = new NotFoundError('未找到该附件');
  const row = await findPublicItemRow(db, id);
  if (!row) throw missing;
  const named = ((JSON.parse(row.snapshot) as ItemSnapshot).attachments ?? []).find((a) => a.hash === hash);
  if (!named) throw missing;
  const blob = await findBlobRow(db, hash);
  if (!blob) throw missing;
  return { ...named, content: blob.content };
}
