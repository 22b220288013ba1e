/**
 * Row type of the public search index (`search_documents`, migration 0014): one row per public document,
 * with the words jieba cut from its title and text. Derived data: a row is written when its document is
 * published and removed when it is withdrawn (the events are the document's own), and the whole table can be
 * rebuilt from the published documents (`gongkai search rebuild`). PostgreSQL also has a generated
 * `search_vector` column, used only in raw SQL (src/search/search-dialect.ts), so it is not typed here.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** What kind of public document a row indexes. */
export type SearchDocKind = 'item' | 'attachment' | 'guide' | 'catalogue' | 'report' | 'matter';

export interface SearchDocumentTable {
  id: Generated<number>;
  doc_kind: SearchDocKind;
  /** The document's key within its kind, e.g. an item's id, an attachment's item id + SHA-256. */
  doc_id: string;
  agency_id: number;
  category_id: number | null;
  year: number | null;
  published_on: string;
  /** 规章 / 行政规范性文件 / 其他 …, as the feature labels it. */
  doc_type: string | null;
  /** 有效性 (现行有效, 已废止 …). */
  validity: string | null;
  title: string;
  /** 文号 as written, and its normalised key (src/core/search/doc-number.ts). */
  doc_no: string | null;
  doc_no_key: string | null;
  /** 索引号 as written, and its normalised key. */
  index_no: string | null;
  index_no_key: string | null;
  url: string;
  /** Plain text kept for snippets. */
  body_text: string;
  /** Space-separated words (jieba, search mode, lower case). */
  title_tokens: string;
  body_tokens: string;
  /** The filters as words for SQLite's FTS5 (`a<agency id>`), so a filtered search is one FTS5 query. */
  scope_tokens: string;
  updated_at: string;
}

export type SearchDocumentRow = Selectable<SearchDocumentTable>;
export type NewSearchDocumentRow = Insertable<SearchDocumentTable>;
