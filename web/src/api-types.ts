/**
 * Shapes of the JSON the server's API returns. They are the server's own types, imported as
 * types only (erased by the build: nothing of the server is bundled), so the web cannot drift
 * from what the API sends; the HTTP-level envelopes are declared here.
 */
import type { Static } from 'typebox';
import type { Agency, AgencyKind } from '../../src/agencies/agency.service.js';
import type { OverrideSchema } from '../../src/applications/application.schema.js';
import type {
  GrantBody, NewUserBody, RoleInfo, SecurityEventInfo, SecurityLogQuery, SessionInfo, UserChangesBody, UserInfo, UserWithPasswordSchema,
} from '../../src/auth/auth.schema.js';
import type { Permission } from '../../src/core/access/permissions.js';
import type {
  ApplicationDetail, ApplicationEvent, ApplicationSummary, Remedy,
} from '../../src/applications/application-view.js';
import type { AgencyWarnings, CaseWarnings, OfficeWarnings, WarningGroup, WarningItem } from '../../src/applications/application-warnings.js';
import type { EventInput } from '../../src/applications/application.service.js';
import type { CaseClock, CaseState } from '../../src/core/applications/case-clock.js';
import type { CaseEvent } from '../../src/core/applications/case-events.js';
import type { DecisionKey } from '../../src/core/applications/outcomes.js';
import type { Channel } from '../../src/core/applications/receipt-date.js';
import type { CheckCell, CheckReport, CheckResult } from '../../src/core/checks/check-types.js';
import type { ErrorPlace, ProblemDetail } from '../../src/core/errors.js';
import type { InterchangeCell, InterchangeReport, InterchangeSection } from '../../src/core/interchange/interchange-types.js';
import type { CellValue } from '../../src/core/report/report-model.js';
import type {
  ReportEvent, ReportStatus, ReportSummary, ReportVersionInfo,
} from '../../src/reports/report.service.js';

export type {
  Agency, AgencyKind, AgencyWarnings, ApplicationDetail, ApplicationEvent, ApplicationSummary, CaseClock, Channel, CaseState, CaseWarnings, DecisionKey,
  OfficeWarnings, Remedy, WarningGroup, WarningItem, CheckCell, CheckReport, CheckResult, InterchangeCell, InterchangeReport, InterchangeSection,
  ReportEvent, ReportStatus, ReportSummary, ReportVersionInfo,
};

export type { Permission, RoleInfo, SecurityEventInfo, SessionInfo, UserInfo };

/** A user as created or reset: with the generated initial password, shown once. */
export type UserWithPassword = Static<typeof UserWithPasswordSchema>;
/** A new user (POST /api/users). */
export type NewUserInput = Static<typeof NewUserBody>;
/** Changes of a user (PATCH /api/users/:id). */
export type UserChanges = Static<typeof UserChangesBody>;
/** A role grant (POST /api/users/:id/grants). */
export type GrantInput = Static<typeof GrantBody>;
/** Filters and paging of the security log. */
export type SecurityLogFilter = Static<typeof SecurityLogQuery>;

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

/** Event types of a case's procedure (the core's CaseEvent). */
export type CaseEventType = CaseEvent['type'];

/** Event types staff record through POST /api/applications/:id/events (the receipt is recorded at intake). */
export type RecordableEventType = Exclude<CaseEventType, 'received'>;

/** Approval to change the figures of a published report's table 三/四 (period lock): the reason; the approver is the signed-in leader. */
export type PeriodLockOverride = Static<typeof OverrideSchema>;

/** Body of POST /api/applications/:id/events: the service's EventInput plus an optional override. */
export type ApplicationEventBody = Exclude<EventInput, { type: 'received' }> & { override?: PeriodLockOverride };

/** GET /api/applications filter. */
export interface ApplicationFilter {
  agencyId?: number;
  open?: boolean;
}
