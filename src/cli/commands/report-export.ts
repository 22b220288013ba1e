/**
 * gongkai report export --agency NAME|ID --year YYYY [--version N] [-o FILE]: writes the stored
 * report as interchange JSON, to standard output or a file.
 */
import { NotFoundError } from '../../core/errors.js';
import { toInterchange } from '../../core/interchange/to-interchange.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { formatSize } from '../format-size.js';
import { parseCommandArgs, parsePositiveInt, parseYear } from '../parse-command-args.js';
import { resolveAgency } from '../resolve-agency.js';
import { REPORT_USAGE } from '../usage.js';
import { writeOutputFile } from '../write-output.js';

/** Runs the command; returns the exit code. */
export async function reportExportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' },
    year: { type: 'string', short: 'y' },
    version: { type: 'string' },
    output: { type: 'string', short: 'o' },
  }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  if (values.agency === undefined) throw new UsageError('缺少选项 --agency（机关名称或编号）', REPORT_USAGE);
  if (values.year === undefined) throw new UsageError('缺少选项 --year（年度，如 2019）', REPORT_USAGE);
  const year = parseYear(values.year, REPORT_USAGE);
  const version = values.version === undefined ? undefined : parsePositiveInt(values.version, '--version', REPORT_USAGE);
  const services = await ctx.services();
  const agency = await resolveAgency(services, values.agency);
  const found = await services.reports.findByAgencyYear(agency.id, year);
  if (!found) throw new NotFoundError(`机关“${agency.name}”没有 ${year} 年度的年度报告`);
  const stored = version === undefined ? found : await services.reports.getVersion(found.id, version);
  const text = `${JSON.stringify(toInterchange(stored.document), null, 2)}\n`;
  if (values.output === undefined) {
    ctx.out(text);
  } else {
    const written = await writeOutputFile(values.output, ctx.cwd, text);
    ctx.out(`已导出 ${agency.name} ${year} 年度报告（版本 ${stored.version}）：${written}（${formatSize(Buffer.byteLength(text))}）`);
  }
  return 0;
}
