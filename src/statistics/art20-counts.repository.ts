/**
 * SQL of the entered Art. 20 counts of table 二 (`art20_counts`): append-only, every entry a new row; the
 * latest entry of a cell entered at or before the as-of moment is the one that counts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Art20CountRow } from '../disclosure/disclosure.table.js';

type Q = Kysely<Database>;

/** A stored entry (the table's row: disclosure.table.ts). */
export type { Art20CountRow };

/** Appends an entry and returns it. */
export async function insertArt20Count(db: Q, row: Omit<Art20CountRow, 'id'>): Promise<Art20CountRow> {
  const stored = await db.insertInto('art20_counts').values(row).returningAll().executeTakeFirstOrThrow();
  return { ...stored, id: Number(stored.id), value: Number(stored.value) };
}

/**
 * Every entry of an agency's year entered before `before` (an ISO timestamp; every entry when omitted),
 * oldest first per cell: the caller takes the last of each cell as the one that counts and may show the rest as history.
 */
export async function listArt20Counts(db: Q, agencyId: number, year: number, before?: string): Promise<Art20CountRow[]> {
  let q = db.selectFrom('art20_counts').selectAll().where('agency_id', '=', agencyId).where('year', '=', year);
  if (before !== undefined) q = q.where('entered_at', '<', before);
  const rows = await q.orderBy('cell').orderBy('entered_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), value: Number(r.value) }));
}
