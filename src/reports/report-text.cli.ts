/**
 * gongkai report draft-text: drafts sections 一 and 六 of an agency's report for a year from the data (a new
 * version, recorded with the local operator as actor) and lists every figure written with its source.
 */
import { AGENCY_YEAR_OPTIONS, fillYearReport } from '../cli/agency-year.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { reportOf } from '../statistics/table2.cli.js';
import { formatTable } from '../cli/text-table.js';
import { REPORT_USAGE } from '../cli/usage.js';
import { reportText } from './report-text.js';

/** gongkai report draft-text --agency X --year Y [--as-of D]. */
export async function reportDraftTextCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { ...AGENCY_YEAR_OPTIONS, 'as-of': { type: 'string' } }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const { agency, year } = await reportOf(ctx, values);
  const { report, view } = await fillYearReport(ctx, agency.id, year, (_reports, found, trx) =>
    reportText(trx, ctx.clock).draft(found.id, found.version, CLI_ACTOR, values['as-of']));
  ctx.out([
    `已按数据起草 ${report.agencyName} ${report.year} 年度报告第一、六部分（编号 ${report.id}，第 ${report.version} 版，数据截至 ${view.asOf}），共 ${view.figures.length} 个数字：`,
    formatTable(
      [{ header: '部分' }, { header: '数字' }, { header: '数值', align: 'right' }, { header: '来源' }],
      view.figures.map((f) => [f.section, f.label, `${f.written ?? ''}${f.unit}`, f.source]),
    ),
  ].join('\n'));
  return 0;
}
