/**
 * The options --agency and --year that the statistics and report commands share, and the report of
 * an agency's year that their fill commands write into.
 */
import { CLI_ACTOR, type CliContext } from './cli-context.js';
import { UsageError } from './cli-errors.js';
import { parseYear } from './parse-command-args.js';
import { withDatabase } from './application-db.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { reportService, type StoredReport } from '../reports/report.service.js';

/** The declarations of --agency (-a) and --year (-y) for parseCommandArgs; spread them under the command's own. */
export const AGENCY_YEAR_OPTIONS = { agency: { type: 'string', short: 'a' }, year: { type: 'string', short: 'y' } } as const;

/** The options --agency and --year (both required); a missing one is a usage error naming it. */
export function agencyAndYear(values: { agency?: string; year?: string }, usage: string): { agency: string; year: number } {
  if (values.agency === undefined) throw new UsageError('缺少选项 --agency（机关名称或编号）', usage);
  if (values.year === undefined) throw new UsageError('缺少选项 --year（年度，如 2025）', usage);
  return { agency: values.agency, year: parseYear(values.year, usage) };
}

/**
 * Runs `fill` on the agency's report for the year in one transaction, recorded with the CLI actor;
 * with no report yet for the year, a draft (every cell blank) is started first.
 */
export function fillYearReport<T>(
  ctx: CliContext, agencyId: number, year: number,
  fill: (reports: ReturnType<typeof reportService>, report: StoredReport, trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    const reports = reportService(trx, ctx.clock);
    const found = await reports.findByAgencyYear(agencyId, year) ?? await reports.create({ agencyId, year }, CLI_ACTOR);
    return fill(reports, found, trx);
  }));
}
