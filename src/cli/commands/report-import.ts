/**
 * gongkai report import FILE [--agency NAME|ID]: stores an interchange file in the database, in
 * one transaction (a new report, or a new version of the agency's unpublished report that year).
 */
import { NotFoundError } from '../../core/errors.js';
import { getFormat } from '../../core/format/registry.js';
import { CLI_ACTOR, type CliContext } from '../cli-context.js';
import { CliError } from '../cli-errors.js';
import { parseCommandArgs, requirePositional } from '../parse-command-args.js';
import { readReportFile } from '../read-report-file.js';
import { statusName } from '../report-labels.js';
import { AGENCY_HINT, resolveAgency } from '../resolve-agency.js';
import { REPORT_USAGE } from '../usage.js';

/** Runs the command; returns the exit code. */
export async function reportImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' } }, REPORT_USAGE, 1);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const file = requirePositional(positionals, 0, 'FILE（交换格式 JSON 文件）', REPORT_USAGE);
  const doc = await readReportFile(file, ctx.cwd);
  const stored = await ctx.transaction(async (services) => {
    const agencyId = values.agency !== undefined ? (await resolveAgency(services, values.agency)).id : undefined;
    try {
      return await services.reports.importDocument(doc, { agencyId }, CLI_ACTOR);
    } catch (e) {
      if (e instanceof NotFoundError && agencyId === undefined) {
        throw new CliError(`找不到机关“${doc.agency.name}”（文件中 agency.name 所写的机关）。`, `${AGENCY_HINT}也可用 --agency 指定导入到哪个机关。`);
      }
      throw e;
    }
  });
  const format = getFormat(stored.format);
  ctx.out([
    `已导入年度报告，编号 ${stored.id}`,
    `  机关：${stored.agencyName}（编号 ${stored.agencyId}）`,
    `  年度：${stored.year}`,
    `  格式：${format.name}（${format.document}）`,
    `  版本：${stored.version}`,
    `  状态：${statusName(stored.status)}`,
  ].join('\n'));
  return 0;
}
