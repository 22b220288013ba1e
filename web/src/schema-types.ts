/**
 * Request and response shapes of the case, calendar and statistics API, taken from the server's TypeBox
 * schemas (`Static<typeof …>`, types only: nothing of the server is bundled), so the screens cannot drift
 * from what the API validates and sends.
 */
import type { Static } from 'typebox';
import type {
  AssignBody, PendingDeadlinesSchema, ReceiveBody, RemedyBody, RemedyResultBody, RemedySchema,
} from '../../src/applications/application.schema.js';
import type {
  CalendarDaySchema, CalendarYearSchema, CalendarYearsSchema, DeadlineSchema, SetYearBody, SetYearResponse,
} from '../../src/calendar/calendar.schema.js';
import type { ApplicationTablesSchema, CellCasesSchema } from '../../src/statistics/statistics.schema.js';
import type {
  AgencyReadinessSchema, PortalReadinessSchema, ReadinessColumnSchema, ReadinessOfficeSchema,
} from '../../src/disclosure/portal-readiness.schema.js';

/** POST /api/applications */
export type ReceiveRequest = Static<typeof ReceiveBody>;
/** POST /api/applications/:id/assign */
export type AssignRequest = Static<typeof AssignBody>;
/** POST /api/applications/:id/remedies */
export type RemedyRequest = Static<typeof RemedyBody>;
/** POST /api/applications/:id/remedies/:remedyId/result */
export type RemedyResultRequest = Static<typeof RemedyResultBody>;
/** A remedy as the API returns it. */
export type RemedyView = Static<typeof RemedySchema>;
/** The warnings' group of cases whose deadline waits for next year's holiday notice. */
export type PendingDeadlines = Static<typeof PendingDeadlinesSchema>;

/** GET /api/calendar/years */
export type CalendarYears = Static<typeof CalendarYearsSchema>;
/** GET /api/calendar/:year */
export type CalendarYear = Static<typeof CalendarYearSchema>;
/** One day off or make-up working day. */
export type CalendarDay = Static<typeof CalendarDaySchema>;
/** PUT /api/calendar/:year body and answer. */
export type SetYearRequest = Static<typeof SetYearBody>;
export type SetYearResult = Static<typeof SetYearResponse>;
/** GET /api/calendar/deadline */
export type DeadlineResult = Static<typeof DeadlineSchema>;

/** GET /api/agencies/:id/application-tables */
export type ApplicationTables = Static<typeof ApplicationTablesSchema>;
/** GET /api/agencies/:id/application-tables/cases */
export type CellCases = Static<typeof CellCasesSchema>;

/** GET /api/agencies/:agencyId/portal-readiness */
export type PortalReadiness = Static<typeof PortalReadinessSchema>;
/** One agency of the readiness report. */
export type AgencyReadiness = Static<typeof AgencyReadinessSchema>;
/** One column of the readiness report. */
export type ReadinessColumn = Static<typeof ReadinessColumnSchema>;
/** One office of the readiness report. */
export type ReadinessOffice = Static<typeof ReadinessOfficeSchema>;

export type {
  AuditBatch, AuditBatchPage, AuditBatchState, AuditCellState, AuditCompareAgency, AuditCompareYear, AuditDecision, AuditDecisionKind,
  AuditDecisionRequest, AuditDetailCell, AuditDetailTable, AuditFileDetail, AuditFileRow, AuditFileState, AuditFilesFilter, AuditFinding,
  AuditFindingCell, AuditLabels, AuditAgainRequest, AuditSeverity, AuditSeverityFilter, AuditSort,
} from '../../src/audit/audit-batch.schema.js';
