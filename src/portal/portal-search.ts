/**
 * The one function the /search page calls: the portal's filters in, a page of highlighted results out, over
 * src/search's index of what is public.
 */
import type { Kysely } from 'kysely';
import { VALIDITIES, type Validity } from '../core/disclosure/item-labels.js';
import type { Database } from '../db/schema.js';
import { SEARCH_KIND_NAMES } from '../search/search-kinds.js';
import { searchDocuments, type SearchHit } from '../search/search-query.js';

/** The deepest page served, and results per page. */
export const MAX_SEARCH_PAGE = 1000;
export const SEARCH_PAGE_SIZE = 10;

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
  /** What was found, in Chinese: 政府信息 / 附件 / 公开指南 / 年度报告 …. */
  kindName: string;
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

/**
 * Searches what is public (src/search: jieba words in FTS5 / tsvector, kept in step with publication and withdrawal).
 * The page's filters name 有效性 in Chinese; the index stores the key.
 */
export async function searchPortal(db: Kysely<Database>, req: PortalSearchRequest): Promise<PortalSearchResult> {
  const validity = req.validity === undefined ? undefined
    : (Object.entries(VALIDITIES).find(([, name]) => name === req.validity)?.[0] ?? req.validity);
  const r = await searchDocuments(db, {
    q: req.q, agencyIds: req.agencyIds, categoryIds: req.categoryIds, year: req.year, docType: req.docType, validity,
    sort: req.sort, page: req.page, pageSize: SEARCH_PAGE_SIZE,
  });
  const hits = r.hits.map(portalHit);
  // A 文号 or 索引号 typed as the query: that document first.
  if (r.exact && (r.page === 1) && !hits.some((h) => h.url === r.exact!.url)) {
    hits.unshift(portalHit(r.exact));
  }
  const notes = [...r.notes, ...(r.capped ? [`匹配的信息超过 ${r.total} 条，仅列出最新的 ${r.total} 条，请增加检索词或筛选条件`] : [])];
  return { total: Math.max(r.total, hits.length), page: r.page, pageSize: r.pageSize, hits, terms: r.terms, notes };
}

/** A hit as the page shows it: the kind and 有效性 in Chinese. */
function portalHit(h: SearchHit): PortalSearchHit {
  return {
    kindName: SEARCH_KIND_NAMES[h.kind] ?? '其他', title: h.title, snippet: h.snippet, url: h.url, agencyId: h.agencyId,
    publishedOn: h.publishedOn, indexNo: h.indexNo, docNo: h.docNo,
    validity: h.validity === null ? null : VALIDITIES[h.validity as Validity] ?? h.validity,
  };
}
