/**
 * Shapes of the JSON the server's API returns. The interchange document's types come from the
 * core (types only, nothing of the core is bundled); the rest mirror the services' types.
 */
import type { InterchangeCell, InterchangeReport, InterchangeSection } from '../../src/core/interchange/interchange-types.js';

export type { InterchangeCell, InterchangeReport, InterchangeSection };

export type TableId = InterchangeCell['table'];
export type FormatId = InterchangeReport['format'];
export type ReportStatus = 'draft' | 'checked' | 'published';
export type AgencyKind = 'government' | 'department' | 'unit';

export interface Agency {
  id: number;
  name: string;
  parentId: number | null;
  kind: AgencyKind;
  createdAt: string;
}

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
}

/** GET /api/reports/:id */
export interface ReportDetail {
  report: ReportSummary;
  document: InterchangeReport;
}

/** A cell value as the checks report it (the core's CellValue). */
export type CheckCellValue = number | null | { amount: number; unit: string | null } | { written: string };

export interface CheckCell {
  key: string;
  table: TableId;
  row: string[];
  column: string[];
  value: CheckCellValue;
  side?: 'left' | 'right';
  of: 'current' | 'previous';
}

export interface CheckResult {
  id: string;
  ruleId: string;
  severity: 'error' | 'warning';
  status: 'pass' | 'fail' | 'skipped';
  title: string;
  expression: string;
  left: number | null;
  right: number | null;
  message?: string;
  cells: CheckCell[];
  /** The equation with names only, e.g. 一（自然人） + 二（自然人） = （七）总计（自然人） + 四（自然人）. */
  equation?: string;
  /** The equation with the numbers, e.g. 3 + 1 ≠ 2 + 1 (blank cells shown as 空白). */
  values?: string;
}

export interface CheckReport {
  results: CheckResult[];
  hardFailures: number;
  warnings: number;
  ok: boolean;
}

/** POST /api/reports/:id/check */
export interface CheckResponse {
  checks: CheckReport;
  report: ReportSummary;
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

/** Where a problem is (the core's ErrorPlace). */
export interface ProblemPlace {
  field?: string;
  cell?: { table: string; row: string[]; column: string[] };
  index?: number;
  line?: number;
}

export interface Problem {
  message: string;
  place?: ProblemPlace;
}

/** Error body of every failing API call. */
export interface ApiErrorBody {
  code: string;
  message: string;
  problems?: Problem[];
}
