/**
 * The schema migrations: ONE list for SQLite and PostgreSQL, applied by Kysely's Migrator from
 * code (no migration folder to ship). A migration is never edited once released; a change is a
 * new entry. The only dialect branches are `idColumn` and a PostgreSQL storage parameter (0007).
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { applicantEncryption, usersAndSessions } from './migrations/accounts.js';
import { auditBatches } from './migrations/audits.js';
import { reportTextDrafts } from './migrations/report-text.js';
import { proposals, reportCorrections } from './migrations/corrections-and-proposals.js';
import {
  attachmentText, itemInterpretation, proactiveDisclosure, publicationGeneration, reportReview, searchIndex,
} from './migrations/disclosure-and-portal.js';
import {
  applications, calendar, caseAssignment, dropRedundantIndexes, hotUpdates, initial, numberSequences, statisticsIndexes,
} from './migrations/reports-and-applications.js';
import { matterAbolition, searchMatterKind, serviceMatters } from './migrations/service-matters.js';

/** Every migration in order. Names sort lexically; never rename or edit a released one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_calendar': calendar,
  '0003_applications': applications,
  '0004_statistics_indexes': statisticsIndexes,
  '0005_case_assignment': caseAssignment,
  '0006_drop_redundant_indexes': dropRedundantIndexes,
  '0007_hot_updates': hotUpdates,
  '0008_number_sequences': numberSequences,
  '0010_users_and_sessions': usersAndSessions,
  '0011_applicant_encryption': applicantEncryption,
  '0012_proactive_disclosure': proactiveDisclosure,
  '0013_report_review': reportReview,
  '0014_search_index': searchIndex,
  '0015_publication_generation': publicationGeneration,
  '0016_attachment_text': attachmentText,
  '0017_item_interpretation': itemInterpretation,
  '0018_report_text_drafts': reportTextDrafts,
  '0019_audit_batches': auditBatches,
  '0020_report_corrections': reportCorrections,
  '0021_proposals': proposals,
  '0022_service_matters': serviceMatters,
  '0023_search_matter_kind': searchMatterKind,
  '0024_matter_abolition': matterAbolition,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date; safe to call on every start (applied migrations are skipped, and
 * Kysely's lock table serialises concurrent starts). Throws the first failure.
 */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`数据库迁移失败${failed ? `（${failed}）` : ''}：${(error as Error).message ?? String(error)}. Database migration failed.`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
