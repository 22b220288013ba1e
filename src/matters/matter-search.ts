/**
 * 办事指南 in the portal's full-text index (src/search): one document per published matter, the version the guide
 * page shows, written in the SAME transaction as the publication (src/matters/matter-review.ts).
 */
import type { Kysely } from 'kysely';
import type { Matter } from '../core/matters/matter.js';
import type { Database } from '../db/schema.js';
import { indexDocument, removeDocument, type SearchDocumentInput } from '../search/search-index.js';
import { registerSearchSource } from '../search/search-sources.js';
import { listMatterThemes, publishedMatterIds, publishedMatterVersion } from './matter.repository.js';
import { matterText } from './matter-text.js';

/** The public address of a matter's guide. */
export const matterPath = (id: number) => `/matters/${id}`;

/** The names of the themes by key (`person:005` → 生育收养). */
export async function themeNamer(db: Kysely<Database>): Promise<(key: string) => string> {
  const names = new Map((await listMatterThemes(db, true)).map((t) => [`${t.audience}:${t.code}`, t.name]));
  return (key) => names.get(key) ?? key;
}

async function matterDocument(db: Kysely<Database>, id: number, names: (key: string) => string): Promise<SearchDocumentInput | null> {
  const row = await publishedMatterVersion(db, id);
  // Never published, or abolished: not (or no longer) in the index.
  if (!row || !row.published_on || row.abolished === 1) return null;
  const m = JSON.parse(row.content) as Matter;
  return {
    kind: 'matter', docId: String(id), agencyId: row.agency_id, publishedOn: row.published_on, year: Number(row.published_on.slice(0, 4)),
    title: `${m.name}办事指南`, docNo: m.code, url: matterPath(id), bodyText: matterText(m, names),
  };
}

/** Brings a matter's entry in line with its public guide; call it in the publishing transaction. */
export async function syncMatterSearch(trx: Kysely<Database>, id: number, at: string): Promise<void> {
  const doc = await matterDocument(trx, id, await themeNamer(trx));
  if (doc) await indexDocument(trx, doc, at);
  else await removeDocument(trx, 'matter', String(id));
}

// Every published guide, for `gongkai search rebuild`.
registerSearchSource('matter', async function* (db) {
  const names = await themeNamer(db);
  for (const { id } of await publishedMatterIds(db)) {
    const doc = await matterDocument(db, id, names);
    if (doc) yield doc;
  }
});
