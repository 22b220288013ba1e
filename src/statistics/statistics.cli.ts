/**
 * gongkai application tables|cases and gongkai report fill-from-cases: tables 三 and 四 computed from
 * the application cases, the cases behind one of their cells, and filling a report's tables 三/四 with
 * them (one transaction, recorded with the actor “cli”). Same database as the server.
 */
import { withDatabase } from '../cli/application-db.js';
import { APPLICATION_USAGE } from '../applications/application-usage.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { AGENCY_YEAR_OPTIONS, agencyAndYear, fillYearReport } from '../cli/agency-year.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import { REPORT_USAGE } from '../cli/usage.js';
import { splitCellKey } from '../core/format/cell-key.js';
import type { FormatId } from '../core/format/format-types.js';
import { getFormat } from '../core/format/registry.js';
import { loadCellCases, loadTablesView, tablesView, type CellFigure, type TablesView } from './statistics-view.js';

const TABLE3_TITLE = '表三　收到和处理政府信息公开申请情况';
const TABLE4_TITLE = '表四　政府信息公开行政复议、行政诉讼情况';

/** The --format option: 2019 or 2021 (a validation error names the known formats). */
function formatOption(value: string | undefined): FormatId | undefined {
  return value === undefined ? undefined : getFormat(value).id;
}

/**
 * Table 三 as text: one line per row under its group headings (三、本年度办理结果, （三）不予公开 …),
 * seven figure columns (自然人 … 其他, 总计).
 */
export function formatTable3(cells: CellFigure[]): string {
  const rows = new Map<string, CellFigure[]>();
  for (const cell of cells) {
    if (cell.table !== '三') continue;
    const { row } = splitCellKey(cell.key);
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const first = [...rows.values()][0] ?? [];
  const columns = [{ header: '项目' }, ...first.map((c) => ({ header: c.column[c.column.length - 1]!, align: 'right' as const }))];
  const lines: string[][] = [];
  let previous: string[] = [];
  for (const row of rows.values()) {
    const path = row[0]!.row;
    for (let level = 0; level < path.length - 1; level++) {
      if (previous.slice(0, level + 1).join('\u0000') !== path.slice(0, level + 1).join('\u0000')) {
        lines.push([`${'  '.repeat(level)}${path[level]!}`]);
      }
    }
    lines.push([`${'  '.repeat(path.length - 1)}${path[path.length - 1]!}`, ...row.map((c) => String(c.value))]);
    previous = path;
  }
  return formatTable(columns, lines);
}

/**
 * Table 四 as text: one line per group (行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉), five
 * figure columns (结果维持, 结果纠正, 其他结果, 尚未审结, 总计): the 15 figures.
 */
export function formatTable4(cells: CellFigure[]): string {
  const groups = new Map<string, CellFigure[]>();
  for (const cell of cells) {
    if (cell.table !== '四') continue;
    const group = cell.column.slice(0, -1).join(' ');
    groups.set(group, [...(groups.get(group) ?? []), cell]);
  }
  const first = [...groups.values()][0] ?? [];
  const columns = [{ header: '类别' }, ...first.map((c) => ({ header: c.column[c.column.length - 1]!, align: 'right' as const }))];
  return formatTable(columns, [...groups].map(([group, row]) => [group, ...row.map((c) => String(c.value))]));
}

/** The printed form of computed tables: a heading line, table 三 and table 四. */
export function formatTablesView(view: TablesView): string {
  return [
    `${view.agencyName} ${view.year} 年度依申请公开统计（${view.format} 年格式，数据截至 ${view.asOf}）`,
    '',
    TABLE3_TITLE,
    formatTable3(view.cells),
    '',
    TABLE4_TITLE,
    formatTable4(view.cells),
  ].join('\n');
}

/** gongkai application tables --agency NAME|ID --year YYYY [--as-of D] [--format 2019|2021] [--json]. */
export async function applicationTablesCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, 'as-of': { type: 'string' },
    format: { type: 'string' }, json: { type: 'boolean' },
  }, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, APPLICATION_USAGE);
  const format = formatOption(values.format);
  const agency = await resolveAgency(await ctx.services(), ref);
  const view = await withDatabase(ctx, (db) => loadTablesView(db, { agencyId: agency.id, year, asOf: values['as-of'], format }));
  ctx.out(values.json ? JSON.stringify(view, null, 2) : formatTablesView(view));
  return 0;
}

/** gongkai application cases --agency NAME|ID --year YYYY --cell KEY [--as-of D] [--format 2019|2021] [--json]. */
export async function applicationCasesCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, cell: { type: 'string' },
    'as-of': { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' },
  }, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, APPLICATION_USAGE);
  if (values.cell === undefined) throw new UsageError('缺少选项 --cell（单元格键，如 三:r1:natural）', APPLICATION_USAGE);
  const format = formatOption(values.format);
  const agency = await resolveAgency(await ctx.services(), ref);
  const found = await withDatabase(ctx, (db) =>
    loadCellCases(db, { agencyId: agency.id, year, asOf: values['as-of'], format, cellKey: values.cell! }));
  if (values.json) {
    ctx.out(JSON.stringify(found, null, 2));
    return 0;
  }
  const where = `表${found.cell.table}${found.cell.row.length ? `“${found.cell.row.join(' › ')}”行` : ''}“${found.cell.column.join(' › ')}”列`;
  const lines = [`${agency.name} ${year} 年度 ${where}（${found.cell.key}）：${found.value} 件`];
  if (found.cases.length > 0) {
    const remedies = found.cell.table === '四';
    lines.push(formatTable(
      [{ header: '登记号' }, { header: '申请编号', align: 'right' }, ...(remedies ? [{ header: '复议或诉讼编号', align: 'right' as const }] : [])],
      found.cases.map((c) => [c.caseNo, String(c.applicationId), ...(remedies ? [String(c.remedyId ?? '')] : [])]),
    ));
  }
  ctx.out(lines.join('\n'));
  return 0;
}

/** gongkai report fill-from-cases --agency NAME|ID --year YYYY [--as-of D]. */
export async function reportFillFromCasesCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY_YEAR_OPTIONS, 'as-of': { type: 'string' },
  }, REPORT_USAGE, 0);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const { agency: ref, year } = agencyAndYear(values, REPORT_USAGE);
  const agency = await resolveAgency(await ctx.services(), ref);
  const { report, tables } = await fillYearReport(ctx, agency.id, year, (reports, found) =>
    reports.fillFromCases(found.id, CLI_ACTOR, values['as-of']));
  const view = tablesView({ id: agency.id, name: agency.name }, tables);
  const figure = (key: string) => String(tables.cells[key] ?? 0);
  ctx.out([
    `已以依申请公开办理数据填写 ${report.agencyName} ${report.year} 年度报告的表三、表四（编号 ${report.id}，第 ${report.version} 版，数据截至 ${tables.asOf}）`,
    `表三总计：一、本年新收 ${figure('三:received:total')}　二、上年结转 ${figure('三:carried-in:total')}　`
      + `（七）总计 ${figure('三:r7:total')}　四、结转下年度继续办理 ${figure('三:carried-out:total')}`,
    `表四总计：${view.cells.filter((c) => c.table === '四' && c.key.endsWith('.total'))
      .map((c) => `${c.column.slice(0, -1).join(' ')} ${c.value}`).join('　')}`,
  ].join('\n'));
  return 0;
}
