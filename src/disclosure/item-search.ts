/**
 * Items in the portal's full-text index (src/search): an item is searchable while its published version is on the
 * portal (an active `portal` publication), and the index is changed in the SAME transaction as the publication or
 * withdrawal, so search never shows what is not public or misses what is. The indexed text is the PUBLISHED
 * version's (a newer draft is never searchable).
 */
import type { Kysely } from 'kysely';
import { NORMATIVE_KINDS, type NormativeKind } from '../core/disclosure/item-labels.js';
import type { Database } from '../db/schema.js';
import { blocksText, bodyBlocks } from '../render/disclosure/html-blocks.js';
import { indexDocument, indexDocuments, removeDocument, removeDocuments, type SearchDocumentInput } from '../search/search-index.js';
import { registerSearchSource } from '../search/search-sources.js';
import type { ItemRow } from './disclosure.table.js';

/** The public address of an item's page on the portal. */
export const itemPath = (id: number) => `/items/${id}`;

/**
 * Plain text of sanitised body HTML: read by the one HTML reader of bodies (src/render/disclosure/html-blocks.ts,
 * parse5 — every entity decoded, scripts and styles skipped), one line per block, a table row's cells apart.
 */
export function bodyText(html: string): string {
  return blocksText(bodyBlocks(html)).join('\n');
}

/** The fields the index needs, as a published version has them. */
interface PublishedFields {
  title: string; summary?: string; docNo?: string | null; bodyHtml?: string; categoryId?: number | null;
  normativeKind?: string | null; validity?: string;
}

/** The search document of an item from its row and the published version's fields. */
export function itemSearchDocument(row: Pick<ItemRow, 'id' | 'agency_id' | 'index_no' | 'published_on' | 'written_on'>, fields: PublishedFields): SearchDocumentInput {
  const kind = fields.normativeKind && Object.hasOwn(NORMATIVE_KINDS, fields.normativeKind) ? NORMATIVE_KINDS[fields.normativeKind as NormativeKind] : '其他';
  const publishedOn = row.published_on ?? row.written_on;
  return {
    kind: 'item', docId: String(row.id), agencyId: Number(row.agency_id), categoryId: fields.categoryId ?? null,
    year: Number(publishedOn.slice(0, 4)), publishedOn, docType: kind, validity: fields.validity ?? 'valid',
    title: fields.title, docNo: fields.docNo ?? null, indexNo: row.index_no, url: itemPath(Number(row.id)),
    bodyText: [fields.summary ?? '', bodyText(fields.bodyHtml ?? '')].filter(Boolean).join('\n'),
  };
}

/** An attachment of a published version, as its snapshot names it. */
interface SnapshotAttachment { hash: string; fileName: string }

/** The item's search document and one per attachment of its published version, when it is on the portal. */
interface PublishedDocuments { item: SearchDocumentInput; attachments: SearchDocumentInput[] }

/** The key of an attachment's search document: the item and the file's SHA-256. */
export const attachmentDocId = (itemId: number, hash: string) => `${itemId}:${hash}`;

/**
 * The search documents of a published version's attachments: the text the inspection extracted at upload
 * (blobs.text), under the item's page; a file without text (an image, a scan, stored before 0016) is still
 * found by its name.
 */
async function attachmentDocuments(db: Kysely<Database>, item: SearchDocumentInput, list: readonly SnapshotAttachment[]): Promise<SearchDocumentInput[]> {
  if (list.length === 0) return [];
  const texts = new Map((await db.selectFrom('blobs').select(['hash', 'text']).where('hash', 'in', list.map((a) => a.hash)).execute())
    .map((b) => [b.hash, b.text ?? '']));
  return list.map((a) => ({
    // The item's filters (agency, category, year, type, validity), not its numbers: a 文号 or 索引号 typed as the
    // query finds the item itself, once.
    ...item, docNo: null, indexNo: null, kind: 'attachment' as const, docId: attachmentDocId(Number(item.docId), a.hash),
    title: `${item.title} 附件：${a.fileName}`, bodyText: texts.get(a.hash) ?? '',
  }));
}

/** The attachments a snapshot (editor's: an array; import's row: a JSON string) lists. */
function snapshotAttachments(s: Record<string, any>): SnapshotAttachment[] {
  const raw = typeof s.attachments === 'string' ? JSON.parse(s.attachments) : s.attachments;
  return Array.isArray(raw) ? raw.filter((a) => a && typeof a.hash === 'string').map((a) => ({ hash: a.hash, fileName: String(a.fileName ?? '') })) : [];
}

/** The SHA-256 of every file any version of the item (or its row, for an import) has listed. */
async function everAttached(db: Kysely<Database>, itemId: number): Promise<string[]> {
  const versions = await db.selectFrom('item_versions').select('snapshot').where('item_id', '=', itemId).execute();
  const row = await db.selectFrom('items').select('attachments').where('id', '=', itemId).executeTakeFirst();
  const lists = [...versions.map((v) => snapshotAttachments(JSON.parse(v.snapshot))), row ? snapshotAttachments(row) : []];
  return [...new Set(lists.flat().map((a) => a.hash))];
}

async function publishedDocuments(db: Kysely<Database>, itemId: number): Promise<PublishedDocuments | null> {
  const row = await db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || row.published_version === null) return null;
  const onPortal = await db.selectFrom('channel_publications').select('id')
    .where('subject_kind', '=', 'item').where('subject_id', '=', itemId).where('channel', '=', 'portal').where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!onPortal) return null;
  const version = await db.selectFrom('item_versions').select('snapshot')
    .where('item_id', '=', itemId).where('version', '=', Number(row.published_version)).executeTakeFirst();
  const snapshot = version ? JSON.parse(version.snapshot) : row;
  const item = itemSearchDocument(row, snapshotFields(snapshot));
  return { item, attachments: await attachmentDocuments(db, item, snapshotAttachments(snapshot)) };
}

/**
 * The fields of a stored snapshot: versions written by the editor use the domain's names (bodyHtml), those written
 * by an import the row's (body_html).
 */
function snapshotFields(s: Record<string, any>): PublishedFields {
  return {
    title: s.title, summary: s.summary ?? '', docNo: s.docNo ?? s.doc_no ?? null, bodyHtml: s.bodyHtml ?? s.body_html ?? '',
    categoryId: s.categoryId ?? s.category_id ?? null, normativeKind: s.normativeKind ?? s.normative_kind ?? null,
    validity: s.validity ?? 'valid',
  };
}

/**
 * Brings the item's row in the index in line with what is public: indexed (its published version) while it is on
 * the portal, removed otherwise. Call it in the transaction that publishes or withdraws.
 */
export async function syncItemSearch(trx: Kysely<Database>, itemId: number, at: string): Promise<void> {
  const docs = await publishedDocuments(trx, itemId);
  // Attachments of any version leave (a file removed in the published version, or all on withdrawal); the
  // published version's are written again below.
  await removeDocuments(trx, 'attachment', (await everAttached(trx, itemId)).map((hash) => attachmentDocId(itemId, hash)));
  if (docs) {
    await indexDocument(trx, docs.item, at);
    if (docs.attachments.length > 0) await indexDocuments(trx, docs.attachments, at);
  } else await removeDocument(trx, 'item', String(itemId));
}

/** Indexes items published on the portal in bulk (an import), each from the row written and its id. */
export async function indexImportedItems(
  trx: Kysely<Database>, rows: ReadonlyArray<{ id: number; row: Pick<ItemRow, 'agency_id' | 'index_no' | 'published_on' | 'written_on'> & Record<string, any> }>, at: string,
): Promise<void> {
  await indexDocuments(trx, rows.map(({ id, row }) => itemSearchDocument({ ...row, id }, snapshotFields(row))), at);
}

/** The ids of the items on the portal, in order, a page at a time (the rebuild's sources walk them). */
async function* publicItemIds(db: Kysely<Database>): AsyncGenerator<number> {
  let after = 0;
  for (;;) {
    const ids = await db.selectFrom('channel_publications').select('subject_id').distinct()
      .where('subject_kind', '=', 'item').where('channel', '=', 'portal').where('withdrawn_at', 'is', null)
      .where('subject_id', '>', after).orderBy('subject_id').limit(500).execute();
    if (ids.length === 0) return;
    for (const { subject_id } of ids) yield Number(subject_id);
    after = Number(ids[ids.length - 1]!.subject_id);
  }
}

// Every public item, for `gongkai search rebuild`.
registerSearchSource('item', async function* (db) {
  for await (const id of publicItemIds(db)) {
    const docs = await publishedDocuments(db, id);
    if (docs) yield docs.item;
  }
});

// Every attachment of a public item's published version.
registerSearchSource('attachment', async function* (db) {
  for await (const id of publicItemIds(db)) {
    const docs = await publishedDocuments(db, id);
    if (docs) yield* docs.attachments;
  }
});
