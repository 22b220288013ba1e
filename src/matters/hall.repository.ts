/**
 * SQL of the service halls (`service_halls`) and their monthly figures (`hall_months`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { HallMonthRow, ServiceHallRow } from './matters.table.js';

type Q = Kysely<Database>;

export function listHallRows(db: Q, agencyId: number): Promise<ServiceHallRow[]> {
  return db.selectFrom('service_halls').selectAll().where('agency_id', '=', agencyId).where('archived', '=', 0).orderBy('id').execute();
}

export function findHallRow(db: Q, id: number): Promise<ServiceHallRow | undefined> {
  return db.selectFrom('service_halls').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHallByName(db: Q, agencyId: number, name: string): Promise<ServiceHallRow | undefined> {
  return db.selectFrom('service_halls').selectAll().where('agency_id', '=', agencyId).where('name', '=', name).executeTakeFirst();
}

export function insertHallRow(db: Q, row: { agency_id: number; name: string; level: string; created_at: string; created_by: string }): Promise<ServiceHallRow> {
  return db.insertInto('service_halls').values({ ...row, archived: 0 }).returningAll().executeTakeFirstOrThrow();
}

export function findHallMonth(db: Q, hallId: number, month: string): Promise<HallMonthRow | undefined> {
  return db.selectFrom('hall_months').selectAll().where('hall_id', '=', hallId).where('month', '=', month).executeTakeFirst();
}

export function insertHallMonth(db: Q, row: Omit<HallMonthRow, 'id'>): Promise<HallMonthRow> {
  return db.insertInto('hall_months').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateHallMonth(db: Q, id: number, row: Partial<Omit<HallMonthRow, 'id' | 'hall_id' | 'month'>>): Promise<void> {
  await db.updateTable('hall_months').set(row).where('id', '=', id).execute();
}

/** Every figure of an agency's halls in a year (months YYYY-01 … YYYY-12). */
export function hallMonthsOfYear(db: Q, agencyId: number, year: number) {
  return db.selectFrom('hall_months as f').innerJoin('service_halls as h', 'h.id', 'f.hall_id')
    .select(['f.hall_id', 'h.name as hall_name', 'h.level', 'f.month', 'f.windows', 'f.matters', 'f.transactions', 'f.certificates_mailed'])
    .where('h.agency_id', '=', agencyId).where('f.month', '>=', `${year}-01`).where('f.month', '<=', `${year}-12`)
    .orderBy('f.hall_id').orderBy('f.month').execute();
}
