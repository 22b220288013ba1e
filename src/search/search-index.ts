/**
 * Writing the public search index. Called by the features that publish (disclosure, reports) INSIDE the
 * transaction that publishes or withdraws a document, so the index never disagrees with what is public: a
 * rolled-back publication leaves no row, a withdrawal takes the row out in the same commit. Every word is cut
 * once here, when the document is written, never at query time.
 */
import type { Kysely } from 'kysely';
import { numberKey } from '../core/search/doc-number.js';
import { requireTransaction } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import { indexWords } from './search-tokens.js';
import type { NewSearchDocumentRow, SearchDocKind } from './search.table.js';

/** Characters of a document's text kept for snippets and phrase checks (a long attachment is cut). */
export const MAX_BODY_CHARS = 100_000;

/** A public document as a feature hands it to the index. */
export interface SearchDocumentInput {
  kind: SearchDocKind;
  /** The document's key within its kind (an item's id; an attachment's item id and SHA-256 …). */
  docId: string;
  agencyId: number;
  categoryId?: number | null;
  year?: number | null;
  /** 发布日期, YYYY-MM-DD. */
  publishedOn: string;
  /** 规章 / 行政规范性文件 / 其他 …. */
  docType?: string | null;
  /** 有效性. */
  validity?: string | null;
  title: string;
  /** 文号. */
  docNo?: string | null;
  /** 索引号. */
  indexNo?: string | null;
  /** Where the public reads it (a portal path). */
  url: string;
  /** The plain text (no HTML). */
  bodyText: string;
}

/** The filters of a document as words of the FTS5 `scope_tokens` column (search-dialect.ts matches them). */
export function scopeWords(agencyId: number): string {
  return `a${agencyId}`;
}

/** The row for a document: its words cut (title; 文号 and text), its numbers' keys. */
export function searchRow(doc: SearchDocumentInput, at: string): NewSearchDocumentRow {
  const body = doc.bodyText.length > MAX_BODY_CHARS ? doc.bodyText.slice(0, MAX_BODY_CHARS) : doc.bodyText;
  return {
    doc_kind: doc.kind,
    doc_id: doc.docId,
    agency_id: doc.agencyId,
    category_id: doc.categoryId ?? null,
    year: doc.year ?? null,
    published_on: doc.publishedOn,
    doc_type: doc.docType ?? null,
    validity: doc.validity ?? null,
    title: doc.title,
    doc_no: doc.docNo ?? null,
    doc_no_key: numberKey(doc.docNo),
    index_no: doc.indexNo ?? null,
    index_no_key: numberKey(doc.indexNo),
    url: doc.url,
    body_text: body,
    title_tokens: indexWords(doc.title),
    // The 文号 is searchable by its words too (威环审批发 2021), beside the exact lookup.
    body_tokens: indexWords(doc.docNo ? `${doc.docNo}\n${body}` : body),
    scope_tokens: scopeWords(doc.agencyId),
    updated_at: at,
  };
}

/**
 * Puts a document in the index or replaces its row (the same kind and id): call it in the transaction that
 * publishes the document. `at`: the transaction's time (ISO).
 */
export async function indexDocument(trx: Kysely<Database>, doc: SearchDocumentInput, at: string): Promise<void> {
  requireTransaction(trx, 'indexDocument');
  // The same upsert as a batch of one (not a second copy of it).
  await indexDocuments(trx, [doc], at);
}

/**
 * Takes a document out of the index (withdrawn, 废止 and taken down, replaced by another kind): call it in
 * the transaction that withdraws it. The row is derived data — the withdrawal's event is the document's own.
 * Returns whether a row was there.
 */
export async function removeDocument(trx: Kysely<Database>, kind: SearchDocKind, docId: string): Promise<boolean> {
  requireTransaction(trx, 'removeDocument');
  const result = await trx.deleteFrom('search_documents').where('doc_kind', '=', kind).where('doc_id', '=', docId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Takes the documents of one kind with the given keys out of the index (an item's attachments, keyed
 * `<item id>:<sha256>`), in the transaction that withdraws or republishes their owner: an exact lookup on the
 * (kind, key) index, on both engines. Returns how many rows were there.
 */
export async function removeDocuments(trx: Kysely<Database>, kind: SearchDocKind, docIds: readonly string[]): Promise<number> {
  requireTransaction(trx, 'removeDocuments');
  let removed = 0;
  for (let i = 0; i < docIds.length; i += BATCH) {
    const result = await trx.deleteFrom('search_documents').where('doc_kind', '=', kind).where('doc_id', 'in', docIds.slice(i, i + BATCH)).executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

/**
 * Puts many documents in the index (or replaces their rows) in batches: an import publishing thousands of items
 * in one transaction. `at`: the transaction's time (ISO).
 */
export async function indexDocuments(trx: Kysely<Database>, docs: readonly SearchDocumentInput[], at: string): Promise<void> {
  requireTransaction(trx, 'indexDocuments');
  for (let i = 0; i < docs.length; i += BATCH) {
    const rows = docs.slice(i, i + BATCH).map((d) => searchRow(d, at));
    await trx.insertInto('search_documents').values(rows)
      .onConflict((oc) => oc.columns(['doc_kind', 'doc_id']).doUpdateSet((eb) => Object.fromEntries(
        (Object.keys(rows[0]!) as (keyof typeof rows[0])[]).filter((k) => k !== 'doc_kind' && k !== 'doc_id').map((k) => [k, eb.ref(`excluded.${k}` as any)]),
      ) as any))
      .execute();
  }
}

/** Rows per insert statement while rebuilding (18 values each: below SQLite's and PostgreSQL's parameter limits). */
const BATCH = 500;

/**
 * Empties the index and fills it from `source` (every public document, from the features' registered sources),
 * in the caller's transaction: the public sees the old index until the new one is committed. Reports progress
 * after each batch; returns how many documents were indexed.
 */
export async function rebuildIndex(
  trx: Kysely<Database>, source: AsyncIterable<SearchDocumentInput> | Iterable<SearchDocumentInput>, at: string,
  onProgress: (indexed: number) => void = () => undefined,
): Promise<number> {
  requireTransaction(trx, 'rebuildIndex');
  await trx.deleteFrom('search_documents').execute();
  let batch: NewSearchDocumentRow[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await trx.insertInto('search_documents').values(batch).execute();
    count += batch.length;
    batch = [];
    onProgress(count);
  };
  for await (const doc of source) {
    batch.push(searchRow(doc, at));
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return count;
}
