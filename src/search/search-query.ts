/**
 * Searching the public index: one query for both engines (the differences are in search-dialect.ts), filters,
 * relevance or date order, paging with a total, titles and snippets highlighted, and 文号 / 索引号 found
 * directly. Only published documents are ever in the index, so nothing here can show a draft.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ValidationError } from '../core/errors.js';
import { mayBeNumber, numberKey } from '../core/search/doc-number.js';
import { highlight, snippet } from '../core/search/highlight.js';
import { parseSearchQuery, type SearchQuery } from '../core/search/query.js';
import type { Database } from '../db/schema.js';
import { searchDialect } from './search-dialect.js';
import { queryCutter } from './search-tokens.js';
import type { SearchDocKind } from './search.table.js';

/** The deepest page served (50 results a page: the first 50,000 results; nobody reads further, and deep offsets cost). */
export const MAX_PAGE = 1000;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 10;
/**
 * At most this many matches are counted and ranked: the newest ones (a word found in most of 1,000,000 documents
 * would otherwise be ranked in full on every request — seconds on PostgreSQL). Paging stops there too.
 */
export const MAX_MATCHES = 10_000;

/** What to search for. */
export interface SearchRequest {
  q: string;
  agencyIds?: readonly number[];
  categoryId?: number;
  /** Any of these categories (a category with its subcategories). */
  categoryIds?: readonly number[];
  year?: number;
  docType?: string;
  validity?: string;
  kind?: SearchDocKind;
  sort?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
  /** Matches counted and ranked (default MAX_MATCHES; smaller in tests). */
  maxMatches?: number;
}

/** One result: title and snippet are HTML (escaped, words in <mark>). */
export interface SearchHit {
  kind: SearchDocKind;
  docId: string;
  title: string;
  snippet: string;
  url: string;
  agencyId: number;
  categoryId: number | null;
  publishedOn: string;
  docType: string | null;
  validity: string | null;
  indexNo: string | null;
  docNo: string | null;
}

/** A page of results. */
export interface SearchResult {
  /** How many documents match — at most MAX_MATCHES (see `capped`). */
  total: number;
  /** More documents match than `total`: only the newest MAX_MATCHES were ranked (narrow the search to see others). */
  capped: boolean;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** The document whose 文号 or 索引号 is the query, when there is one. */
  exact: SearchHit | null;
  /** The words searched for (to show, and to highlight elsewhere). */
  terms: string[];
  phrases: string[];
  /** What was changed in the query (too long …), in Chinese. */
  notes: string[];
}

function checkPaging(page: number, pageSize: number): void {
  if (!Number.isInteger(page) || page < 1) throw new ValidationError('页码（page）应为不小于 1 的整数', { field: 'page' });
  if (page > MAX_PAGE) throw new ValidationError(`页码（page）不得大于 ${MAX_PAGE}；请添加筛选条件或换用更具体的检索词`, { field: 'page' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ValidationError(`每页条数（pageSize）应为 1 至 ${MAX_PAGE_SIZE} 的整数`, { field: 'pageSize' });
  }
}

const COLUMNS = sql`d.doc_kind, d.doc_id, d.title, d.body_text, d.url, d.agency_id, d.category_id, d.published_on, d.doc_type, d.validity, d.index_no, d.doc_no`;

interface HitRow {
  doc_kind: SearchDocKind; doc_id: string; title: string; body_text: string; url: string; agency_id: number; category_id: number | null;
  published_on: string; doc_type: string | null; validity: string | null; index_no: string | null; doc_no: string | null;
}

function toHit(row: HitRow, needles: readonly string[]): SearchHit {
  return {
    kind: row.doc_kind, docId: row.doc_id, title: highlight(row.title, needles), snippet: snippet(row.body_text, needles), url: row.url,
    agencyId: Number(row.agency_id), categoryId: row.category_id === null ? null : Number(row.category_id), publishedOn: row.published_on,
    docType: row.doc_type, validity: row.validity, indexNo: row.index_no, docNo: row.doc_no,
  };
}

/** The filter conditions (agency, category, year, type, validity, kind) as SQL. */
function filters(request: SearchRequest): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (request.agencyIds) where.push(sql`d.agency_id in (${sql.join(request.agencyIds)})`);
  if (request.categoryId !== undefined) where.push(sql`d.category_id = ${request.categoryId}`);
  if (request.categoryIds !== undefined) {
    where.push(request.categoryIds.length === 0 ? sql`1 = 0` : sql`d.category_id in (${sql.join(request.categoryIds.map((id) => sql`${id}`))})`);
  }
  if (request.year !== undefined) where.push(sql`d.year = ${request.year}`);
  if (request.docType !== undefined) where.push(sql`d.doc_type = ${request.docType}`);
  if (request.validity !== undefined) where.push(sql`d.validity = ${request.validity}`);
  if (request.kind !== undefined) where.push(sql`d.doc_kind = ${request.kind}`);
  return where;
}

/** The document whose 文号 or 索引号 is the whole query (newest first), within the agency filter. */
async function exactHit(db: Kysely<Database>, query: SearchQuery, request: SearchRequest): Promise<SearchHit | null> {
  const key = mayBeNumber(query.text) ? numberKey(query.text) : null;
  if (!key) return null;
  const agencies = request.agencyIds ? sql` and d.agency_id in (${sql.join(request.agencyIds)})` : sql``;
  const { rows } = await sql<HitRow>`select ${COLUMNS} from search_documents d
    where (d.doc_no_key = ${key} or d.index_no_key = ${key})${agencies} order by d.published_on desc, d.id desc limit 1`.execute(db);
  return rows[0] ? toHit(rows[0], [query.text]) : null;
}

/**
 * Searches the public index. Bad paging is a ValidationError naming the field; a query with nothing to search
 * for (only punctuation, only operators) finds nothing without an error.
 */
export async function searchDocuments(db: Kysely<Database>, request: SearchRequest): Promise<SearchResult> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  checkPaging(page, pageSize);
  const query = parseSearchQuery(request.q, queryCutter);
  const base = { page, pageSize, terms: query.terms, phrases: query.phrases, notes: query.notes, capped: false };
  const exact = await exactHit(db, query, request);
  if (query.empty || (request.agencyIds && request.agencyIds.length === 0)) return { ...base, total: 0, hits: [], exact };

  const dialect = searchDialect(db);
  const filtered = request.agencyIds !== undefined;
  const where = sql.join([dialect.matches(query.terms, request.agencyIds), ...query.phrases.map((p) => dialect.contains(p)), ...filters(request)], sql` and `);
  const from = sql`search_documents d ${dialect.source}`;
  const cap = request.maxMatches ?? MAX_MATCHES;
  const { rows: [counted] } = await sql<{ n: number }>`select count(*) as n from (select 1 from ${from} where ${where} limit ${cap + 1}) c`
    .execute(db);
  const matched = Number(counted?.n ?? 0);
  const total = Math.min(matched, cap);
  const capped = matched > cap;
  if (total === 0 || (page - 1) * pageSize >= total) return { ...base, total, capped, hits: [], exact };
  // The page's ids first, ranked among the (newest) candidates; then their columns, text included, for those rows only.
  const byDate = request.sort === 'date';
  const order = byDate ? sql`c.published_on desc, c.id desc` : sql`c.score desc, c.published_on desc, c.id desc`;
  const score = byDate ? sql<number>`0` : dialect.score(query.terms, filtered);
  const { rows: pageIds } = await sql<{ id: number }>`select c.id from (
      select d.id as id, d.published_on as published_on, ${score} as score
      from ${from} where ${where} order by ${dialect.newestFirst} limit ${cap}
    ) c order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  const ids = pageIds.map((r) => Number(r.id));
  const { rows } = ids.length === 0 ? { rows: [] as Array<HitRow & { id: number }> }
    : await sql<HitRow & { id: number }>`select d.id, ${COLUMNS} from search_documents d where d.id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const hits = ids.map((id) => byId.get(id)).filter((row) => row !== undefined).map((row) => toHit(row, query.highlights));
  return { ...base, total, capped, hits, exact };
}
