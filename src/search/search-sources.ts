/**
 * Where the public documents come from when the index is rebuilt. The search folder sits below the features
 * that publish (disclosure, reports, portal) and never imports them; each of them registers a source here —
 * an async list of its public documents of one kind — and `gongkai search rebuild` reads them all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SearchDocumentInput } from './search-index.js';
import type { SearchDocKind } from './search.table.js';

/** Every public document of one kind (published, not withdrawn), read through the handle given. */
export type SearchSource = (db: Kysely<Database>) => AsyncIterable<SearchDocumentInput> | Iterable<SearchDocumentInput>;

const sources = new Map<SearchDocKind, SearchSource>();

/** Registers the source of one kind of document (once per kind; registering the same function again is harmless). */
export function registerSearchSource(kind: SearchDocKind, source: SearchSource): void {
  const existing = sources.get(kind);
  if (existing && existing !== source) throw new Error(`a search source for '${kind}' is already registered`);
  sources.set(kind, source);
}

/** The kinds that have a source. */
export function registeredSearchKinds(): SearchDocKind[] {
  return [...sources.keys()];
}

/** Every public document of every registered kind; a document of another kind than its source's is a bug. */
export async function* allPublicDocuments(db: Kysely<Database>): AsyncGenerator<SearchDocumentInput> {
  for (const [kind, source] of sources) {
    for await (const doc of source(db)) {
      if (doc.kind !== kind) throw new Error(`the '${kind}' search source yielded a '${doc.kind}' document`);
      yield doc;
    }
  }
}
