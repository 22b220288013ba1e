/**
 * The shapes a report takes in the use cases and the API: its status, summary (with its review state), stored
 * document, versions and events, and the filter of the list; toSummary maps a stored row to its summary.
 */
import type { FormatId } from '../core/format/format-types.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { reviewStateOf } from './report-review.js';
import type { ReportWithAgencyRow } from './report.repository.js';

export type ReportStatus = 'draft' | 'checked' | 'published';
export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'checked', 'published'];
/** Chinese names of the statuses. */
export const STATUS_NAMES: Readonly<Record<ReportStatus, string>> = { draft: '草稿', checked: '已校验', published: '已发布' };

export interface ReportSummary {
  id: number;
  agencyId: number;
  agencyName: string;
  year: number;
  format: FormatId;
  status: ReportStatus;
  version: number;
  issuedOn: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Where the report stands in the review chain (初审, 保密审查, 核审签发) and its Chinese name. */
  reviewState: ReviewState;
  reviewStateName: string;
  /** The version under review or approved (null before the first submission). */
  reviewVersion: number | null;
  /** The version the portal shows (null: never published); during a correction the earlier published one. */
  publishedVersion: number | null;
  /** When the last correction (更正) was published; null when the report was never corrected. */
  correctedAt: string | null;
}

export interface StoredReport extends ReportSummary {
  document: ReportDocument;
}

export interface ReportVersionInfo {
  version: number;
  createdAt: string;
  actor: string;
  note: string | null;
}

export interface ReportEvent {
  id: number;
  reportId: number;
  at: string;
  actor: string;
  type: string;
  old: unknown;
  new: unknown;
}

export interface ReportFilter {
  agencyId?: number;
  /** Only these agencies (the ones the reader may see). */
  agencyIds?: readonly number[];
  year?: number;
  status?: ReportStatus;
  /** Only reports on the portal (published, also while being corrected). */
  onPortal?: boolean;
}

export function toSummary(row: ReportWithAgencyRow): ReportSummary {
  return {
    id: row.id, agencyId: row.agency_id, agencyName: row.agency_name, year: row.year, format: row.format as FormatId,
    status: row.status as ReportStatus, version: row.current_version, issuedOn: row.issued_on,
    createdAt: row.created_at, updatedAt: row.updated_at, publishedAt: row.published_at,
    reviewState: reviewStateOf(row), reviewStateName: REVIEW_STATES[reviewStateOf(row)], reviewVersion: row.review_version ?? null,
    publishedVersion: row.published_version ?? null, correctedAt: row.corrected_at ?? null,
  };
}
