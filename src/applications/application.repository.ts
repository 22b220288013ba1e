/**
 * SQL for disclosure applications, their applicants, events and remedies (the only place that queries
 * these tables). Takes a Kysely instance or a transaction; the edge decides the transaction boundary.
 * The applicant's personal data is encrypted here on writing and decrypted here on reading (the `pii`
 * cipher), so services and views see plain values and the table never holds them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import type {
  ApplicantDetails, ApplicantDetailsRow, ApplicationEventRow, ApplicationPatch, ApplicationRow, NewApplicationEventRow,
  NewApplicationRow, NewRemedyRow, RemedyRow,
} from './application.table.js';

type Q = Kysely<Database>;

/** A case row with its agency's name and its applicant's details, decrypted (personal data: mask before listing). */
export type ApplicationWithApplicantRow = ApplicationRow & {
  agency_name: string;
  applicant_name: string;
  id_type: string;
  id_number: string;
  phone: string | null;
  address: string | null;
  email: string | null;
};

/** Filter of the case list. */
export interface ApplicationRowFilter {
  agencyId?: number;
  /** Only these agencies (the ones the reader may see). */
  agencyIds?: readonly number[];
  state?: string;
  /** Only open cases (not decided, abandoned or withdrawn). */
  open?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  limit?: number;
  offset?: number;
}

/** States of a closed case. */
export const CLOSED_STATES = ['decided', 'abandoned', 'withdrawn'] as const;

const encryptOptional = (pii: PiiCipher, value: string | null) => (value === null ? null : pii.encrypt(value));
const decryptOptional = (pii: PiiCipher, value: string | null) => (value === null ? null : pii.decrypt(value));

/** The stored form of an applicant's details: personal fields encrypted, the identity number's blind index. */
export function encryptApplicant(pii: PiiCipher, a: ApplicantDetails): Omit<ApplicantDetailsRow, 'application_id'> {
  return {
    name: pii.encrypt(a.name), id_type: a.id_type, id_number: pii.encrypt(a.id_number),
    phone: encryptOptional(pii, a.phone), address: encryptOptional(pii, a.address), email: encryptOptional(pii, a.email),
    id_number_hash: pii.blindIndex(a.id_number),
  };
}

/** A joined row with its applicant's fields decrypted (a value altered in the table → PiiCipherError, never garbage). */
function decrypted(pii: PiiCipher, row: ApplicationWithApplicantRow): ApplicationWithApplicantRow {
  return {
    ...row, applicant_name: pii.decrypt(row.applicant_name), id_number: pii.decrypt(row.id_number),
    phone: decryptOptional(pii, row.phone), address: decryptOptional(pii, row.address), email: decryptOptional(pii, row.email),
  };
}

function withApplicant(db: Q) {
  return db.selectFrom('applications')
    .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .innerJoin('applicant_details', 'applicant_details.application_id', 'applications.id')
    .selectAll('applications')
    .select([
      'agencies.name as agency_name', 'applicant_details.name as applicant_name', 'applicant_details.id_type',
      'applicant_details.id_number', 'applicant_details.phone', 'applicant_details.address', 'applicant_details.email',
    ]);
}

/** Cases matching the filter, newest receipt first. */
export async function listApplicationRows(db: Q, pii: PiiCipher, filter: ApplicationRowFilter = {}): Promise<ApplicationWithApplicantRow[]> {
  let q = withApplicant(db);
  if (filter.agencyId !== undefined) q = q.where('applications.agency_id', '=', filter.agencyId);
  if (filter.agencyIds !== undefined) q = filter.agencyIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('applications.agency_id', 'in', [...filter.agencyIds]);
  if (filter.state !== undefined) q = q.where('applications.state', '=', filter.state);
  if (filter.open) q = q.where('applications.state', 'not in', [...CLOSED_STATES]);
  if (filter.receivedFrom !== undefined) q = q.where('applications.received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo !== undefined) q = q.where('applications.received_on', '<=', filter.receivedTo);
  const rows = await q.orderBy('applications.received_on', 'desc').orderBy('applications.id', 'desc')
    .limit(filter.limit ?? 500).offset(filter.offset ?? 0).execute();
  return rows.map((r) => decrypted(pii, r));
}

/** One case with its applicant. */
export async function findApplicationRow(db: Q, pii: PiiCipher, id: number): Promise<ApplicationWithApplicantRow | undefined> {
  const row = await withApplicant(db).where('applications.id', '=', id).executeTakeFirst();
  return row && decrypted(pii, row);
}

/**
 * The cases of one applicant, found by identity number through its blind index (no decryption of other rows):
 * e.g. an applicant's earlier applications. Optionally of one agency; newest receipt first.
 */
export async function listApplicationRowsByIdNumber(
  db: Q, pii: PiiCipher, idNumber: string, filter: { agencyId?: number; limit?: number } = {},
): Promise<ApplicationWithApplicantRow[]> {
  let q = withApplicant(db).where('applicant_details.id_number_hash', '=', pii.blindIndex(idNumber));
  if (filter.agencyId !== undefined) q = q.where('applications.agency_id', '=', filter.agencyId);
  const rows = await q.orderBy('applications.received_on', 'desc').orderBy('applications.id', 'desc').limit(filter.limit ?? 500).execute();
  return rows.map((r) => decrypted(pii, r));
}

/** One case by its public query code (no applicant data selected). */
export function findApplicationRowByQueryCode(db: Q, code: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('query_code', '=', code).executeTakeFirst();
}

/** Case numbers of an agency starting with `prefix` (to number the next case of a year). */
export async function countCaseNumbersWithPrefix(db: Q, agencyId: number, prefix: string): Promise<number> {
  const { n } = await db.selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId).where('case_no', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Whether a query code is already taken. */
export async function queryCodeExists(db: Q, code: string): Promise<boolean> {
  return (await db.selectFrom('applications').select('id').where('query_code', '=', code).executeTakeFirst()) !== undefined;
}

/**
 * Applications the same applicant (same identity number) made to the agency in `month` (YYYY-MM) before
 * case `beforeId`: the fee by application is cumulative per applicant per calendar month.
 */
export async function countApplicantApplicationsInMonth(
  db: Q, pii: PiiCipher, agencyId: number, idNumber: string, month: string, beforeId: number,
): Promise<number> {
  const { n } = await db.selectFrom('applications')
    .innerJoin('applicant_details', 'applicant_details.application_id', 'applications.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('applications.agency_id', '=', agencyId)
    .where('applicant_details.id_number_hash', '=', pii.blindIndex(idNumber))
    .where('applications.received_on', '>=', `${month}-01`)
    .where('applications.received_on', '<=', `${month}-31`)
    .where('applications.id', '<', beforeId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Inserts a case and its applicant (encrypted, with the identity number's blind index); returns the case id. */
export async function insertApplicationRow(db: Q, pii: PiiCipher, row: NewApplicationRow, applicant: ApplicantDetails): Promise<number> {
  const stored = encryptApplicant(pii, applicant);
  const { id } = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('applicant_details').values({ ...stored, application_id: id }).execute();
  return id;
}

/** Applicant rows written before encryption (no blind index yet), in id order: the startup step's batches. */
export function listPlaintextApplicantRows(db: Q, limit: number): Promise<ApplicantDetailsRow[]> {
  return db.selectFrom('applicant_details').selectAll().where('id_number_hash', 'is', null)
    .orderBy('application_id').limit(limit).execute();
}

/**
 * Replaces a plaintext applicant row by its encrypted form, only if it is still plaintext (another instance
 * starting at the same time may have done it): returns whether this call changed it.
 */
export async function storeEncryptedApplicant(db: Q, applicationId: number, stored: Omit<ApplicantDetailsRow, 'application_id'>): Promise<boolean> {
  const result = await db.updateTable('applicant_details').set(stored)
    .where('application_id', '=', applicationId).where('id_number_hash', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The stored identity number of one encrypted applicant row (any), to check the configured key against; null if none. */
export async function sampleEncryptedIdNumber(db: Q): Promise<string | null> {
  const row = await db.selectFrom('applicant_details').select('id_number').where('id_number_hash', 'is not', null)
    .orderBy('application_id', 'desc').limit(1).executeTakeFirst();
  return row?.id_number ?? null;
}

/** Updates a case row. */
export async function updateApplicationRow(db: Q, id: number, patch: ApplicationPatch): Promise<void> {
  await db.updateTable('applications').set(patch).where('id', '=', id).execute();
}

/** Appends an event. */
export async function insertApplicationEventRow(db: Q, row: NewApplicationEventRow): Promise<void> {
  await db.insertInto('application_events').values(row).execute();
}

/** A case's events in the order recorded. */
export function listApplicationEventRows(db: Q, applicationId: number): Promise<ApplicationEventRow[]> {
  return db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
}

/** An open case due by a day, with its agency's name. */
export type OpenDueRow = ApplicationRow & { agency_name: string };

/**
 * Open cases whose stored deadline is on or before `dueBy`, and received cases whose deadline is pending
 * (no stored deadline while the clock runs: it reaches a year whose holidays are not entered yet) — of
 * one agency, or of every agency (one query, whatever their number) — with who received them and the
 * agency's name, by deadline (pending ones by receipt) and id.
 */
export function listOpenDueRows(db: Q, agencies: number | readonly number[] | undefined, dueBy: string): Promise<OpenDueRow[]> {
  let q = db.selectFrom('applications').innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .selectAll('applications').select('agencies.name as agency_name');
  if (typeof agencies === 'number') q = q.where('applications.agency_id', '=', agencies);
  else if (agencies !== undefined) q = agencies.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('applications.agency_id', 'in', [...agencies]);
  return q
    .where('state', 'not in', [...CLOSED_STATES])
    .where((eb) => eb.or([
      eb('due_on', '<=', dueBy),
      eb.and([eb('due_on', 'is', null), eb('state', '=', 'received')]),
    ]))
    .orderBy((eb) => eb.fn.coalesce('due_on', 'received_on')).orderBy('applications.id')
    .execute();
}

/** Inserts a remedy; returns its id. */
export async function insertRemedyRow(db: Q, row: NewRemedyRow): Promise<number> {
  const { id } = await db.insertInto('remedies').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** One remedy. */
export function findRemedyRow(db: Q, id: number): Promise<RemedyRow | undefined> {
  return db.selectFrom('remedies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The remedies of a case, in the order filed. */
export function listRemedyRows(db: Q, applicationId: number): Promise<RemedyRow[]> {
  return db.selectFrom('remedies').selectAll().where('application_id', '=', applicationId).orderBy('filed_on').orderBy('id').execute();
}

/** Records a remedy's result. */
export async function updateRemedyRow(db: Q, id: number, patch: { result: string; decided_on: string | null }): Promise<void> {
  await db.updateTable('remedies').set(patch).where('id', '=', id).execute();
}

/** The columns of a case its clock decides (and its number, for messages). */
const CLOCK_COLUMNS = [
  'id', 'case_no', 'state', 'due_on', 'decision', 'result_row', 'decided_on', 'closed_on', 'fee_method', 'fee_amount',
] as const;

/** What a recomputation reads of an open case. */
export type OpenCaseRow = Pick<ApplicationRow, (typeof CLOCK_COLUMNS)[number]>;

/** Open cases (optionally of one agency), by id: only the columns the clock decides. */
export function listOpenApplicationRows(db: Q, agencyId?: number): Promise<OpenCaseRow[]> {
  let q = db.selectFrom('applications').select(CLOCK_COLUMNS).where('state', 'not in', [...CLOSED_STATES]);
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('id').execute();
}

/** The events of every open case (optionally of one agency) in one query, by case and order recorded. */
export function listOpenCaseEventRows(db: Q, agencyId?: number): Promise<Pick<ApplicationEventRow, 'application_id' | 'type' | 'data'>[]> {
  return db.selectFrom('application_events').select(['application_id', 'type', 'data'])
    .where('application_id', 'in', (eb) => {
      let q = eb.selectFrom('applications').select('id').where('state', 'not in', [...CLOSED_STATES]);
      if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
      return q;
    })
    .orderBy('application_id').orderBy('id')
    .execute();
}

/** Rows per statement in the bulk writes below (well under SQLite's and PostgreSQL's parameter limits). */
const BULK_ROWS = 500;

/** A recomputed deadline and state of one case, with its event's old → new (JSON text). */
export interface DeadlineUpdate { id: number; due_on: string | null; state: string; old: string; new: string }

/** What the events of one recomputation share. */
export interface SharedEvent { at: string; actor: string; actor_id: number | null; type: string; on_date: string; data: string }

/**
 * Stores many recomputed deadlines, each with its event, a few hundred cases per statement: an UPDATE
 * … FROM a VALUES list joined on the primary key, then an INSERT … SELECT from a VALUES list of the
 * events' own fields (what they share is given once). The same SQL on SQLite (≥ 3.33) and PostgreSQL,
 * instead of two statements per case; the `id in (…)` makes both drive the join from the list.
 */
export async function updateApplicationDeadlines(db: Q, updates: readonly DeadlineUpdate[], event: SharedEvent): Promise<void> {
  for (let i = 0; i < updates.length; i += BULK_ROWS) {
    const batch = updates.slice(i, i + BULK_ROWS);
    const values = sql.join(batch.map((u) => sql`(cast(${u.id} as integer), cast(${u.due_on} as text), cast(${u.state} as text))`));
    const ids = sql.join(batch.map((u) => sql`${u.id}`));
    await sql`with v(id, due_on, state) as (values ${values})
      update applications set due_on = v.due_on, state = v.state, updated_at = ${event.at}
      from v where applications.id = v.id and applications.id in (${ids})`.execute(db);
    const changes = sql.join(batch.map((u) => sql`(cast(${u.id} as integer), cast(${u.old} as text), cast(${u.new} as text))`));
    await sql`with v(application_id, old, new) as (values ${changes})
      insert into application_events (application_id, at, actor, actor_id, type, on_date, data, old, new)
      select v.application_id, ${event.at}, ${event.actor}, cast(${event.actor_id} as integer), ${event.type}, ${event.on_date}, ${event.data}, v.old, v.new from v`.execute(db);
  }
}

/** The agency a case belongs to (for the access check), or undefined when there is no such case. */
export async function applicationAgencyId(db: Q, id: number): Promise<number | undefined> {
  return (await db.selectFrom('applications').select('agency_id').where('id', '=', id).executeTakeFirst())?.agency_id;
}
