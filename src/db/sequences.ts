/**
 * Number sequences (登记号, and later 索引号): one counter row per scope in `number_sequences`, advanced
 * by `update … set next = next + 1 … returning` inside the caller's transaction. On PostgreSQL the
 * update locks the row, so concurrent transactions take their numbers one after the other and never
 * the same one; on SQLite writers are serialised anyway. A number is used up only when the transaction
 * commits: a rolled-back transaction gives its number back.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The row of a sequence: `next` is the number the next call hands out. */
export interface NumberSequenceTable {
  scope: string;
  next: number;
}

/**
 * The first number of a new scope, or a function computing it (e.g. from numbers handed out before
 * the sequence existed). Only consulted when the scope has no row yet.
 */
export type SequenceStart = number | (() => Promise<number>);

async function advance(db: Kysely<Database>, scope: string): Promise<number | undefined> {
  const row = await db.updateTable('number_sequences')
    .set((eb) => ({ next: eb('next', '+', 1) }))
    .where('scope', '=', scope)
    .returning('next')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.next) - 1;
}

/**
 * Hands out the next number of `scope` (1, 2, 3 … unless `start` says otherwise). Call it inside the
 * transaction that uses the number. A scope seen for the first time is created with `start`; if two
 * transactions create it at once, the second waits for the first and continues from its row.
 */
export async function nextNumber(db: Kysely<Database>, scope: string, start: SequenceStart = 1): Promise<number> {
  const taken = await advance(db, scope);
  if (taken !== undefined) return taken;
  const first = typeof start === 'function' ? await start() : start;
  await db.insertInto('number_sequences').values({ scope, next: first })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  const after = await advance(db, scope);
  if (after === undefined) throw new Error(`number sequence ${scope} could not be created`);
  return after;
}

/** The number `scope` would hand out next, without taking it (null: the scope has not been used). */
export async function peekNumber(db: Kysely<Database>, scope: string): Promise<number | null> {
  const row = await db.selectFrom('number_sequences').select('next').where('scope', '=', scope).executeTakeFirst();
  return row === undefined ? null : Number(row.next);
}
