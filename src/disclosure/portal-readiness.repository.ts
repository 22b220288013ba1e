/**
 * SQL of the portal readiness report (src/disclosure/portal-readiness.ts): per catalogue category and drafting office,
 * the last day an item was published on the portal and not withdrawn; per agency, the last portal publication of any
 * subject (the home page's last update).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** One (category, office) group: the category's fields, and the office's last portal publication there. */
export interface CategoryOfficeRow {
  agency_id: number;
  node_id: number;
  parent_id: number | null;
  name: string;
  position: number;
  details: string | null;
  office: string | null;
  last_published_on: string | null;
  items: number;
}

/** Every live category of the agencies, with its published items grouped by office (an empty category: one row, office null, 0 items). */
export async function categoryOfficeRows(db: Kysely<Database>, agencyIds: readonly number[]): Promise<CategoryOfficeRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.selectFrom('catalogue_nodes as n')
    .leftJoin(
      (eb) => eb.selectFrom('items as i')
        .innerJoin('channel_publications as p', (j) => j.onRef('p.subject_id', '=', 'i.id')
          .on('p.subject_kind', '=', 'item').on('p.channel', '=', 'portal').on('p.withdrawn_at', 'is', null))
        .select(['i.category_id', 'i.office', sql<string>`max(p.published_on)`.as('last_published_on'), sql<number>`count(distinct i.id)`.as('items')])
        .where('i.agency_id', 'in', [...agencyIds])
        .groupBy(['i.category_id', 'i.office'])
        .as('g'),
      (j) => j.onRef('g.category_id', '=', 'n.id'),
    )
    .select(['n.agency_id', 'n.id as node_id', 'n.parent_id', 'n.name', 'n.position', 'n.details', 'g.office', 'g.last_published_on', 'g.items'])
    .where('n.agency_id', 'in', [...agencyIds]).where('n.archived', '=', 0)
    .orderBy('n.agency_id').orderBy('n.position').orderBy('n.id')
    .execute();
  return rows.map((r) => ({ ...r, items: Number(r.items ?? 0), last_published_on: r.last_published_on ?? null, office: r.office ?? null }));
}

/** Per agency, the last day anything (item, guide, catalogue, report) was published on the portal and not withdrawn. */
export async function lastPortalUpdates(db: Kysely<Database>, agencyIds: readonly number[]): Promise<Map<number, string>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db.selectFrom('channel_publications').select(['agency_id', sql<string>`max(published_on)`.as('last')])
    .where('agency_id', 'in', [...agencyIds]).where('channel', '=', 'portal').where('withdrawn_at', 'is', null)
    .groupBy('agency_id').execute();
  return new Map(rows.map((r) => [Number(r.agency_id), r.last]));
}
