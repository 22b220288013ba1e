/**
 * gongkai report check FILE [--json] [--previous FILE]: checks an interchange file against the
 * format's rules (勾稽关系) and prints the failures with their cells. Exit 1 on a hard failure.
 */
import { checkReport } from '../../core/checks/check-report.js';
import { NotFoundError } from '../../core/errors.js';
import { getFormat } from '../../core/format/registry.js';
import type { ReportDocument } from '../../core/report/report-model.js';
import { formatCheckSummary } from '../check-summary.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_HARD_FAILURES } from '../cli-errors.js';
import { parseCommandArgs, requirePositional } from '../parse-command-args.js';
import { readReportFile } from '../read-report-file.js';
import { REPORT_USAGE } from '../usage.js';

/** Finds the agency's previous-year report in the database; explains what was used. */
async function previousFromDatabase(ctx: CliContext, doc: ReportDocument): Promise<{ previous: ReportDocument | null; note: string }> {
  const lastYear = doc.year - 1;
  try {
    const { agencies, reports } = await ctx.services();
    const agency = await agencies.resolve(doc.agency.name).catch((e: unknown) => {
      if (e instanceof NotFoundError) return null;
      throw e;
    });
    if (!agency) return { previous: null, note: `跨年度核对：数据库中没有机关“${doc.agency.name}”，未核对跨年度数据。` };
    const previous = await reports.previousDocument(agency.id, doc.year);
    if (!previous) return { previous: null, note: `跨年度核对：数据库中没有该机关 ${lastYear} 年度报告，未核对跨年度数据。` };
    return { previous, note: `跨年度核对：已使用数据库中该机关的 ${previous.year} 年度报告。` };
  } catch (e) {
    // The check itself needs no database: a database that cannot be opened only skips cross-year rules.
    return { previous: null, note: `跨年度核对：无法读取数据库（${(e as Error).message}），未核对跨年度数据。` };
  }
}

/** Runs the command; returns the exit code. */
export async function reportCheckCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    previous: { type: 'string' },
  }, REPORT_USAGE, 1);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const file = requirePositional(positionals, 0, 'FILE（要检查的交换格式 JSON 文件）', REPORT_USAGE);
  const doc = await readReportFile(file, ctx.cwd);
  let previous: ReportDocument | null = null;
  let note: string;
  if (values.previous !== undefined) {
    previous = await readReportFile(values.previous, ctx.cwd);
    note = `跨年度核对：使用文件“${values.previous}”（${previous.agency.name} ${previous.year} 年度）。`;
  } else {
    ({ previous, note } = await previousFromDatabase(ctx, doc));
  }
  const result = checkReport(doc, { previous });
  if (values.json) {
    ctx.err(note);
    ctx.out(JSON.stringify(result, null, 2));
  } else {
    const format = getFormat(doc.format);
    const heading = [`检查：${doc.title}`, `格式：${format.name}（${format.document}）`, note];
    ctx.out(formatCheckSummary(result, heading));
  }
  return result.hardFailures > 0 ? EXIT_HARD_FAILURES : 0;
}
