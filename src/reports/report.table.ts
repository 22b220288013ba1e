/**
 * Row types of the report tables. A report row holds the state (status, current version); every
 * saved document is a row of `report_versions` (JSON text) and every change a row of
 * `report_events` (who, when, what: old → new as JSON text). Nothing is hard-deleted.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** FormatId: '2019' | '2021' */
  format: string;
  /** 'draft' | 'checked' | 'published' */
  status: string;
  current_version: number;
  /** YYYY-MM-DD or null. */
  issued_on: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** ReviewState of the review chain (src/core/disclosure/review-chain.ts); 'draft' until submitted. */
  review_state: Generated<string>;
  /** The report version under review or approved (null before the first submission). */
  review_version: number | null;
  /** The version the portal shows (null until first published); during a correction (更正) it stays the old one. */
  published_version: number | null;
  /** When the last correction was published (null: never corrected). */
  corrected_at: string | null;
}

/** A correction (更正) of a published report: started with a reason, closed when its version is published. */
export interface ReportCorrectionTable {
  id: Generated<number>;
  report_id: number;
  /** The published version being corrected. */
  from_version: number;
  reason: string;
  started_at: string;
  started_by: string;
  started_by_id: number | null;
  /** The corrected version once published; null while the correction is open. */
  published_version: number | null;
  published_at: string | null;
}

export interface ReportVersionTable {
  report_id: number;
  version: number;
  /** The ReportDocument as JSON text. */
  document: string;
  actor: string;
  /** The signed-in user who acted; null for a local operator (CLI, demo, system). */
  actor_id?: number | null;
  created_at: string;
  note: string | null;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  at: string;
  actor: string;
  /** The signed-in user who acted; null for a local operator (CLI, demo, system). */
  actor_id?: number | null;
  type: string;
  /** JSON text or null. */
  old: string | null;
  /** JSON text or null. */
  new: string | null;
}

/** A drafting of the report's prose from the data: the version saved and the marks of its figures (JSON). */
export interface ReportTextDraftTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  /** FigureMark[] of core/report/draft-text.ts as JSON text. */
  marks: string;
  /** The day the data was counted as of (YYYY-MM-DD). */
  as_of: string;
  actor: string;
  actor_id: number | null;
  created_at: string;
}

export type ReportRow = Selectable<ReportTable>;
export type NewReportRow = Insertable<ReportTable>;
export type ReportPatch = Updateable<ReportTable>;
export type ReportVersionRow = Selectable<ReportVersionTable>;
export type ReportEventRow = Selectable<ReportEventTable>;
export type NewReportEventRow = Insertable<ReportEventTable>;
export type ReportCorrectionRow = Selectable<ReportCorrectionTable>;
export type NewReportCorrectionRow = Insertable<ReportCorrectionTable>;
