/**
 * Shapes of the JSON the server's API returns. They are the server's own types, imported as
 * types only (erased by the build: nothing of the server is bundled), so the web cannot drift
 * from what the API sends; the HTTP-level envelopes are declared here.
 */
import type { Agency, AgencyKind } from '../../src/agencies/agency.service.js';
import type { CheckCell, CheckReport, CheckResult } from '../../src/core/checks/check-types.js';
import type { ErrorPlace, ProblemDetail } from '../../src/core/errors.js';
import type { InterchangeCell, InterchangeReport, InterchangeSection } from '../../src/core/interchange/interchange-types.js';
import type { CellValue } from '../../src/core/report/report-model.js';
import type {
  ReportEvent, ReportStatus, ReportSummary, ReportVersionInfo,
} from '../../src/reports/report.service.js';

export type {
  Agency, AgencyKind, CheckCell, CheckReport, CheckResult, InterchangeCell, InterchangeReport, InterchangeSection,
  ReportEvent, ReportStatus, ReportSummary, ReportVersionInfo,
};

export type TableId = InterchangeCell['table'];
export type FormatId = InterchangeReport['format'];

/** A cell value as the checks report it (the core's CellValue). */
export type CheckCellValue = CellValue;

/** Where a problem is (the core's ErrorPlace). */
export type ProblemPlace = ErrorPlace;

/** One problem of a failing call (the core's ProblemDetail). */
export type Problem = ProblemDetail;

/** GET /api/reports/:id */
export interface ReportDetail {
  report: ReportSummary;
  document: InterchangeReport;
}

/** POST /api/reports/:id/check */
export interface CheckResponse {
  checks: CheckReport;
  report: ReportSummary;
}

/** Error body of every failing API call. */
export interface ApiErrorBody {
  code: string;
  message: string;
  problems?: Problem[];
}
