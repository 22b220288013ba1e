/**
 * 更正: correcting a published annual report. A published report is the statutory record (条例 Art. 49–50) and is
 * never edited in place; when it holds an error, the agency publishes a corrected version through the same chain
 * (初审 → 保密审查 → 核审签发 → 发布) with the reason stated, and the public keeps access to what was published before.
 *
 * How: starting a correction (reason required) copies the published version into a new draft version and puts the
 * report back to draft at the start of the chain, while `published_version` keeps pointing at the published one —
 * so the portal, the search index and the period lock go on seeing the published report until the corrected
 * version is itself published (report.service publish closes the correction and moves `published_version`).
 * Only one correction is open at a time: the reopening is a conditional update (status published, at the version
 * read) and the open correction row is unique per report, so of two concurrent starts exactly one succeeds.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { chinaTime } from './report-versions.js';
import {
  findVersionRow, insertCorrectionRow, insertVersionRow, listCorrectionRows, publicVersionOf, reopenForCorrection, type ReportWithAgencyRow,
} from './report.repository.js';

/** The shortest and longest reason accepted (the reason is published with the corrected report). */
export const MIN_REASON = 4;
export const MAX_REASON = 500;

/** A correction of a report as shown to officers and readers. */
export interface ReportCorrection {
  id: number;
  /** The published version that was corrected. */
  fromVersion: number;
  reason: string;
  startedAt: string;
  startedBy: string;
  /** The corrected version once published; null while the correction is in progress. */
  publishedVersion: number | null;
  publishedAt: string | null;
}

/** Checks the reason of a correction: required, 4–500 characters (it is shown on the portal). */
export function correctionReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length < MIN_REASON) {
    throw new ValidationError(`更正已发布的年度报告须写明更正说明（至少 ${MIN_REASON} 个字），该说明将随更正后的报告一并公开`, { field: 'reason' });
  }
  if (reason.length > MAX_REASON) throw new ValidationError(`更正说明不得超过 ${MAX_REASON} 个字`, { field: 'reason' });
  return reason;
}

function conflict(row: ReportWithAgencyRow): ConflictError {
  return new ConflictError(`${row.agency_name}${row.year}年度报告已有正在进行的更正，请在该更正中修改，或刷新后查看`, 'CORRECTION_OPEN');
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(err?.code ?? '') || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/**
 * Starts the correction of a published report (`row`, locked by the caller): version n+1 is a copy of the
 * published version n, the report is a draft again at the start of the chain, and the correction is recorded.
 * Refused for a report that is not published (a draft is simply edited) or already being corrected.
 */
export async function startCorrection(q: Kysely<Database>, row: ReportWithAgencyRow, reason: string, actor: Actor, at: string): Promise<number> {
  if (row.status !== 'published') {
    if (publicVersionOf(row) !== null) throw conflict(row);
    throw new ConflictError(`${row.agency_name}${row.year}年度报告尚未发布，直接修改即可，无需更正`, 'REPORT_NOT_PUBLISHED');
  }
  const published = await findVersionRow(q, row.id, row.current_version);
  if (!published) throw new Error(`report ${row.id} has no version ${row.current_version}`);
  const version = row.current_version + 1;
  try {
    if (await reopenForCorrection(q, row.id, row.current_version, version, at) !== 1) throw conflict(row);
    await insertCorrectionRow(q, {
      report_id: row.id, from_version: row.current_version, reason, started_at: at, started_by: actor.name, started_by_id: actor.id,
      published_version: null, published_at: null,
    });
    await insertVersionRow(q, {
      report_id: row.id, version, document: published.document, actor: actor.name, actor_id: actor.id, created_at: at,
      note: `更正：${reason}`,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(row);
    throw e;
  }
  return version;
}

/** The corrections of a report, oldest first. */
export async function reportCorrections(q: Kysely<Database>, reportId: number): Promise<ReportCorrection[]> {
  return (await listCorrectionRows(q, reportId)).map((c) => ({
    id: Number(c.id), fromVersion: c.from_version, reason: c.reason, startedAt: c.started_at, startedBy: c.started_by,
    publishedVersion: c.published_version, publishedAt: c.published_at,
  }));
}

/** The versions that were on the portal before the current one (each replaced by a published correction). */
export function earlierPublishedVersions(corrections: readonly ReportCorrection[]): number[] {
  return corrections.filter((c) => c.publishedAt !== null).map((c) => c.fromVersion);
}

/** The notice of a corrected report: 本报告已于 2026年3月2日更正（更正说明：…）. */
export function correctionNotice(correction: ReportCorrection): string {
  const day = chinaTime(correction.publishedAt!).slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  return `本报告已于 ${y} 年 ${m} 月 ${d} 日更正（更正说明：${correction.reason}）`;
}
