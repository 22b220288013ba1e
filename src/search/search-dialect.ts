/**
 * The only difference between the engines in searching: how words are matched and ranked, and how a phrase is
 * checked. Everything else (filters, paging, sorting, counting) is the one query in search-query.ts.
 *
 * - SQLite: FTS5 `search_fts` (external content over search_documents, rowid = id): `MATCH` with every word
 *   quoted (so nothing in it is FTS syntax; words are only letters and digits anyway) and limited to the title
 *   and text columns; an agency filter is matched in the same expression against the `scope_tokens` column
 *   (a123), so FTS5 intersects the word's documents with the agency's inside one cursor. Ranked by bm25 with
 *   the title weighing 10 × the text.
 * - PostgreSQL: `search_vector @@ plainto_tsquery('simple', words)` (the words ANDed; plainto_ ignores all
 *   tsquery syntax), ranked by ts_rank_cd (title weight A, text B); the agency filter is the ordinary
 *   `agency_id in (…)` (the planner combines the GIN and B-tree indexes).
 * - A phrase: its words are among the ANDed ones (found through the index); the literal text must then occur
 *   in the title or text (instr / strpos). Positional phrase matching on cut words would miss phrases that jieba
 *   cuts differently inside a sentence than alone, and search-mode sub-words break adjacency anyway.
 */
import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { scopeWords } from './search-index.js';

/** The parts of the search query that differ per engine. */
export interface SearchDialect {
  /** What to join to `search_documents d` (SQLite: the FTS table), or empty. */
  source: RawBuilder<unknown>;
  /** The condition that every word occurs (and, where the engine does it with the words, the agency filter). */
  matches(terms: readonly string[], agencyIds: readonly number[] | undefined): RawBuilder<boolean>;
  /** A relevance score, higher is better (`filtered`: an agency filter is given). */
  score(terms: readonly string[], filtered: boolean): RawBuilder<number>;
  /** Which matches are kept when there are too many to rank them all: the newest. */
  newestFirst: RawBuilder<unknown>;
  /** The condition that a phrase occurs literally in the title or text. */
  contains(phrase: string): RawBuilder<boolean>;
}

const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(' ');

const sqlite: SearchDialect = {
  source: sql`join search_fts on search_fts.rowid = d.id`,
  matches: (terms, agencyIds) => {
    const words = `{title_tokens body_tokens} : (${quoted(terms)})`;
    const scope = agencyIds ? ` AND scope_tokens : (${agencyIds.map((id) => `"${scopeWords(id)}"`).join(' OR ')})` : '';
    return sql<boolean>`search_fts match ${words + scope}`;
  },
  // bm25 needs corpus statistics (how many documents hold each word), which FTS5 gathers by reading each word's
  // whole list of documents — for a common word in 1,000,000 documents longer than the filtered search itself.
  // Within an agency's few hundred documents, the rows are ranked by how many of the words their title holds,
  // then newest first.
  score: (terms, filtered) => (filtered
    ? sql<number>`${sql.join(terms.map((t) => sql`(instr(lower(d.title), ${t}) > 0)`), sql` + `)}`
    : sql<number>`-bm25(search_fts, 10.0, 1.0, 0.0)`),
  // FTS5 walks a word's documents by rowid, newest-indexed last: descending rowid needs no sort.
  newestFirst: sql`search_fts.rowid desc`,
  contains: (phrase) => sql<boolean>`instr(d.title || ' ' || d.body_text, ${phrase}) > 0`,
};

const postgres: SearchDialect = {
  source: sql``,
  matches: (terms) => sql<boolean>`d.search_vector @@ plainto_tsquery('simple', ${terms.join(' ')})`,
  score: (terms) => sql<number>`ts_rank_cd(d.search_vector, plainto_tsquery('simple', ${terms.join(' ')}))`,
  // For a common word the planner walks the date index backwards and checks each row: no full ranking.
  newestFirst: sql`d.published_on desc, d.id desc`,
  contains: (phrase) => sql<boolean>`strpos(d.title || ' ' || d.body_text, ${phrase}) > 0`,
};

/** The dialect of a database handle (a transaction included). */
export function searchDialect(db: Kysely<any>): SearchDialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqlite : postgres;
}
