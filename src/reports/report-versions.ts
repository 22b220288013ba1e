/**
 * A report's stored versions: reading one as a document, and refusing a save that was edited from an
 * older version than the current one (STALE_VERSION, listing what changed in between).
 */
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { ReportDocument } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { describeChanges } from './report-diff.js';
import { findVersionRow, type ReportWithAgencyRow } from './report.repository.js';

type Q = Kysely<Database>;

/** An ISO timestamp as China time, to the minute: 2024-03-01 16:00. */
export const chinaTime = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The China date (UTC+8) of an ISO timestamp: the day a publication is recorded on, the default as-of day. */
export const chinaDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** One version of a report as a document (404 when there is no such version). */
export async function loadDocument(q: Q, reportId: number, version: number): Promise<ReportDocument> {
  const row = Number.isSafeInteger(version) ? await findVersionRow(q, reportId, version) : undefined;
  if (!row) throw new NotFoundError(`年度报告（编号 ${reportId}）没有第 ${version} 版`);
  return JSON.parse(row.document) as ReportDocument;
}

/**
 * Refuses a save based on an older version than the current one (STALE_VERSION): the problems list
 * every cell and field that changed since, with its official labels, so nobody's work is overwritten
 * unseen. Without `baseVersion` (CLI, import) nothing is checked.
 */
export async function checkBase(q: Q, row: ReportWithAgencyRow, baseVersion: number | undefined): Promise<void> {
  if (baseVersion === undefined || baseVersion === row.current_version) return;
  if (!Number.isSafeInteger(baseVersion) || baseVersion < 1 || baseVersion > row.current_version) {
    throw new ValidationError(
      `所依据的版本号 baseVersion（${String(baseVersion)}）无效：${row.agency_name}${row.year}年度报告现有第 1 至第 ${row.current_version} 版`,
      { field: 'baseVersion' },
    );
  }
  const [base, current, latest] = await Promise.all([
    loadDocument(q, row.id, baseVersion), loadDocument(q, row.id, row.current_version), findVersionRow(q, row.id, row.current_version),
  ]);
  const changes = describeChanges(base, current);
  const by = latest ? `（最近一次由 ${latest.actor} 于 ${chinaTime(latest.created_at)} 保存）` : '';
  const what = changes.length > 0 ? `其间有 ${changes.length > 49 ? '50 处以上' : `${changes.length} 处`}内容被修改，见下列各项` : '其间内容未变';
  throw new ConflictError(
    `保存未成功：您所编辑的是${row.agency_name}${row.year}年度报告第 ${baseVersion} 版，该报告已被他人更新至第 ${row.current_version} 版${by}，${what}。`
      + '为避免覆盖他人的修改，请重新打开报告，核对后再次修改并保存。',
    'STALE_VERSION',
    changes,
  );
}
