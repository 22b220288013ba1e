/**
 * SQL of 政务服务事项 (`matters`, `matter_versions`, `matter_offices`, `matter_themes`): the only queries of the
 * feature's matters. The public sees a matter's PUBLISHED version (join on `published_version`).
 */
import { sql, type Kysely } from 'kysely';
import type { Matter } from '../core/matters/matter.js';
import type { Database } from '../db/schema.js';
import type { MatterRow, MatterVersionRow, NewMatterRow } from './matters.table.js';

type Q = Kysely<Database>;

/** A matter's list columns of one version (current or published): the matter's state beside the version's fields. */
export type MatterListRow = Pick<MatterRow, 'id' | 'agency_id' | 'state' | 'published_version' | 'updated_at'>
  & Pick<MatterVersionRow, 'version' | 'name' | 'code' | 'type' | 'office' | 'themes' | 'levels' | 'online' | 'fully_online'
    | 'at_most_once' | 'zero_visit' | 'mail_delivery' | 'published_on' | 'abolished'>;

/** Filters of a matter list. */
export interface MatterFilter {
  agencyId?: number;
  /** Theme key, e.g. person:005. */
  theme?: string;
  level?: string;
  office?: string;
  type?: string;
  /** Column name of a flag that must be 1. */
  flag?: 'online' | 'fully_online' | 'at_most_once' | 'zero_visit' | 'mail_delivery';
  state?: string;
  /** Words in the name or code. */
  q?: string;
}

/** The columns a version row derives from its matter (for filtering and counting). */
export function versionColumns(m: Matter) {
  return {
    name: m.name, code: m.code, type: m.type, office: m.office,
    themes: ` ${m.themes.join(' ')} `, levels: ` ${m.levels.join(' ')} `,
    online: m.flags.online ? 1 : 0, fully_online: m.flags.fullyOnline ? 1 : 0, at_most_once: m.flags.atMostOnce ? 1 : 0,
    zero_visit: m.flags.zeroVisit ? 1 : 0, mail_delivery: m.flags.mailDelivery ? 1 : 0,
  };
}

export function insertMatterRow(db: Q, row: NewMatterRow): Promise<MatterRow> {
  return db.insertInto('matters').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertMatterVersionRow(
  db: Q, row: Omit<MatterVersionRow, 'id' | 'abolished' | 'abolish_reason'> & Partial<Pick<MatterVersionRow, 'abolished' | 'abolish_reason'>>,
): Promise<MatterVersionRow> {
  return db.insertInto('matter_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findMatterRow(db: Q, id: number): Promise<MatterRow | undefined> {
  return db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMatterByCode(db: Q, agencyId: number, code: string): Promise<MatterRow | undefined> {
  return db.selectFrom('matters').selectAll().where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst();
}

export function findMatterVersionRow(db: Q, matterId: number, version: number): Promise<MatterVersionRow | undefined> {
  return db.selectFrom('matter_versions').selectAll().where('matter_id', '=', matterId).where('version', '=', version).executeTakeFirst();
}

/** Every version of a matter, newest first (without content). */
export function listMatterVersionRows(db: Q, matterId: number) {
  return db.selectFrom('matter_versions').select(['version', 'name', 'created_at', 'created_by', 'created_by_id', 'published_on', 'abolished'])
    .where('matter_id', '=', matterId).orderBy('version', 'desc').execute();
}

/** The authors of the versions since the last published one up to `version` (each save builds on the one before). */
export async function matterAuthorIds(db: Q, matterId: number, publishedVersion: number | null, version: number): Promise<(number | null)[]> {
  const rows = await db.selectFrom('matter_versions').select('created_by_id').distinct()
    .where('matter_id', '=', matterId).where('version', '>', publishedVersion ?? 0).where('version', '<=', version).execute();
  return rows.map((r) => r.created_by_id);
}

/** Moves the matter from one state to another once (conditional on state AND version); false when someone was first. */
export async function setMatterStateRow(db: Q, id: number, version: number, from: string, to: string, at: string): Promise<boolean> {
  const r = await db.updateTable('matters').set({ state: to, updated_at: at })
    .where('id', '=', id).where('version', '=', version).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A new current version (after a save): refused (false) when the row moved on meanwhile. */
export async function setMatterVersionRow(db: Q, id: number, from: number, to: { version: number; name: string; code: string; at: string }): Promise<boolean> {
  const r = await db.updateTable('matters').set({ version: to.version, name: to.name, code: to.code, state: 'draft', updated_at: to.at })
    .where('id', '=', id).where('version', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The version the public sees, and the day it went out. */
export async function markMatterPublishedRow(db: Q, id: number, version: number, on: string, at: string): Promise<void> {
  await db.updateTable('matters').set({ published_version: version, updated_at: at }).where('id', '=', id).execute();
  await db.updateTable('matter_versions').set({ published_on: on }).where('matter_id', '=', id).where('version', '=', version).execute();
}

/** The office's list (current versions) or the public's (published versions, an abolished matter left out). */
function listColumns(db: Q, published: boolean) {
  const q = db.selectFrom('matters as m')
    .innerJoin('matter_versions as v', (j) => j.onRef('v.matter_id', '=', 'm.id').onRef('v.version', '=', published ? 'm.published_version' : 'm.version'))
    .select([
      'm.id', 'm.agency_id', 'm.state', 'm.version', 'm.published_version', 'm.updated_at', 'v.name', 'v.code', 'v.type', 'v.office',
      'v.themes', 'v.levels', 'v.online', 'v.fully_online', 'v.at_most_once', 'v.zero_visit', 'v.mail_delivery', 'v.published_on', 'v.abolished',
    ]);
  return published ? q.where('v.abolished', '=', 0) : q;
}

function filtered(db: Q, published: boolean, f: MatterFilter) {
  let q = listColumns(db, published);
  if (f.agencyId !== undefined) q = q.where('m.agency_id', '=', f.agencyId);
  if (f.theme) q = q.where('v.themes', 'like', `% ${f.theme} %`);
  if (f.level) q = q.where('v.levels', 'like', `% ${f.level} %`);
  if (f.office) q = q.where('v.office', '=', f.office);
  if (f.type) q = q.where('v.type', '=', f.type);
  if (f.flag) q = q.where(`v.${f.flag}`, '=', 1);
  if (f.state) q = q.where('m.state', '=', f.state);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`v.name like ${like} escape '\\'`, sql<boolean>`v.code like ${like} escape '\\'`]));
  }
  return q;
}

/** A page of matters (current versions for the office, published versions for the public), by code. */
export async function listMatterRows(db: Q, published: boolean, f: MatterFilter, page: { offset: number; limit: number }): Promise<{ rows: MatterListRow[]; total: number }> {
  const rows = await filtered(db, published, f).orderBy('v.code').orderBy('m.id').offset(page.offset).limit(page.limit).execute();
  const count = await filtered(db, published, f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows as MatterListRow[], total: Number(count.n) };
}

/** Every matter of an agency with its current version's content (the export). */
export function allMatterContents(db: Q, agencyId: number) {
  return db.selectFrom('matters as m')
    .innerJoin('matter_versions as v', (j) => j.onRef('v.matter_id', '=', 'm.id').onRef('v.version', '=', 'm.version'))
    .select(['m.id', 'm.state', 'v.content', 'v.abolished', 'v.published_on']).where('m.agency_id', '=', agencyId).orderBy('v.code').execute();
}

/** A published matter's public row (null when not published); `abolished` 1 when the published version abolished it. */
export function publishedMatterVersion(db: Q, id: number) {
  return db.selectFrom('matters as m')
    .innerJoin('matter_versions as v', (j) => j.onRef('v.matter_id', '=', 'm.id').onRef('v.version', '=', 'm.published_version'))
    .select(['m.id', 'm.agency_id', 'm.published_version', 'v.content', 'v.published_on', 'v.name', 'v.abolished', 'v.abolish_reason']).where('m.id', '=', id).executeTakeFirst();
}

/** Ids of every published matter (search rebuild, sitemap). */
export function publishedMatterIds(db: Q, agencyId?: number) {
  let q = db.selectFrom('matters').select(['id', 'agency_id']).where('published_version', 'is not', null);
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('id').execute();
}

/**
 * The matter list as of a day: each matter's newest version published on or before it, counted by flag
 * (the hall's shares, src/core/matters/matter-shares.ts), optionally for one service level.
 */
export async function countMattersAsOf(db: Q, agencyId: number, day: string, level?: string) {
  let q = db.selectFrom('matter_versions as v').innerJoin('matters as m', 'm.id', 'v.matter_id')
    .where('m.agency_id', '=', agencyId).where('v.published_on', '<=', day)
    .where('v.version', '=', (eb) => eb.selectFrom('matter_versions as w').select((e) => e.fn.max('w.version').as('mv'))
      .whereRef('w.matter_id', '=', 'v.matter_id').where('w.published_on', '<=', day))
    // A matter whose newest published version by then abolished it no longer counts.
    .where('v.abolished', '=', 0);
  if (level) q = q.where('v.levels', 'like', `% ${level} %`);
  const r = await q.select((eb) => [
    eb.fn.countAll<number>().as('total'),
    eb.fn.sum<number>('v.online').as('online'), eb.fn.sum<number>('v.fully_online').as('fully_online'),
    eb.fn.sum<number>('v.at_most_once').as('at_most_once'), eb.fn.sum<number>('v.zero_visit').as('zero_visit'),
    eb.fn.sum<number>('v.mail_delivery').as('mail_delivery'),
  ]).executeTakeFirstOrThrow();
  return {
    total: Number(r.total), online: Number(r.online ?? 0), fullyOnline: Number(r.fully_online ?? 0), atMostOnce: Number(r.at_most_once ?? 0),
    zeroVisit: Number(r.zero_visit ?? 0), mailDelivery: Number(r.mail_delivery ?? 0),
  };
}

/** The published matters' theme and level strings as of a day (counted per theme and level in code). */
export function themesAndLevelsAsOf(db: Q, agencyId: number, day: string) {
  return db.selectFrom('matter_versions as v').innerJoin('matters as m', 'm.id', 'v.matter_id')
    .select(['v.themes', 'v.levels'])
    .where('m.agency_id', '=', agencyId).where('v.published_on', '<=', day)
    .where('v.version', '=', (eb) => eb.selectFrom('matter_versions as w').select((e) => e.fn.max('w.version').as('mv'))
      .whereRef('w.matter_id', '=', 'v.matter_id').where('w.published_on', '<=', day))
    .where('v.abolished', '=', 0)
    .execute();
}

// Offices and themes.

export function listMatterOffices(db: Q, agencyId: number) {
  return db.selectFrom('matter_offices').selectAll().where('agency_id', '=', agencyId).where('archived', '=', 0).orderBy('name').execute();
}

export function insertMatterOffice(db: Q, agencyId: number, name: string, at: string, by: string) {
  return db.insertInto('matter_offices').values({ agency_id: agencyId, name, archived: 0, created_at: at, created_by: by }).returningAll().executeTakeFirstOrThrow();
}

export function findMatterOffice(db: Q, agencyId: number, name: string) {
  return db.selectFrom('matter_offices').selectAll().where('agency_id', '=', agencyId).where('name', '=', name).executeTakeFirst();
}

export function listMatterThemes(db: Q, includeArchived = false) {
  let q = db.selectFrom('matter_themes').selectAll();
  if (!includeArchived) q = q.where('archived', '=', 0);
  return q.orderBy('audience', 'desc').orderBy('position').execute();
}

export function findMatterTheme(db: Q, audience: string, code: string) {
  return db.selectFrom('matter_themes').selectAll().where('audience', '=', audience).where('code', '=', code).executeTakeFirst();
}

export function insertMatterTheme(db: Q, row: { audience: string; code: string; name: string; position: number; at: string; by: string }) {
  return db.insertInto('matter_themes').values({
    audience: row.audience, code: row.code, name: row.name, position: row.position, archived: 0, updated_at: row.at, updated_by: row.by,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function updateMatterTheme(db: Q, id: number, change: { name: string; archived: number; at: string; by: string }): Promise<void> {
  await db.updateTable('matter_themes').set({ name: change.name, archived: change.archived, updated_at: change.at, updated_by: change.by }).where('id', '=', id).execute();
}
