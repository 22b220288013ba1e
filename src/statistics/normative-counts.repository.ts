/**
 * SQL of table 二 （一） (条例 Art. 20 (一): 规章 and 行政规范性文件 made, repealed and in force) counted by the
 * database from the items, as of a day. The counts and the drill-down use the same predicates, so a cell and
 * its list of items never disagree. Dates are YYYY-MM-DD text, compared as text.
 *
 * Which items count: 规章 / 行政规范性文件 (`normative_kind`) that the public has seen by `asOf` — published on
 * the platform on or before that day — or that were imported as published before the platform (origin
 * 'imported'). An item's 制发日期 is `made_on`, or its 成文日期 when that is missing; `repealed_on` is the day
 * it was repealed or expired. An item marked 废止/失效 without that day cannot be placed in time: it is not in
 * force, and is not counted as repealed in any year (the drill-down shows it so the office can date it).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;
type ItemEb = ExpressionBuilder<Database, 'items'>;

/** The period: an agency's year from 1 January to `asOf` (≤ 31 December). */
export interface NormativePeriod {
  agencyId: number;
  /** YYYY-01-01 */
  start: string;
  /** YYYY-MM-DD: the day the figures are taken. */
  asOf: string;
}

/** What a table 二 （一） column counts. 2021: made, repealed, in-force; 2019: made, published (first published in the year), public (published by then). */
export type NormativeMeasure = 'made' | 'repealed' | 'in-force' | 'published' | 'public';

const madeOn = sql<string>`coalesce(items.made_on, items.written_on)`;

/** Seen by the public by `asOf`: published on the platform by then, or imported as published before it. */
function visible(eb: ItemEb, p: NormativePeriod): Expression<SqlBool> {
  return eb.or([
    eb('items.origin', '=', 'imported'),
    eb.and([eb('items.published_version', 'is not', null), eb('items.published_on', '<=', p.asOf)]),
  ]);
}

/** The predicate of a measure (on items already restricted to the agency, a kind and `visible`). */
function measure(eb: ItemEb, m: NormativeMeasure, p: NormativePeriod): Expression<SqlBool> {
  switch (m) {
    case 'made':
      return eb.and([eb(madeOn, '>=', p.start), eb(madeOn, '<=', p.asOf)]);
    case 'repealed':
      return eb.and([eb('items.repealed_on', '>=', p.start), eb('items.repealed_on', '<=', p.asOf)]);
    case 'in-force':
      return eb.and([
        eb(madeOn, '<=', p.asOf),
        eb.or([
          eb.and([eb('items.repealed_on', 'is', null), eb('items.validity', '=', 'valid')]),
          eb('items.repealed_on', '>', p.asOf),
        ]),
      ]);
    case 'published':
      return eb.and([eb('items.published_on', '>=', p.start), eb('items.published_on', '<=', p.asOf)]);
    case 'public':
      return eb.or([eb('items.published_on', 'is', null), eb('items.published_on', '<=', p.asOf)]);
  }
}

function base(db: Q, p: NormativePeriod) {
  return db.selectFrom('items')
    .where('items.agency_id', '=', p.agencyId)
    .where('items.normative_kind', 'in', ['rule', 'normative'])
    .where((eb) => visible(eb, p));
}

/** Counts per normative kind and measure, in one pass: {kind, measure → n}. */
export async function countNormative(db: Q, p: NormativePeriod, measures: readonly NormativeMeasure[]): Promise<Array<{ kind: string; counts: Record<string, number> }>> {
  const rows = await base(db, p)
    .select((eb) => [
      'items.normative_kind',
      ...measures.map((m) => sql<number>`sum(case when ${measure(eb, m, p)} then 1 else 0 end)`.as(`m_${m.replace('-', '_')}`)),
    ])
    .groupBy('items.normative_kind')
    .execute() as Array<Record<string, unknown>>;
  // PostgreSQL returns sums as bigint text.
  return rows.map((r) => ({
    kind: String(r.normative_kind),
    counts: Object.fromEntries(measures.map((m) => [m, Number(r[`m_${m.replace('-', '_')}`] ?? 0)])),
  }));
}

/** An item behind a cell: what identifies it and the dates that placed it there. */
export interface NormativeItemRow {
  id: number;
  index_no: string | null;
  title: string;
  doc_no: string | null;
  made_on: string;
  repealed_on: string | null;
  validity: string;
  published_on: string | null;
  origin: string;
}

/** The items behind one cell: the kind and the measure's predicate, ordered by 制发日期. */
export async function listNormativeItems(db: Q, p: NormativePeriod, kind: 'rule' | 'normative', m: NormativeMeasure): Promise<NormativeItemRow[]> {
  const rows = await base(db, p)
    .where('items.normative_kind', '=', kind)
    .where((eb) => measure(eb, m, p))
    .select([
      'items.id', 'items.index_no', 'items.title', 'items.doc_no', madeOn.as('made_on'), 'items.repealed_on',
      'items.validity', 'items.published_on', 'items.origin',
    ])
    .orderBy(madeOn).orderBy('items.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
