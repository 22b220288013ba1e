/**
 * gongkai report list [--agency NAME|ID] [--year YYYY]: the stored reports as a table aligned
 * for Chinese text.
 */
import type { CliContext } from '../cli-context.js';
import { parseCommandArgs, parseYear } from '../parse-command-args.js';
import { statusName } from '../report-labels.js';
import { resolveAgency } from '../resolve-agency.js';
import { formatTable } from '../text-table.js';
import { REPORT_USAGE } from '../usage.js';

/** Runs the command; returns the exit code. */
export async function reportListCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' },
    year: { type: 'string', short: 'y' },
  }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const year = values.year === undefined ? undefined : parseYear(values.year, REPORT_USAGE);
  const services = await ctx.services();
  const agencyId = values.agency === undefined ? undefined : (await resolveAgency(services, values.agency)).id;
  const reports = await services.reports.list({ agencyId, year });
  if (reports.length === 0) {
    ctx.out('没有符合条件的年度报告。');
    return 0;
  }
  const rows = reports.map((r) => [
    String(r.id), r.agencyName, String(r.year), r.format, statusName(r.status), String(r.version), r.issuedOn ?? '-',
  ]);
  ctx.out(formatTable([
    { header: '编号', align: 'right' }, { header: '机关' }, { header: '年度' }, { header: '格式' },
    { header: '状态' }, { header: '版本', align: 'right' }, { header: '成文日期' },
  ], rows));
  ctx.out(`共 ${reports.length} 份报告`);
  return 0;
}
