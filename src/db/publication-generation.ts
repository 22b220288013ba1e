/**
 * The publication generation: a counter per agency and one for the whole site (agency_id 0), bumped in the
 * same transaction as every publication and withdrawal (src/disclosure/review.service.ts publishToChannels,
 * src/disclosure/publication-withdrawal.ts) and every change of an agency (its name and place show on the portal). The portal's page cache (src/portal/page-cache.ts) puts the generation in its
 * keys, so every app instance sharing the database stops serving a page the moment the transaction that
 * changed what is published commits — no message between instances is needed.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The row of `publication_generations`: agency_id 0 is the whole site. */
export interface PublicationGenerationTable {
  agency_id: number;
  generation: number;
  /** When it was last bumped (ISO): the Last-Modified of pages cached under it. */
  updated_at: string;
}

/** The site-wide generation's key (no agency has id 0). */
export const SITE_GENERATION = 0;

/** A generation as read: the counter (0 before the first publication) and when it last moved. */
export interface Generation {
  generation: number;
  updatedAt: string | null;
}

/**
 * Bumps the agency's generation and the site-wide one, inside the caller's transaction (an upsert:
 * race-free on both databases; the row lock it takes orders concurrent publications, which are rare).
 */
export async function bumpPublicationGeneration(trx: Kysely<Database>, agencyId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  // The site row first: every publishing transaction takes the rows in the same order (site, then agency), so two
  // transactions that publish for several agencies in opposite orders wait for each other instead of deadlocking.
  for (const id of [SITE_GENERATION, agencyId]) {
    await trx.insertInto('publication_generations')
      .values({ agency_id: id, generation: 1, updated_at: at })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({
        generation: sql<number>`publication_generations.generation + 1`, updated_at: at,
      }))
      .execute();
  }
}

/** Reads a generation (one primary-key lookup); 0 when nothing was ever published. */
export async function readPublicationGeneration(db: Kysely<Database>, agencyId: number = SITE_GENERATION): Promise<Generation> {
  const row = await generationQuery(db, agencyId).executeTakeFirst();
  return row ? { generation: Number(row.generation), updatedAt: row.updated_at } : { generation: 0, updatedAt: null };
}

function generationQuery(db: Kysely<Database>, agencyId: number) {
  return db.selectFrom('publication_generations').select(['generation', 'updated_at']).where('agency_id', '=', agencyId);
}

/**
 * A reader of one generation with the query compiled once: the page cache reads it on every request, and
 * building the query each time costs as much as running it on SQLite.
 */
export function publicationGenerationReader(db: Kysely<Database>, agencyId: number = SITE_GENERATION): () => Promise<Generation> {
  // Compiled at the first read, not when the app is built: building an app never touches the database.
  let compiled: ReturnType<ReturnType<typeof generationQuery>['compile']> | null = null;
  return async () => {
    compiled ??= generationQuery(db, agencyId).compile();
    const row = (await db.executeQuery(compiled)).rows[0];
    return row ? { generation: Number(row.generation), updatedAt: row.updated_at } : { generation: 0, updatedAt: null };
  };
}
