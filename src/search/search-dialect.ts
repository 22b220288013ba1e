/**
 * The only difference between the engines in searching: how words are matched and ranked, and how a phrase is
 * checked. Everything else (filters, paging, sorting, counting) is the one query in search-query.ts.
 *
 * - SQLite: FTS5 `search_fts` (external content over search_documents, rowid = id): `MATCH` with every word
 *   quoted (so nothing in it is FTS syntax; words are only letters and digits anyway), ranked by
 *   bm25 with the title weighing 10 × the text (by title words, then date, when a few agencies drive the query).
 * - PostgreSQL: `search_vector @@ plainto_tsquery('simple', words)` (the words ANDed; plainto_ ignores all
 *   tsquery syntax), ranked by ts_rank_cd (title weight A, text B).
 * - A phrase: its words are among the ANDed ones (found through the index); the literal text must then occur
 *   in the title or text (instr / strpos). Positional phrase matching on cut words would miss phrases that jieba
 *   cuts differently inside a sentence than alone, and search-mode sub-words break adjacency anyway.
 */
import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** The parts of the search query that differ per engine. */
export interface SearchDialect {
  /** What to join to `search_documents d` (SQLite: the FTS table), or empty. */
  source(terms: readonly string[], narrow: boolean): RawBuilder<unknown>;
  /** The condition that every word occurs. */
  matches(terms: readonly string[]): RawBuilder<boolean>;
  /** A relevance score, higher is better (`narrow`: the filtered rows drive the query, see `source`). */
  score(terms: readonly string[], narrow: boolean): RawBuilder<number>;
  /** Which matches are kept when there are too many to rank them all: the newest. */
  newestFirst: RawBuilder<unknown>;
  /** The condition that a phrase occurs literally in the title or text. */
  contains(phrase: string): RawBuilder<boolean>;
}

const sqlite: SearchDialect = {
  // With a narrow filter (a few agencies) the filtered rows drive and FTS5 checks each by rowid (CROSS JOIN keeps
  // that order: SQLite would otherwise start from the words, which for a common word means the whole corpus).
  source: (_terms, narrow) => (narrow ? sql`cross join search_fts on search_fts.rowid = d.id` : sql`join search_fts on search_fts.rowid = d.id`),
  matches: (terms) => sql<boolean>`search_fts match ${terms.map((t) => `"${t}"`).join(' ')}`,
  // bm25 needs corpus statistics (how many documents hold each word), which FTS5 gathers per cursor by reading the
  // word's whole doclist: in the narrow plan the cursor is opened again for every filtered row, so that would be
  // done hundreds of times (13 s for a common word in 1,000,000 documents). There the rows are ranked by how many
  // of the words their title holds, then newest first — a few hundred rows of one agency, cheaply and sensibly.
  score: (terms, narrow) => (narrow
    ? sql<number>`${sql.join(terms.map((t) => sql`(instr(lower(d.title), ${t}) > 0)`), sql` + `)}`
    : sql<number>`-bm25(search_fts, 10.0, 1.0)`),
  // FTS5 walks a word's documents by rowid, newest-indexed last: descending rowid needs no sort.
  newestFirst: sql`search_fts.rowid desc`,
  contains: (phrase) => sql<boolean>`instr(d.title || ' ' || d.body_text, ${phrase}) > 0`,
};

const postgres: SearchDialect = {
  source: () => sql``,
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
