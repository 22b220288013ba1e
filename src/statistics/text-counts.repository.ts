/**
 * SQL of the figures the report's prose states that no table holds: fees charged on applications (section 六,
 * 国办函〔2020〕109号) and the management of published information (section 一（三）: secrecy reviews passed,
 * monthly checklists signed, publications withdrawn). Counted in the database, for one agency and the days
 * `start` … `end` (China days; timestamps compared against their UTC bounds).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

/** An agency and a span of China days (YYYY-MM-DD, inclusive). */
export interface CountPeriod {
  agencyId: number;
  start: string;
  end: string;
}

/** The UTC instant a China day starts. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const chinaDayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();

/** Applications decided in the period with a fee charged: how many and the sum (元). */
export async function countFees(db: Q, p: CountPeriod): Promise<{ cases: number; amount: number }> {
  const row = await db.selectFrom('applications')
    .where('agency_id', '=', p.agencyId)
    .where('decided_on', '>=', p.start)
    .where('decided_on', '<=', p.end)
    .where('fee_amount', '>', 0)
    .select((eb) => [eb.fn.countAll<number | string>().as('cases'), eb.fn.sum<number | string | null>('fee_amount').as('amount')])
    .executeTakeFirst();
  return { cases: Number(row?.cases ?? 0), amount: Number(row?.amount ?? 0) };
}

/** Item versions passed at 保密审查 in the period, monthly checklists signed, publications withdrawn. */
export async function countManagement(db: Q, p: CountPeriod): Promise<{ secrecyReviews: number; checklists: number; withdrawn: number }> {
  const from = chinaDayStart(p.start);
  const to = chinaDayEnd(p.end);
  const reviews = await db.selectFrom('review_steps')
    .innerJoin('items', 'items.id', 'review_steps.subject_id')
    .where('review_steps.subject_kind', '=', 'item')
    .where('review_steps.step', '=', 'secrecy-review')
    .where('review_steps.decision', '=', 'pass')
    .where('items.agency_id', '=', p.agencyId)
    .where('review_steps.at', '>=', from)
    .where('review_steps.at', '<', to)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const checklists = await db.selectFrom('monthly_checklists')
    .where('agency_id', '=', p.agencyId)
    .where('state', '=', 'signed')
    .where('month', '>=', p.start.slice(0, 7))
    .where('month', '<=', p.end.slice(0, 7))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const withdrawn = await db.selectFrom('channel_publications')
    .where('agency_id', '=', p.agencyId)
    .where('withdrawn_at', '>=', from)
    .where('withdrawn_at', '<', to)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return { secrecyReviews: Number(reviews?.n ?? 0), checklists: Number(checklists?.n ?? 0), withdrawn: Number(withdrawn?.n ?? 0) };
}
