/**
 * SQL for agencies (the only place that queries the `agencies` table). Takes a Kysely instance
 * or a transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AgencyRow, NewAgencyRow } from './agency.table.js';

type Q = Kysely<Database>;

/** All agencies not archived, by id. */
export function listAgencyRows(db: Q): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().where('archived', '=', 0).orderBy('id').execute();
}

/** One agency by id (archived ones included: old reports still name them). */
export function findAgencyRow(db: Q, id: number): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One agency by exact name. */
export function findAgencyRowByName(db: Q, name: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Inserts an agency and returns its row. */
export async function insertAgencyRow(db: Q, row: NewAgencyRow): Promise<AgencyRow> {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Number of agencies, archived included. */
export async function countAgencyRows(db: Q): Promise<number> {
  const { n } = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
