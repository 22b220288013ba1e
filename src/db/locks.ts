/**
 * Serialising writers that must not interleave, with ONE code for both engines. On PostgreSQL a row
 * lock (`select … for update`) or a transaction-scoped advisory lock makes concurrent transactions wait
 * their turn; in READ COMMITTED every later statement of the waiting transaction then sees what the one
 * before it committed. On SQLite there is nothing to do: a write transaction starts with BEGIN IMMEDIATE
 * (src/db/database.ts), so writers already run one after the other.
 *
 * Call these inside a transaction, before reading what the change is based on.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Whether the instance speaks PostgreSQL (the only engine whose writers run side by side). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Tables whose rows are locked one at a time by id. */
type LockableTable = 'agencies' | 'reports' | 'applications' | 'items' | 'catalogue_versions' | 'guide_versions' | 'monthly_checklists' | 'proposals' | 'matters';

/**
 * Locks one row until the end of the transaction (PostgreSQL `select … for update`): a second
 * transaction locking the same row waits until the first commits or rolls back. Returns whether the
 * row exists.
 */
export async function lockRow(db: Kysely<Database>, table: LockableTable, id: number): Promise<boolean> {
  if (!isPostgres(db)) return (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  return (await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined;
}

/**
 * Named locks for a whole kind of change: the working-day calendar is changed by one transaction at
 * a time ('exclusive'), while changes of cases that compute deadlines from it share it ('shared').
 */
export type LockName = 'calendar';

/** A stable 32-bit key for a lock name (PostgreSQL advisory locks are keyed by integers). */
function lockKey(name: LockName): number {
  let h = 0x2f1c_0a5b;
  for (const ch of `gongkai:${name}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x0100_0193);
  return h | 0;
}

/** Takes a named lock until the end of the transaction (PostgreSQL advisory lock; nothing on SQLite). */
export async function lockNamed(db: Kysely<Database>, name: LockName, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<void> {
  if (!isPostgres(db)) return;
  const key = lockKey(name);
  if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(${key})`.execute(db);
  else await sql`select pg_advisory_xact_lock(${key})`.execute(db);
}
