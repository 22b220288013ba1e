/**
 * The period lock (issue 4 §7): once an agency's annual report is published, its tables 三 and 四 are the
 * statutory record (条例 Art. 49–50). A change to a case that would alter one of their cells is refused
 * (ConflictError PERIOD_LOCKED, naming the report and every cell with old → new) unless an override,
 * approved by a named person with a reason, is given; the caller records the override as events.
 *
 * How "would alter" is decided: the case's footprint in each published year's tables (the very queries
 * that compute the tables, restricted to the one case) is taken before and after the change, inside the
 * caller's transaction. The change is made, compared, and rolled back with the transaction when refused.
 */
import type { Kysely } from 'kysely';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { FormatId } from '../core/format/format-types.js';
import { cellDef, getFormat } from '../core/format/registry.js';
import { showPath } from '../core/interchange/labels.js';
import type { Database } from '../db/schema.js';
import { requireTransaction } from '../db/transaction.js';
import { applicationTables } from '../statistics/statistics.service.js';
import { listReportRows } from './report.repository.js';

/** An authorized exception to the lock: who approved it and why (both recorded). */
export interface LockOverride {
  reason: string;
  approver: string;
}

/** A published cell the change alters. */
export interface AlteredCell {
  key: string;
  table: string;
  row: string[];
  column: string[];
  old: number;
  new: number;
}

/** A published report and the cells of it a change alters. */
export interface AlteredReport {
  reportId: number;
  agencyName: string;
  year: number;
  cells: AlteredCell[];
}

interface PublishedPeriod {
  reportId: number;
  agencyName: string;
  year: number;
  format: FormatId;
}

/** Which cases the change touches: the agency, the first year it can affect, and the case (null: a new case). */
export interface LockScope {
  agencyId: number;
  fromYear: number;
  applicationId: number | null;
}

/** Checks an override as entered: both the approver and the reason are required. */
export function parseOverride(value: unknown): LockOverride | undefined {
  if (value === undefined || value === null) return undefined;
  const o = value as Partial<Record<keyof LockOverride, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const approver = text(o.approver);
  const reason = text(o.reason);
  if (!approver) throw new ValidationError('变更已发布年度报告的统计数据须写明批准人（override.approver）', { field: 'override.approver' });
  if (reason.length < 4) throw new ValidationError('变更已发布年度报告的统计数据须写明理由（override.reason，至少 4 个字）', { field: 'override.reason' });
  if (approver.length > 100 || reason.length > 2000) throw new ValidationError('批准人或理由过长', { field: 'override' });
  return { approver, reason };
}

async function publishedPeriods(db: Kysely<Database>, scope: LockScope): Promise<PublishedPeriod[]> {
  // A report being corrected (更正) is still the published record: its period stays locked until the corrected
  // version replaces it, and from then on the lock guards the corrected figures (the cases they were counted from).
  const rows = await listReportRows(db, { agencyId: scope.agencyId, onPortal: true });
  return rows.filter((r) => r.year >= scope.fromYear).map((r) => ({ reportId: r.id, agencyName: r.agency_name, year: r.year, format: r.format as FormatId }));
}

async function footprint(db: Kysely<Database>, period: PublishedPeriod, agencyId: number, applicationId: number | null): Promise<Record<string, number>> {
  if (applicationId === null) return {};
  return (await applicationTables(db, { agencyId, year: period.year, format: period.format, applicationId })).cells;
}

function altered(period: PublishedPeriod, before: Record<string, number>, after: Record<string, number>): AlteredCell[] {
  const format = getFormat(period.format);
  const cells: AlteredCell[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key] ?? 0;
    const now = after[key] ?? 0;
    if (old === now) continue;
    const def = cellDef(format, key)!;
    cells.push({ key, table: def.table, row: def.rowPath, column: def.columnPath, old, new: now });
  }
  return cells;
}

/** The refusal: every altered cell of every published report, with old → new. */
function lockedError(reports: AlteredReport[]): ConflictError {
  const names = reports.map((r) => `${r.agencyName}${r.year}年度报告`).join('、');
  const count = reports.reduce((n, r) => n + r.cells.length, 0);
  return new ConflictError(
    `${names}已发布，此项变更将改变其中 ${count} 个统计数据；如确需变更，须经批准并写明理由（override）`,
    'PERIOD_LOCKED',
    reports.flatMap((r) => r.cells.map((c) => ({
      message: `${r.year}年度报告 表${c.table} ${showPath(c.row)} × ${showPath(c.column)}：${c.old} → ${c.new}`,
      place: { cell: { table: c.table, row: c.row, column: c.column } },
    }))),
  );
}

/**
 * Runs `change` under the period lock: the case's footprint in every published year from
 * `scope.fromYear` on is compared before and after. Altered cells without an override → the
 * PERIOD_LOCKED error (the caller's transaction rolls the change back); with one, the altered reports
 * are returned so the caller records the override. `change` returns its value and the case it touched.
 * `db` must be the caller's transaction (refused otherwise): a refusal is only safe when it rolls back.
 */
export async function withPeriodLock<T>(
  db: Kysely<Database>, scope: LockScope, override: LockOverride | undefined,
  change: () => Promise<{ value: T; applicationId: number }>,
): Promise<{ value: T; applicationId: number; altered: AlteredReport[] }> {
  requireTransaction(db, 'The period lock (withPeriodLock)');
  const periods = await publishedPeriods(db, scope);
  if (periods.length === 0) return { ...(await change()), altered: [] };
  const before = await Promise.all(periods.map((p) => footprint(db, p, scope.agencyId, scope.applicationId)));
  const { value, applicationId } = await change();
  const after = await Promise.all(periods.map((p) => footprint(db, p, scope.agencyId, applicationId)));
  const reports = periods
    .map((p, i) => ({ reportId: p.reportId, agencyName: p.agencyName, year: p.year, cells: altered(p, before[i]!, after[i]!) }))
    .filter((r) => r.cells.length > 0);
  if (reports.length > 0 && !override) throw lockedError(reports);
  return { value, applicationId, altered: reports };
}
