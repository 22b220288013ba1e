/**
 * The security audit log: one function to append a record (used by sign-in, user administration,
 * personal-data views and overrides), reading with filters, and the xlsx export for the audit admin.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../core/access/security-events.js';
import type { Database } from '../db/schema.js';
import { insertSecurityEventRow, listSecurityEventRows, type SecurityLogFilter } from './security-log.repository.js';

/** One record to append. */
export interface SecurityRecord {
  type: SecurityEventType;
  success: boolean;
  actor?: Actor | null;
  login?: string | null;
  target?: string | null;
  /** Never a password, token, query code or an applicant's personal data. */
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

/** A record as read back. */
export interface SecurityEvent {
  id: number;
  at: string;
  type: string;
  typeName: string;
  success: boolean;
  actorId: number | null;
  actorName: string | null;
  login: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

/** Appends a record to the security log (inside the caller's transaction). */
export async function recordSecurityEvent(db: Kysely<Database>, clock: Clock, record: SecurityRecord): Promise<void> {
  await insertSecurityEventRow(db, {
    at: clock(), type: record.type, success: record.success ? 1 : 0,
    actor_id: record.actor?.id ?? null, actor_name: record.actor?.name ?? null,
    login: record.login ?? null, target: record.target ?? null,
    detail: record.detail ? JSON.stringify(record.detail) : null, ip: record.ip ?? null,
  });
}

/** Reads the log, newest first. */
export async function listSecurityEvents(db: Kysely<Database>, filter: Partial<SecurityLogFilter>): Promise<SecurityEvent[]> {
  const rows = await listSecurityEventRows(db, { ...filter, limit: Math.min(filter.limit ?? 100, 10_000) });
  return rows.map((r) => ({
    id: r.id, at: r.at, type: r.type,
    typeName: SECURITY_EVENT_TYPES[r.type as SecurityEventType] ?? r.type,
    success: r.success === 1, actorId: r.actor_id, actorName: r.actor_name, login: r.login, target: r.target,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null, ip: r.ip,
  }));
}
