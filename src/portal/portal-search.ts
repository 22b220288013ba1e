/**
 * The one function the /search page calls. Its request and result mirror src/search's `SearchRequest` /
 * `SearchResult` (branch `search`: jieba + FTS5 / tsvector). Until that index is merged, this is a STUB over the
 * published versions of public items: a substring match of every word in the published snapshot (title, body,
 * 文号, 索引号 …), at most STUB_MATCHES matches, filtered and paged in memory. When src/search lands, the body of
 * `searchPortal` becomes a call of its query function and nothing else changes.
 */
import type { Kysely } from 'kysely';
import { NORMATIVE_KINDS, VALIDITIES, type NormativeKind, type Validity } from '../core/disclosure/item-labels.js';
import type { Database } from '../db/schema.js';
import { escapeHtml } from '../render/html/escape-html.js';
import { publicItemOf } from './public-content.js';
import { listPublicItemRows } from './public-items.repository.js';

/** The deepest page served, and results per page. */
export const MAX_SEARCH_PAGE = 1000;
export const SEARCH_PAGE_SIZE = 10;
/** The stub looks at this many newest matches. */
const STUB_MATCHES = 1000;
/** Characters of the query that are searched (a longer one is cut, with a note). */
export const MAX_QUERY_CHARS = 100;

/** What to search for (as src/search's SearchRequest). */
export interface PortalSearchRequest {
  q: string;
  agencyIds?: readonly number[];
  categoryIds?: readonly number[];
  year?: number;
  /** 规章 | 行政规范性文件 | 其他. */
  docType?: string;
  /** 有效 | 废止 | 失效. */
  validity?: string;
  sort?: 'relevance' | 'date';
  page?: number;
}

/** One result: title and snippet are HTML (escaped, words in <mark>). */
export interface PortalSearchHit {
  title: string;
  snippet: string;
  url: string;
  agencyId: number;
  publishedOn: string | null;
  indexNo: string | null;
  docNo: string | null;
  validity: string | null;
}

/** A page of results. */
export interface PortalSearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: PortalSearchHit[];
  terms: string[];
  notes: string[];
}

/** The words of a query: split on spaces and punctuation (quotes, FTS operators and SQL signs are plain text here). */
export function queryTerms(q: string): { terms: string[]; notes: string[] } {
  const notes: string[] = [];
  let text = q.trim();
  if ([...text].length > MAX_QUERY_CHARS) {
    text = [...text].slice(0, MAX_QUERY_CHARS).join('');
    notes.push(`检索词过长，只按前 ${MAX_QUERY_CHARS} 个字符检索`);
  }
  const terms = [...new Set(text.split(/[\s\p{P}\p{S}]+/u).filter((t) => t.length > 0))].slice(0, 10);
  if (q.trim() && terms.length === 0) notes.push('检索词中没有可检索的文字（只有标点或符号）');
  return { terms, notes };
}

/** Text with every term wrapped in <mark>, escaped. */
export function highlightTerms(text: string, terms: readonly string[]): string {
  if (!terms.length) return escapeHtml(text);
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function plain(bodyHtml: string): string {
  return bodyHtml.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

function snippetOf(text: string, terms: readonly string[]): string {
  const at = terms.reduce((best, t) => { const i = text.indexOf(t); return i >= 0 && (best < 0 || i < best) ? i : best; }, -1);
  const start = Math.max(0, at - 40);
  const cut = text.slice(start, start + 120);
  return (start > 0 ? '…' : '') + highlightTerms(cut, terms) + (start + 120 < text.length ? '…' : '');
}

/**
 * Searches the public items (see the module comment: a stub until src/search is merged). Wiring src/search
 * (branch `search`, searchDocuments in search-query.ts) replaces this body with:
 *   const r = await searchDocuments(db, { q: req.q, agencyIds: req.agencyIds, categoryId: <the chosen category>,
 *     year: req.year, docType: req.docType, validity: <its names: 现行有效/已废止/已失效 for 有效/废止/失效>,
 *     sort: req.sort, page: req.page, pageSize: SEARCH_PAGE_SIZE });
 *   return { total: r.total, page: r.page, pageSize: r.pageSize, hits: r.hits, terms: r.terms, notes: r.notes };
 * (its hits carry these fields and more; its title/snippet are escaped HTML with <mark>, as here).
 */
export async function searchPortal(db: Kysely<Database>, req: PortalSearchRequest): Promise<PortalSearchResult> {
  const { terms, notes } = queryTerms(req.q);
  const page = req.page ?? 1;
  if (!terms.length) return { total: 0, page, pageSize: SEARCH_PAGE_SIZE, hits: [], terms, notes };
  const { rows } = await listPublicItemRows(db, {
    agencyIds: req.agencyIds, categoryIds: req.categoryIds,
    snapshotContains: terms, publishedIn: req.year,
  }, STUB_MATCHES, 0);
  let items = rows.map(publicItemOf);
  const kind = (k: NormativeKind | null) => (k ? NORMATIVE_KINDS[k] : '其他');
  if (req.docType) items = items.filter((i) => kind(i.fields.normativeKind) === req.docType);
  if (req.validity) items = items.filter((i) => (VALIDITIES[i.fields.validity as Validity] ?? '有效') === req.validity);
  if (req.sort !== 'date') {
    const score = (title: string) => terms.filter((t) => title.includes(t)).length;
    items = [...items].sort((a, b) => score(b.fields.title) - score(a.fields.title));
  }
  const hits = items.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map((i) => ({
    title: highlightTerms(i.fields.title, terms),
    snippet: snippetOf(`${i.fields.summary} ${plain(i.fields.bodyHtml)}`.trim(), terms),
    url: `/items/${i.id}`, agencyId: i.agencyId, publishedOn: i.publishedOn, indexNo: i.indexNo, docNo: i.fields.docNo,
    validity: VALIDITIES[i.fields.validity as Validity] ?? null,
  }));
  return { total: items.length, page, pageSize: SEARCH_PAGE_SIZE, hits, terms, notes };
}
