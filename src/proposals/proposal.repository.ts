/**
 * SQL for 建议提案 and their events (the only place that queries these tables). Takes a Kysely instance or a
 * transaction; the service decides the transaction boundary. A proposal's result is public while its result item
 * has an active portal publication: read here with the proposal, in the same query.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NewProposalEventRow, NewProposalRow, ProposalEventRow, ProposalPatch, ProposalRow } from './proposal.table.js';

type Q = Kysely<Database>;

/** A proposal row with the first day its result item went on the portal (null: not public). */
export type ProposalWithResultRow = ProposalRow & { result_published_on: string | null };

function withResult(db: Q) {
  return db.selectFrom('proposals').selectAll('proposals').select((eb) => eb.selectFrom('channel_publications as p')
    .select((e) => e.fn.min<string>('p.published_on').as('d'))
    .where('p.subject_kind', '=', 'item').whereRef('p.subject_id', '=', 'proposals.result_item_id')
    .where('p.channel', '=', 'portal').where('p.withdrawn_at', 'is', null)
    .as('result_published_on'));
}

/** One proposal by id. */
export function findProposalRow(db: Q, id: number): Promise<ProposalWithResultRow | undefined> {
  return withResult(db).where('proposals.id', '=', id).executeTakeFirst() as Promise<ProposalWithResultRow | undefined>;
}

/** Filter of the list. */
export interface ProposalRowFilter {
  agencyId: number;
  /** Proposals assigned in this year, or answered or published in it. */
  year?: number;
  state?: string;
  /** Only those whose result is on the portal. */
  publicOnly?: boolean;
}

/** Proposals of an agency: newest assignment first. */
export async function listProposalRows(db: Q, filter: ProposalRowFilter): Promise<ProposalWithResultRow[]> {
  let q = withResult(db).where('proposals.agency_id', '=', filter.agencyId);
  if (filter.state !== undefined) q = q.where('proposals.state', '=', filter.state);
  if (filter.year !== undefined) {
    const from = `${filter.year}-01-01`;
    const to = `${filter.year}-12-31`;
    q = q.where((eb) => eb.or([
      eb.between('proposals.assigned_on', from, to),
      eb.between('proposals.answered_on', from, to),
      eb.and([eb('proposals.result_item_id', 'is not', null), eb('proposals.assigned_on', '<=', to), eb('proposals.state', '<>', 'handling')]),
    ]));
  }
  const rows = await q.orderBy('proposals.assigned_on', 'desc').orderBy('proposals.id', 'desc').execute() as ProposalWithResultRow[];
  return filter.publicOnly ? rows.filter((r) => r.result_published_on !== null) : rows;
}

/** Open proposals (being handled) of an agency, oldest deadline first. */
export function listOpenProposalRows(db: Q, agencyId: number): Promise<ProposalRow[]> {
  return db.selectFrom('proposals').selectAll().where('agency_id', '=', agencyId).where('state', '=', 'handling')
    .orderBy('due_base').orderBy('id').execute();
}

/** Inserts a proposal and returns its id (unique per agency: its registration number, and kind + source number). */
export async function insertProposalRow(db: Q, row: NewProposalRow): Promise<number> {
  const { id } = await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a proposal only while it is in `fromState` (a change that must happen once); returns the rows changed. */
export async function updateProposalRow(db: Q, id: number, fromState: string, patch: ProposalPatch): Promise<number> {
  const result = await db.updateTable('proposals').set(patch).where('id', '=', id).where('state', '=', fromState).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Links the result item once (only while none is linked); returns the rows changed. */
export async function linkResultItemRow(db: Q, id: number, itemId: number, at: string): Promise<number> {
  const result = await db.updateTable('proposals').set({ result_item_id: itemId, updated_at: at })
    .where('id', '=', id).where('result_item_id', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records an event. */
export async function insertProposalEventRow(db: Q, row: NewProposalEventRow): Promise<void> {
  await db.insertInto('proposal_events').values(row).execute();
}

/** The events of a proposal in order. */
export function listProposalEventRows(db: Q, proposalId: number): Promise<ProposalEventRow[]> {
  return db.selectFrom('proposal_events').selectAll().where('proposal_id', '=', proposalId).orderBy('id').execute();
}

/** Registration numbers of an agency with a prefix (for a sequence first used on a database with numbers already). */
export async function countRegNosWithPrefix(db: Q, agencyId: number, prefix: string): Promise<number> {
  const { n } = await db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId).where('reg_no', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  return Number(n);
}

/** Facts of every proposal of an agency that can count in a year (assigned up to its end). */
export function listYearFactRows(db: Q, agencyId: number, year: number): Promise<ProposalWithResultRow[]> {
  return withResult(db).where('proposals.agency_id', '=', agencyId).where('proposals.assigned_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('proposals.answered_on', 'is', null), eb('proposals.answered_on', '>=', `${year}-01-01`), eb('proposals.assigned_on', '>=', `${year}-01-01`), eb('proposals.result_item_id', 'is not', null)]))
    .execute() as Promise<ProposalWithResultRow[]>;
}

