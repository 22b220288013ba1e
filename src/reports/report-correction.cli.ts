/**
 * gongkai report correct: starts the correction (更正) of a published annual report with its reason, recorded with
 * the local operator as actor. The corrected version is then edited (report import), reviewed in the web UI (the
 * chain needs named reviewers) and published with gongkai report publish.
 */
import { AGENCY_YEAR_OPTIONS, agencyAndYear } from '../cli/agency-year.js';
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { REPORT_USAGE } from '../cli/usage.js';
import { NotFoundError } from '../core/errors.js';
import { reportService } from './report.service.js';

/** gongkai report correct --agency X --year Y --reason TEXT. */
export async function reportCorrectCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { ...AGENCY_YEAR_OPTIONS, reason: { type: 'string' } }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, REPORT_USAGE);
  if (values.reason === undefined) throw new UsageError('缺少选项 --reason（更正说明，将随更正后的报告公开）', REPORT_USAGE);
  const agency = await resolveAgency(await ctx.services(), ref);
  const report = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    const reports = reportService(trx, ctx.clock);
    const found = await reports.findByAgencyYear(agency.id, year);
    if (!found) throw new NotFoundError(`${agency.name}尚无 ${year} 年度报告`);
    return reports.startCorrection(found.id, values.reason, CLI_ACTOR);
  }));
  ctx.out(`已开始更正 ${report.agencyName} ${report.year} 年度报告：第 ${report.version} 版为更正草稿（门户网站仍显示第 ${report.publishedVersion} 版），`
    + '修改、校验并经审核签发后，以 gongkai report publish 发布。');
  return 0;
}
