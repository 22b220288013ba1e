/**
 * SQL of the 政府信息公开指南's versions (`guide_versions`).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { GuideVersionTable } from './disclosure.table.js';

type Q = Kysely<Database>;

/** A guide version as stored. */
export type GuideVersionRow = Selectable<GuideVersionTable>;

/** The highest guide version number of an agency (0 when none). */
export async function maxGuideVersion(db: Q, agencyId: number): Promise<number> {
  const row = await db.selectFrom('guide_versions').select((eb) => eb.fn.max('version').as('v')).where('agency_id', '=', agencyId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Inserts a guide version. */
export function insertGuideVersion(db: Q, row: Omit<GuideVersionRow, 'id' | 'published_at'>): Promise<GuideVersionRow> {
  return db.insertInto('guide_versions').values({ ...row, published_at: null }).returningAll().executeTakeFirstOrThrow();
}

/** A guide version by id. */
export function findGuideVersion(db: Q, id: number): Promise<GuideVersionRow | undefined> {
  return db.selectFrom('guide_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A guide version by agency and number. */
export function findGuideVersionByNumber(db: Q, agencyId: number, version: number): Promise<GuideVersionRow | undefined> {
  return db.selectFrom('guide_versions').selectAll().where('agency_id', '=', agencyId).where('version', '=', version).executeTakeFirst();
}

/** The newest version of an agency's guide. */
export function latestGuideVersion(db: Q, agencyId: number): Promise<GuideVersionRow | undefined> {
  return db.selectFrom('guide_versions').selectAll().where('agency_id', '=', agencyId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The versions of an agency's guide, newest first (without content). */
export function listGuideVersions(db: Q, agencyId: number) {
  return db.selectFrom('guide_versions')
    .select(['id', 'agency_id', 'version', 'state', 'created_at', 'created_by', 'created_by_id', 'published_at'])
    .where('agency_id', '=', agencyId).orderBy('version', 'desc').execute();
}

/** The last published version of an agency's guide. */
export function lastPublishedGuide(db: Q, agencyId: number): Promise<GuideVersionRow | undefined> {
  return db.selectFrom('guide_versions').selectAll()
    .where('agency_id', '=', agencyId).where('state', '=', 'published')
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Moves a version from one state to another once; false when it was no longer in `from`. */
export async function setGuideVersionState(db: Q, id: number, from: string, to: string, publishedAt: string | null): Promise<boolean> {
  const result = await db.updateTable('guide_versions')
    .set(publishedAt ? { state: to, published_at: publishedAt } : { state: to })
    .where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Who wrote the versions since the last published one up to `version` (inclusive): the authors of that version,
 * since each save builds on the one before.
 */
export async function guideAuthorIds(db: Q, agencyId: number, version: number): Promise<(number | null)[]> {
  const published = await db.selectFrom('guide_versions').select((eb) => eb.fn.max('version').as('v'))
    .where('agency_id', '=', agencyId).where('state', '=', 'published').where('version', '<', version).executeTakeFirst();
  const rows = await db.selectFrom('guide_versions').select('created_by_id').distinct()
    .where('agency_id', '=', agencyId).where('version', '>', Number(published?.v ?? 0)).where('version', '<=', version).execute();
  return rows.map((r) => r.created_by_id);
}
