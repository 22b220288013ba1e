/**
 * SQL of the review chain: the append-only `review_steps`, publications by channel and the event log,
 * shared by every subject kind (item, catalogue, guide, report).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChannelPublicationRow, ReviewStepRow } from './disclosure.table.js';

/** A subject of the chain as stored: kind and id. */
export interface SubjectRef {
  kind: string;
  id: number;
}

/** Appends one step of the chain. */
export async function insertReviewStep(db: Kysely<Database>, row: Omit<ReviewStepRow, 'id'>): Promise<ReviewStepRow> {
  return db.insertInto('review_steps').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every step of a subject (all versions), oldest first. */
export async function listReviewSteps(db: Kysely<Database>, subject: SubjectRef, version?: number): Promise<ReviewStepRow[]> {
  let q = db.selectFrom('review_steps').selectAll()
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id);
  if (version !== undefined) q = q.where('subject_version', '=', version);
  return q.orderBy('id').execute();
}

/** Who submitted a version for review (they count as its authors: none of them may approve it). */
export async function submitterIds(db: Kysely<Database>, subject: SubjectRef, version: number): Promise<(number | null)[]> {
  const rows = await db.selectFrom('review_steps').select('actor_id')
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id)
    .where('subject_version', '=', version).where('step', '=', 'submit')
    .execute();
  return rows.map((r) => r.actor_id);
}

/** Records publishing one version of a subject to one channel. */
export async function insertPublication(
  db: Kysely<Database>, row: Omit<ChannelPublicationRow, 'id' | 'withdrawn_at' | 'withdrawn_by' | 'withdrawn_by_id' | 'withdrawal_reason'>,
): Promise<ChannelPublicationRow> {
  return db.insertInto('channel_publications')
    .values({ ...row, withdrawn_at: null, withdrawn_by: null, withdrawn_by_id: null, withdrawal_reason: null })
    .returningAll().executeTakeFirstOrThrow();
}

/** The publications of a subject (of one version, or all) that are not withdrawn, oldest first. */
export async function activePublications(db: Kysely<Database>, subject: SubjectRef, version?: number): Promise<ChannelPublicationRow[]> {
  let q = db.selectFrom('channel_publications').selectAll()
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id)
    .where('withdrawn_at', 'is', null);
  if (version !== undefined) q = q.where('subject_version', '=', version);
  return q.orderBy('id').execute();
}

/** Every publication of a subject (of one version, or all), withdrawn ones included, oldest first. */
export async function allPublications(db: Kysely<Database>, subject: SubjectRef, version?: number): Promise<ChannelPublicationRow[]> {
  let q = db.selectFrom('channel_publications').selectAll()
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id);
  if (version !== undefined) q = q.where('subject_version', '=', version);
  return q.orderBy('id').execute();
}

/** Finds a publication by id. */
export async function findPublication(db: Kysely<Database>, id: number): Promise<ChannelPublicationRow | undefined> {
  return db.selectFrom('channel_publications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a publication withdrawn once; false when it was withdrawn before. */
export async function markPublicationWithdrawn(db: Kysely<Database>, id: number, values: {
  withdrawn_at: string; withdrawn_by: string; withdrawn_by_id: number | null; withdrawal_reason: string;
}): Promise<boolean> {
  const result = await db.updateTable('channel_publications').set(values)
    .where('id', '=', id).where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The stored 保密审查表 (JSON text) of the last passed secrecy review of a version, or undefined. */
export async function passedSecrecyForm(db: Kysely<Database>, subject: SubjectRef, version: number): Promise<string | undefined> {
  const row = await db.selectFrom('review_steps').select('form')
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id)
    .where('subject_version', '=', version).where('step', '=', 'secrecy-review').where('decision', '=', 'pass')
    .orderBy('id', 'desc').executeTakeFirst();
  return row?.form ?? undefined;
}

/** Appends one event of the disclosure log. */
export async function insertDisclosureEvent(db: Kysely<Database>, row: {
  agency_id: number; subject_kind: string; subject_id: number; type: string; data: unknown;
  actor: string; actor_id: number | null; at: string;
}): Promise<void> {
  await db.insertInto('disclosure_events')
    .values({ ...row, data: row.data === undefined || row.data === null ? null : JSON.stringify(row.data) })
    .execute();
}
