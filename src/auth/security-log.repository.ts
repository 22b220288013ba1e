/**
 * SQL for the security audit log (the only place that queries `security_events`): insert and read,
 * nothing else — the database refuses updates and deletes (migration 0010).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NewSecurityEventRow, SecurityEventRow } from './auth.table.js';

type Q = Kysely<Database>;

/** Appends one record. */
export async function insertSecurityEventRow(db: Q, row: NewSecurityEventRow): Promise<void> {
  await db.insertInto('security_events').values(row).execute();
}

/** Filters of the log. */
export interface SecurityLogFilter {
  type?: string;
  login?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** Records newest first, filtered and paged by id. */
export function listSecurityEventRows(db: Q, filter: SecurityLogFilter): Promise<SecurityEventRow[]> {
  let query = db.selectFrom('security_events').selectAll();
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.login) query = query.where((eb) => eb.or([eb('login', '=', filter.login!), eb('actor_name', '=', filter.login!)]));
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
