/**
 * SQL of the counts of proactive publications (channel_publications of items) by channel, category and
 * month, and of the publications behind a figure. One predicate serves the counts and the drill-down, so
 * a figure and its list never disagree. A withdrawn publication still counts in the period it was
 * published in: it was public then (the withdrawal is its own act, dated, in the monthly checklist).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

/** The agency and the days counted: `start` … `end` (YYYY-MM-DD, inclusive). */
export interface PublicationPeriod {
  agencyId: number;
  start: string;
  end: string;
}

/** What a figure is grouped by. */
export type PublicationGrouping = 'channel' | 'category' | 'month';

/** Filters of the drill-down; each one given narrows the list. `category` null: items without a category. */
export interface PublicationFilter {
  /** One or more channel keys (公开栏 and LED screens are often stated together). */
  channels?: readonly string[];
  category?: number | null;
  /** YYYY-MM. */
  month?: string;
}

const MONTH = sql<string>`substr(channel_publications.published_on, 1, 7)`;

function base(db: Q, p: PublicationPeriod) {
  return db.selectFrom('channel_publications')
    .innerJoin('items', 'items.id', 'channel_publications.subject_id')
    .leftJoin('catalogue_nodes', 'catalogue_nodes.id', 'items.category_id')
    .where('channel_publications.subject_kind', '=', 'item')
    .where('channel_publications.agency_id', '=', p.agencyId)
    .where('channel_publications.published_on', '>=', p.start)
    .where('channel_publications.published_on', '<=', p.end);
}

/** A group's figures: publications (acts of publishing on a channel) and distinct items. */
export interface PublicationCountRow {
  key: string | null;
  name: string | null;
  publications: number;
  items: number;
}

/** Publications and distinct items per group, counted by the database. */
export async function countPublications(db: Q, p: PublicationPeriod, by: PublicationGrouping): Promise<PublicationCountRow[]> {
  const counts = (eb: any) => [
    eb.fn.countAll().as('publications'),
    sql<number>`count(distinct channel_publications.subject_id)`.as('items'),
  ];
  let rows: Array<{ key: unknown; name: unknown; publications: unknown; items: unknown }>;
  if (by === 'channel') {
    rows = await base(db, p).select((eb) => ['channel_publications.channel as key', sql<null>`null`.as('name'), ...counts(eb)])
      .groupBy('channel_publications.channel').orderBy('channel_publications.channel').execute() as any;
  } else if (by === 'category') {
    rows = await base(db, p).select((eb) => ['items.category_id as key', 'catalogue_nodes.name as name', ...counts(eb)])
      .groupBy(['items.category_id', 'catalogue_nodes.name']).orderBy('items.category_id').execute() as any;
  } else {
    rows = await base(db, p).select((eb) => [MONTH.as('key'), sql<null>`null`.as('name'), ...counts(eb)])
      .groupBy(MONTH).orderBy(MONTH).execute() as any;
  }
  // PostgreSQL returns counts as bigint text.
  return rows.map((r) => ({
    key: r.key === null ? null : String(r.key), name: r.name === null ? null : String(r.name),
    publications: Number(r.publications), items: Number(r.items),
  }));
}

/** Publications and distinct items over the whole period. */
export async function countPublicationTotals(db: Q, p: PublicationPeriod): Promise<{ publications: number; items: number }> {
  const r = await base(db, p).select((eb) => [
    eb.fn.countAll().as('publications'), sql<number>`count(distinct channel_publications.subject_id)`.as('items'),
  ]).executeTakeFirstOrThrow();
  return { publications: Number(r.publications), items: Number(r.items) };
}

/** A publication behind a figure, with its item. */
export interface PublicationItemRow {
  publication_id: number;
  item_id: number;
  index_no: string | null;
  title: string;
  doc_no: string | null;
  category_id: number | null;
  category_name: string | null;
  channel: string;
  published_on: string;
  withdrawn_at: string | null;
}

/** The publications behind a figure (same predicate as the counts, plus the filters), by day. */
export async function listPublicationItems(db: Q, p: PublicationPeriod, f: PublicationFilter): Promise<PublicationItemRow[]> {
  let q = base(db, p);
  if (f.channels !== undefined) q = q.where('channel_publications.channel', 'in', [...f.channels]);
  if (f.category === null) q = q.where('items.category_id', 'is', null);
  else if (f.category !== undefined) q = q.where('items.category_id', '=', f.category);
  if (f.month !== undefined) q = q.where(MONTH, '=', f.month);
  const rows = await q.select([
    'channel_publications.id as publication_id', 'items.id as item_id', 'items.index_no', 'items.title', 'items.doc_no',
    'items.category_id', 'catalogue_nodes.name as category_name', 'channel_publications.channel',
    'channel_publications.published_on', 'channel_publications.withdrawn_at',
  ]).orderBy('channel_publications.published_on').orderBy('channel_publications.id').execute();
  return rows.map((r) => ({
    ...r, publication_id: Number(r.publication_id), item_id: Number(r.item_id),
    category_id: r.category_id === null ? null : Number(r.category_id),
  }));
}
