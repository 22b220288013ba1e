/**
 * SQL of the saved bulk audits: batches and their events, files with their reader's claim, reads, findings and
 * decisions. The only place that reads or writes these tables (the bytes go to `blobs` through the item
 * repository's insertBlobIfAbsent: one store of files by SHA-256).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { isPostgres } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import type { AuditFilesFilter } from './audit-batch-model.js';
import type { AuditBatchRow, AuditDecisionRow, AuditFileRowDb, AuditFindingRow, AuditReadRow } from './audit-batch.table.js';

type Q = Kysely<Database>;

export type { AuditBatchRow, AuditDecisionRow, AuditFileRowDb };

// Batches.

/** Inserts a batch, returning its id. */
export async function insertBatch(db: Q, row: Omit<AuditBatchRow, 'id'>): Promise<number> {
  return (await db.insertInto('audit_batches').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One batch, or undefined. */
export function findBatch(db: Q, id: number): Promise<AuditBatchRow | undefined> {
  return db.selectFrom('audit_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a batch until the end of the transaction (PostgreSQL row lock; SQLite writers are serialised) and reads it. */
export function lockBatch(db: Q, id: number): Promise<AuditBatchRow | undefined> {
  const query = db.selectFrom('audit_batches').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** The batches of these agencies, newest first. */
export function listBatches(db: Q, agencyIds: readonly number[]): Promise<AuditBatchRow[]> {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('audit_batches').selectAll().where('agency_id', 'in', agencyIds).orderBy('id', 'desc').execute();
}

/** Ids of batches still reading (resumed at start-up). */
export async function readingBatchIds(db: Q): Promise<number[]> {
  return (await db.selectFrom('audit_batches').select('id').where('state', '=', 'reading').orderBy('id').execute()).map((r) => r.id);
}

/** Moves a batch from one state to another once: whether this call moved it. */
export async function moveBatch(db: Q, id: number, from: AuditBatchRow['state'], to: AuditBatchRow['state'], at: string, nextRun?: number): Promise<boolean> {
  const result = await db.updateTable('audit_batches')
    .set({ state: to, updated_at: at, ...(nextRun !== undefined ? { run: nextRun } : {}) })
    .where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a reading batch done once no file is pending or being read: whether this call did. */
export async function finishBatchIfComplete(db: Q, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('audit_batches').set({ state: 'done', updated_at: at })
    .where('id', '=', id).where('state', '=', 'reading')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_files').select('audit_files.id')
      .where('audit_files.batch_id', '=', id).where('audit_files.state', 'in', ['pending', 'reading']))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends an event of a batch. */
export async function insertBatchEvent(db: Q, row: { batch_id: number; type: 'created' | 'stopped' | 'rerun' | 'done'; old_state: string | null; new_state: string; run: number; actor: string; actor_id: number | null; at: string }): Promise<void> {
  await db.insertInto('audit_batch_events').values(row).execute();
}

/** Counts of batches' files, computed by the database (a re-run's pending files count as not read yet). */
export interface BatchCountsRow {
  batch_id: number;
  total: number;
  done: number;
  failed: number;
  reports: number;
  errors: number;
  warnings: number;
  missing: number;
  recovered: number;
  current: string | null;
}

/** The counts of these batches. */
export async function batchCounts(db: Q, batchIds: readonly number[]): Promise<Map<number, BatchCountsRow>> {
  if (batchIds.length === 0) return new Map();
  const read = (column: 'errors' | 'warnings' | 'missing' | 'recovered') =>
    sql<number>`coalesce(sum(case when state = 'done' then ${sql.ref(column)} else 0 end), 0)`;
  const rows = await db.selectFrom('audit_files')
    .select((eb) => [
      'batch_id',
      eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when state in ('done', 'failed') then 1 else 0 end)`.as('done'),
      sql<number>`sum(case when state = 'failed' then 1 else 0 end)`.as('failed'),
      sql<number>`sum(case when state = 'done' then 1 else 0 end)`.as('reports'),
      read('errors').as('errors'), read('warnings').as('warnings'), read('missing').as('missing'), read('recovered').as('recovered'),
      sql<string | null>`min(case when state = 'reading' then name end)`.as('current'),
    ])
    .where('batch_id', 'in', batchIds).groupBy('batch_id').execute();
  return new Map(rows.map((r) => [r.batch_id, {
    ...r, total: Number(r.total), done: Number(r.done), failed: Number(r.failed), reports: Number(r.reports),
    errors: Number(r.errors), warnings: Number(r.warnings), missing: Number(r.missing), recovered: Number(r.recovered),
  }]));
}

// Files.

/**
 * Inserts the files of a batch, returning their ids in order: pending, or — a file refused at intake (a zip bomb, a
 * zip nested too deep, files past the cap: `intakeError`) — failed with that message and no read. "Failed without a
 * read" marks such a file for good: the runner gives every file it reads a read, so a re-run leaves it as it is.
 */
export async function insertFiles(db: Q, rows: ReadonlyArray<{ batch_id: number; position: number; name: string; size: number; sha256: string; intakeError?: string }>): Promise<number[]> {
  const ids: number[] = [];
  for (const { intakeError, ...row } of rows) {
    const state = intakeError === undefined ? { state: 'pending' as const } : { state: 'failed' as const, error: intakeError };
    ids.push((await db.insertInto('audit_files').values({ ...row, ...state }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return ids;
}

/** Whether a file was refused at intake (failed without a read; see insertFiles). */
export const isIntakeError = (row: Pick<AuditFileRowDb, 'state' | 'read_id'>): boolean => row.state === 'failed' && row.read_id === null;

/** A file row with its batch's agency and the number of its current findings without a decision. */
export type AuditFileListRow = AuditFileRowDb & { agency_id: number; undecided: number };

/** The undecided findings of a file's current read: findings with no decision for (agency, sha256, fingerprint). */
function undecidedOf(eb: ExpressionBuilder<Database & { f: Database['audit_files']; b: Database['audit_batches'] }, 'f' | 'b'>) {
  return eb.selectFrom('audit_findings as x').select(eb.fn.countAll<number>().as('n'))
    .whereRef('x.read_id', '=', 'f.read_id')
    .where((w) => w.not(w.exists(w.selectFrom('audit_decisions as d').select('d.id')
      .whereRef('d.agency_id', '=', 'b.agency_id').whereRef('d.sha256', '=', 'f.sha256').whereRef('d.fingerprint', '=', 'x.fingerprint'))));
}

function fileQuery(db: Q) {
  return db.selectFrom('audit_files as f').innerJoin('audit_batches as b', 'b.id', 'f.batch_id')
    .selectAll('f').select((eb) => ['b.agency_id', undecidedOf(eb).as('undecided')]);
}

const fixCounts = <R extends { undecided: number | string | null }>(row: R): Omit<R, 'undecided'> & { undecided: number } => ({ ...row, undecided: Number(row.undecided ?? 0) });

/** The files of a batch, filtered and sorted by the database. */
export async function listFiles(db: Q, batchId: number, filter: AuditFilesFilter = {}): Promise<AuditFileListRow[]> {
  let query = fileQuery(db).where('f.batch_id', '=', batchId);
  if (filter.state) query = query.where('f.state', '=', filter.state);
  switch (filter.severity) {
    case 'error': query = query.where('f.state', '=', 'done').where('f.errors', '>', 0); break;
    case 'warning': query = query.where('f.state', '=', 'done').where('f.warnings', '>', 0); break;
    case 'missing': query = query.where('f.state', '=', 'done').where('f.missing', '>', 0); break;
    case 'recovered': query = query.where('f.state', '=', 'done').where('f.recovered', '>', 0); break;
    case 'unreadable': query = query.where('f.state', '=', 'failed'); break;
    default: break;
  }
  if (filter.agency) {
    // A literal substring: LIKE's wildcards in the search are escaped.
    const pattern = `%${filter.agency.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<SqlBool>`f.agency_name like ${pattern} escape '\\'`);
  }
  if (filter.year !== undefined) query = query.where('f.year', '=', filter.year);
  if (filter.format) query = query.where('f.format', '=', filter.format);
  const desc = (filter.order ?? (filter.sort === undefined || filter.sort === 'errors' ? 'desc' : 'asc')) === 'desc';
  const dir = desc ? 'desc' : 'asc';
  // Nulls (files not read yet) last in either direction, then the upload order.
  const nullsLast = (column: Expression<unknown>) => sql`case when ${column} is null then 1 else 0 end`;
  switch (filter.sort ?? 'errors') {
    case 'errors':
      query = query.orderBy(sql`case when f.state = 'failed' then 1 when f.state = 'done' then 0 else 2 end`)
        .orderBy('f.errors', dir).orderBy('f.warnings', dir).orderBy('f.missing', dir);
      break;
    case 'name': query = query.orderBy('f.name', dir); break;
    case 'agency': query = query.orderBy(nullsLast(sql.ref('f.agency_name'))).orderBy('f.agency_name', dir); break;
    case 'year': query = query.orderBy(nullsLast(sql.ref('f.year'))).orderBy('f.year', dir); break;
  }
  return (await query.orderBy('f.position').execute()).map(fixCounts);
}

/** One file of a batch with its counts, or undefined. */
export async function findFile(db: Q, batchId: number, fileId: number): Promise<AuditFileListRow | undefined> {
  const row = await fileQuery(db).where('f.batch_id', '=', batchId).where('f.id', '=', fileId).executeTakeFirst();
  return row && fixCounts(row);
}

/** Files by id with their batch's agency (to audit them again). */
export function filesByIds(db: Q, ids: readonly number[]): Promise<Array<AuditFileRowDb & { agency_id: number }>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('audit_files as f').innerJoin('audit_batches as b', 'b.id', 'f.batch_id')
    .selectAll('f').select('b.agency_id').where('f.id', 'in', ids).orderBy('f.id').execute();
}

/** The bytes of a file. */
export async function fileBytes(db: Q, sha256: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('blobs').select('content').where('hash', '=', sha256).executeTakeFirst())?.content;
}

/**
 * Claims the next pending file of a batch for one reader: a conditional update (pending → reading with the
 * reader's token), so two readers — in one instance or two — never read the same file. Undefined when none is left.
 */
export async function claimNextFile(db: Q, batchId: number, claim: string, at: string): Promise<AuditFileRowDb | undefined> {
  for (;;) {
    const next = await db.selectFrom('audit_files').select('id')
      .where('batch_id', '=', batchId).where('state', '=', 'pending').orderBy('position').limit(1).executeTakeFirst();
    if (!next) return undefined;
    const batch = await db.selectFrom('audit_batches').select('state').where('id', '=', batchId).executeTakeFirst();
    if (batch?.state !== 'reading') return undefined;
    // Only while the batch is still reading: a stopped batch's files stay pending.
    const result = await db.updateTable('audit_files').set({ state: 'reading', claim, claimed_at: at })
      .where('id', '=', next.id).where('state', '=', 'pending')
      .where((eb) => eb.exists(eb.selectFrom('audit_batches').select('audit_batches.id')
        .where('audit_batches.id', '=', batchId).where('audit_batches.state', '=', 'reading')))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      return db.selectFrom('audit_files').selectAll().where('id', '=', next.id).executeTakeFirstOrThrow();
    }
    // Another reader took it first: try the next one.
  }
}

/** Puts back files whose reader's lease ran out (an instance that stopped mid-read): how many. */
export async function releaseStaleClaims(db: Q, batchId: number, claimedBefore: string): Promise<number> {
  const result = await db.updateTable('audit_files').set({ state: 'pending', claim: null, claimed_at: null })
    .where('batch_id', '=', batchId).where('state', '=', 'reading').where('claimed_at', '<', claimedBefore).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Renews a reader's lease on its file (a live reader keeps it however long the read takes). */
export async function renewClaim(db: Q, fileId: number, claim: string, at: string): Promise<void> {
  await db.updateTable('audit_files').set({ claimed_at: at }).where('id', '=', fileId).where('claim', '=', claim).execute();
}

/** Whether the batch is still reading with some file held by a reader (here or in another instance). */
export async function someoneReading(db: Q, batchId: number): Promise<boolean> {
  const row = await db.selectFrom('audit_files').innerJoin('audit_batches', 'audit_batches.id', 'audit_files.batch_id')
    .select('audit_files.id').where('audit_files.batch_id', '=', batchId)
    .where('audit_batches.state', '=', 'reading').where('audit_files.state', '=', 'reading').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Puts every file being read back to pending (stopping a batch): the readers' results are then discarded. */
export async function releaseClaims(db: Q, batchId: number): Promise<void> {
  await db.updateTable('audit_files').set({ state: 'pending', claim: null, claimed_at: null })
    .where('batch_id', '=', batchId).where('state', '=', 'reading').execute();
}

/** Makes every file of a batch pending again (a re-run), except files refused at intake: they have nothing to read. */
export async function resetFiles(db: Q, batchId: number): Promise<void> {
  await db.updateTable('audit_files').set({ state: 'pending', claim: null, claimed_at: null }).where('batch_id', '=', batchId)
    .where((eb) => eb.or([eb('state', '!=', 'failed'), eb('read_id', 'is not', null)])).execute();
}

/**
 * Records a finished read on the file once: only while the file is still claimed by this reader (a stop or a re-run
 * in between takes the claim away, and the read is then dropped). Returns whether it was recorded.
 */
export async function finishFile(db: Q, fileId: number, claim: string, fields: Partial<Omit<AuditFileRowDb, 'id' | 'batch_id' | 'position' | 'name' | 'size' | 'sha256'>>): Promise<boolean> {
  const result = await db.updateTable('audit_files').set({ ...fields, claim: null, claimed_at: null })
    .where('id', '=', fileId).where('state', '=', 'reading').where('claim', '=', claim).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Reads and findings.

/** Inserts a read, returning its id. */
export async function insertRead(db: Q, row: Omit<AuditReadRow, 'id'>): Promise<number> {
  return (await db.insertInto('audit_reads').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts the findings of a read. */
export async function insertFindings(db: Q, rows: ReadonlyArray<Omit<AuditFindingRow, 'id'>>): Promise<void> {
  // In slices: one statement per slice keeps the number of bound parameters small on both engines.
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('audit_findings').values(rows.slice(i, i + 100)).execute();
}

/** The compact result of a read. */
export async function findRead(db: Q, readId: number): Promise<AuditReadRow | undefined> {
  return db.selectFrom('audit_reads').selectAll().where('id', '=', readId).executeTakeFirst();
}

/** The findings of reads, in order. */
export function findingsOfReads(db: Q, readIds: readonly number[]): Promise<AuditFindingRow[]> {
  if (readIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('audit_findings').selectAll().where('read_id', 'in', readIds).orderBy('read_id').orderBy('position').execute();
}

// Decisions (events; the latest per key is the decision).

/** The current decisions of a file's findings in an agency's scope, by fingerprint. */
export async function currentDecisions(db: Q, agencyId: number, sha256s: readonly string[]): Promise<Map<string, AuditDecisionRow>> {
  if (sha256s.length === 0) return new Map();
  const rows = await db.selectFrom('audit_decisions').selectAll()
    .where('agency_id', '=', agencyId).where('sha256', 'in', [...new Set(sha256s)]).orderBy('id').execute();
  // Later events replace earlier ones.
  return new Map(rows.map((r) => [`${r.sha256}:${r.fingerprint}`, r]));
}

/** Appends a decision event. */
export async function insertDecision(db: Q, row: Omit<AuditDecisionRow, 'id'>): Promise<AuditDecisionRow> {
  return db.insertInto('audit_decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

// Comparisons.

/** Done reads of files in these agencies' batches, newest first (optionally one agency name, or one year). */
export function comparableReads(db: Q, agencyIds: readonly number[], where: { agencyName?: string; year?: number }) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  let query = db.selectFrom('audit_files as f')
    .innerJoin('audit_batches as b', 'b.id', 'f.batch_id')
    .innerJoin('audit_reads as r', 'r.id', 'f.read_id')
    .select(['f.id as file_id', 'f.name', 'r.id as read_id', 'r.agency_name', 'r.year', 'r.format', 'r.figures'])
    .where('b.agency_id', 'in', agencyIds).where('f.state', '=', 'done').where('r.state', '=', 'done');
  if (where.agencyName !== undefined) query = query.where('r.agency_name', '=', where.agencyName);
  if (where.year !== undefined) query = query.where('r.year', '=', where.year);
  return query.orderBy('r.id', 'desc').execute();
}
