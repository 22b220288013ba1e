/**
 * What a case record is made of, apart from the use cases: the date in China of a timestamp, query codes,
 * text fields as entered, and the stored fields the statutory clock decides (with their snapshot for an
 * event's old → new).
 */
import { randomInt } from 'node:crypto';
import type { CaseClock } from '../core/applications/case-clock.js';
import { EVENT_NAMES } from '../core/applications/case-events.js';
import { getDecision } from '../core/applications/outcomes.js';
import { ValidationError } from '../core/errors.js';
import type { ApplicationEventRow } from './application.table.js';
import type { EventInput } from './application-procedure.js';

/** The date in China (UTC+8, no daylight saving) of an ISO timestamp. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random query code, 12 characters of an alphabet without look-alikes (60 bits): K7QF-9XMA-T2RD. */
export function newQueryCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]!);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A query code as typed: upper case, separators normalised. */
export function normaliseQueryCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

/** A required text field, trimmed, of at most `max` characters. */
export function required(value: unknown, label: string, field: string, max = 2000): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new ValidationError(`${label}不能为空`, { field });
  if (text.length > max) throw new ValidationError(`${label}不能超过${max}个字符`, { field });
  return text;
}

/** An optional text field: null when absent or blank. */
export function optional(value: unknown, label: string, field: string, max = 200): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return required(value, label, field, max);
}

/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The stored fields the clock decides, for old → new in events. */
export function snapshot(row: { state: string; due_on: string | null; decision: string | null; result_row: string | null; decided_on: string | null; closed_on: string | null; fee_method: string | null; fee_amount: number | null }) {
  return {
    state: row.state, dueOn: row.due_on, decision: row.decision, resultRow: row.result_row,
    decidedOn: row.decided_on, closedOn: row.closed_on, feeMethod: row.fee_method, feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
  };
}

/** The clock events of a case (record changes such as remedies are events too, but not the clock's). */
export function clockEvents(rows: readonly Pick<ApplicationEventRow, 'type' | 'data'>[]): EventInput[] {
  return rows.filter((r) => Object.hasOwn(EVENT_NAMES, r.type)).map((r) => JSON.parse(r.data) as EventInput);
}

/** The stored fields a computed clock sets. */
export function clockFields(clock: CaseClock) {
  const closed = clock.state === 'decided' || clock.state === 'abandoned' || clock.state === 'withdrawn';
  return {
    state: clock.state,
    due_on: clock.dueDate,
    decision: closed ? clock.decision ?? null : null,
    result_row: closed && clock.decision ? getDecision(clock.decision).row : null,
    decided_on: closed ? clock.closedOn ?? null : null,
    closed_on: closed ? clock.closedOn ?? null : null,
  };
}
