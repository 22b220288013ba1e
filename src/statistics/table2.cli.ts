/**
 * gongkai art20 set|list, gongkai report fill-from-data and gongkai report publish: the entered Art. 20 counts
 * of table 二 (append-only, with their source), filling a report's tables 二/三/四 from the data, and
 * publishing an approved report (recorded with the local operator as actor). The command line cannot review:
 * it has no signed-in person, and the chain needs named reviewers — a report is submitted, reviewed and signed
 * off in the web UI (or the API), and only an approved report can be published from here.
 */
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { AGENCY_YEAR_OPTIONS, agencyAndYear, fillYearReport } from '../cli/agency-year.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import { ART20_USAGE, REPORT_USAGE } from '../cli/usage.js';
import { NotFoundError } from '../core/errors.js';
import { reportService } from '../reports/report.service.js';
import { art20Counts, enterArt20Count } from './table2.service.js';

/** gongkai art20 set --agency X --year Y --cell KEY --value N --source TEXT. */
export async function art20SetCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, cell: { type: 'string' },
    value: { type: 'string' }, source: { type: 'string' },
  }, ART20_USAGE, 0);
  if (values.help) {
    ctx.out(ART20_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, ART20_USAGE);
  if (values.cell === undefined) throw new UsageError('缺少选项 --cell（表二单元格键，如 二:licensing:decisions）', ART20_USAGE);
  if (values.value === undefined) throw new UsageError('缺少选项 --value（数值）', ART20_USAGE);
  if (values.source === undefined) throw new UsageError('缺少选项 --source（数值来源）', ART20_USAGE);
  const value = /^-?\d+(\.\d+)?$/.test(values.value.trim()) ? Number(values.value) : Number.NaN;
  if (Number.isNaN(value)) throw new UsageError(`--value 应为数字，实际为“${values.value}”`, ART20_USAGE);
  const agency = await resolveAgency(await ctx.services(), ref);
  const entry = await withDatabase(ctx, (db) => db.transaction().execute((trx) =>
    enterArt20Count(trx, { agencyId: agency.id, year, cell: values.cell!, value, source: values.source! }, CLI_ACTOR, ctx.clock())));
  ctx.out(`已录入 ${agency.name} ${year} 年度表二“${entry.row.join(' › ')}”“${entry.column.join(' › ')}”：${entry.value}（来源：${entry.source}）`);
  return 0;
}

/** gongkai art20 list --agency X --year Y [--as-of D] [--all] [--json]. */
export async function art20ListCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, 'as-of': { type: 'string' },
    all: { type: 'boolean' }, json: { type: 'boolean' },
  }, ART20_USAGE, 0);
  if (values.help) {
    ctx.out(ART20_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, ART20_USAGE);
  const agency = await resolveAgency(await ctx.services(), ref);
  const counts = await withDatabase(ctx, (db) => art20Counts(db, agency.id, year, values['as-of']));
  if (values.json) {
    ctx.out(JSON.stringify(counts, null, 2));
    return 0;
  }
  const rows = values.all ? counts.history : counts.current;
  const head = `${agency.name} ${year} 年度表二录入的数值${counts.asOf ? `（截至 ${counts.asOf}）` : ''}${values.all ? '，全部录入记录' : ''}：`;
  if (rows.length === 0) {
    ctx.out(`${head}无`);
    return 0;
  }
  ctx.out([head, formatTable(
    [{ header: '项目' }, { header: '栏目' }, { header: '数值', align: 'right' }, { header: '来源' }, { header: '录入人' }, { header: '录入时间' }],
    rows.map((e) => [e.row.join(' › '), e.column.join(' › '), String(e.value), e.source, e.enteredBy, e.enteredAt]),
  )].join('\n'));
  return 0;
}

/** The agency and year of --agency/--year (the agency resolved by name or number). */
export async function reportOf(ctx: CliContext, values: { agency?: string; year?: string }) {
  const { agency: ref, year } = agencyAndYear(values, REPORT_USAGE);
  const agency = await resolveAgency(await ctx.services(), ref);
  return { agency, year };
}

/** gongkai report fill-from-data --agency X --year Y [--as-of D]. */
export async function reportFillFromDataCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, 'as-of': { type: 'string' },
  }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const { agency, year } = await reportOf(ctx, values);
  const { report, asOf, filled } = await fillYearReport(ctx, agency.id, year, (reports, found) =>
    reports.fillFromData(found.id, CLI_ACTOR, values['as-of']));
  const count = (from: string) => filled.filter((f) => f.from === from).length;
  const table2 = filled.filter((f) => f.table === '二');
  ctx.out([
    `已以数据填写 ${report.agencyName} ${report.year} 年度报告（编号 ${report.id}，第 ${report.version} 版，数据截至 ${asOf}）：`
      + `表二 ${table2.length} 格（由主动公开信息统计 ${count('items')} 格，录入数值 ${count('entered')} 格），表三、表四 ${count('cases')} 格`,
    formatTable(
      [{ header: '表二项目' }, { header: '栏目' }, { header: '数值', align: 'right' }, { header: '来源' }],
      table2.map((f) => [f.row.join(' › '), f.column.join(' › '), String(f.value), f.source]),
    ),
  ].join('\n'));
  return 0;
}

/** gongkai report publish --agency X --year Y: publishes an approved report on the portal. */
export async function reportPublishCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, AGENCY_YEAR_OPTIONS, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const { agency, year } = await reportOf(ctx, values);
  const report = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    const reports = reportService(trx, ctx.clock);
    const found = await reports.findByAgencyYear(agency.id, year);
    if (!found) throw new NotFoundError(`${agency.name}尚无 ${year} 年度报告`);
    return reports.publish(found.id, CLI_ACTOR);
  }));
  ctx.out(`已在政府网站发布 ${report.agencyName} ${report.year} 年度报告（编号 ${report.id}，第 ${report.version} 版）`);
  return 0;
}
