/**
 * The one database schema, shared by SQLite and PostgreSQL. Portable conventions: dates are
 * YYYY-MM-DD text, timestamps ISO text, booleans 0/1 integers, JSON documents text.
 */
import type { AgencyTable } from '../agencies/agency.table.js';
import type {
  AuditBatchEventTable, AuditBatchTable, AuditDecisionTable, AuditFileTable, AuditFindingTable, AuditReadTable,
} from '../audit/audit-batch.table.js';
import type { ApplicantDetailsTable, ApplicationEventTable, ApplicationTable, RemedyTable } from '../applications/application.table.js';
import type { RoleGrantTable, SecurityEventTable, SessionTable, UserTable } from '../auth/auth.table.js';
import type { CalendarDayTable, CalendarEventTable, CalendarYearTable } from '../calendar/calendar.table.js';
import type {
  Art20CountTable, BlobTable, CatalogueNodeTable, CatalogueVersionTable, ChannelPublicationTable, ChecklistEntryTable,
  DisclosureEventTable, GuideVersionTable, ItemTable, ItemVersionTable, MonthlyChecklistTable, PiiFindingTable, ReviewStepTable,
} from '../disclosure/disclosure.table.js';
import type {
  HallMonthTable, MatterOfficeTable, MatterTable, MatterThemeTable, MatterVersionTable, ServiceHallTable,
} from '../matters/matters.table.js';
import type { SearchDocumentTable } from '../search/search.table.js';
import type { PublicationGenerationTable } from './publication-generation.js';
import type { NumberSequenceTable } from './sequences.js';
import type { ReportCorrectionTable, ReportEventTable, ReportTable, ReportTextDraftTable, ReportVersionTable } from '../reports/report.table.js';
import type { ProposalEventTable, ProposalTable } from '../proposals/proposal.table.js';

export interface Database {
  agencies: AgencyTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_events: ReportEventTable;
  report_text_drafts: ReportTextDraftTable;
  report_corrections: ReportCorrectionTable;
  proposals: ProposalTable;
  proposal_events: ProposalEventTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  calendar_events: CalendarEventTable;
  applications: ApplicationTable;
  applicant_details: ApplicantDetailsTable;
  application_events: ApplicationEventTable;
  remedies: RemedyTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  security_events: SecurityEventTable;
  number_sequences: NumberSequenceTable;
  catalogue_nodes: CatalogueNodeTable;
  catalogue_versions: CatalogueVersionTable;
  guide_versions: GuideVersionTable;
  items: ItemTable;
  item_versions: ItemVersionTable;
  blobs: BlobTable;
  review_steps: ReviewStepTable;
  pii_findings: PiiFindingTable;
  channel_publications: ChannelPublicationTable;
  monthly_checklists: MonthlyChecklistTable;
  checklist_entries: ChecklistEntryTable;
  art20_counts: Art20CountTable;
  disclosure_events: DisclosureEventTable;
  search_documents: SearchDocumentTable;
  publication_generations: PublicationGenerationTable;
  audit_batches: AuditBatchTable;
  audit_batch_events: AuditBatchEventTable;
  audit_files: AuditFileTable;
  audit_reads: AuditReadTable;
  audit_findings: AuditFindingTable;
  audit_decisions: AuditDecisionTable;
  matter_offices: MatterOfficeTable;
  matter_themes: MatterThemeTable;
  matters: MatterTable;
  matter_versions: MatterVersionTable;
  service_halls: ServiceHallTable;
  hall_months: HallMonthTable;
}
