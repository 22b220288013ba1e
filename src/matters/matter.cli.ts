/**
 * gongkai matter import|export|figures: the matter list in and out as Excel (the same reader and checks as the API,
 * in one transaction with the local operator as the actor) and the hall's figures of a year.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { EXIT_ERROR, UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, requirePositional } from '../cli/parse-command-args.js';
import { fileError } from '../cli/read-report-file.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { writeOutputFile } from '../cli/write-output.js';
import { exportMattersXlsx } from './matter-export-xlsx.js';
import { readMatterFile } from './matter-import-read.js';
import { importMatters } from './matter-import.service.js';
import { hallService } from './hall.service.js';
import { MATTER_USAGE } from './matter-usage.js';

const LISTED = 30;

function requireOption(value: string | undefined, option: string, label: string): string {
  if (value === undefined || value === '') throw new UsageError(`缺少选项 --${option}（${label}）`, MATTER_USAGE);
  return value;
}

/** gongkai matter import FILE --agency X [--skip-refused] [--dry-run]. */
export async function matterImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' }, 'skip-refused': { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, MATTER_USAGE, 1);
  if (values.help) { ctx.out(MATTER_USAGE); return 0; }
  const path = requirePositional(positionals, 0, 'FILE（.xlsx 文件）', MATTER_USAGE);
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '导入到的机关'));
  let bytes: Buffer;
  try { bytes = await readFile(resolve(ctx.cwd, path)); } catch (e) { throw fileError(e, path); }
  const fileName = path.split(/[/\\]/).pop() ?? path;
  const parsed = await readMatterFile(bytes, fileName);
  const report = await withDatabase(ctx, (db) => db.transaction().execute((trx) => importMatters(trx, ctx.clock, parsed, {
    agencyId: agency.id, fileName, skipRefused: values['skip-refused'], dryRun: values['dry-run'],
  }, CLI_ACTOR)));
  const lines = [report.message];
  if (report.refused.length > 0) {
    lines.push('', '被拒绝：', ...report.refused.slice(0, LISTED).map((p) => `  · ${p.message}`));
    if (report.refused.length > LISTED) lines.push(`  ……另有 ${report.refused.length - LISTED} 处未列出`);
  }
  ctx.out(lines.join('\n'));
  return report.refused.length > 0 && !report.stored ? EXIT_ERROR : 0;
}

/** gongkai matter export --agency X --out FILE.xlsx. */
export async function matterExportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' }, out: { type: 'string', short: 'o' } }, MATTER_USAGE, 0);
  if (values.help) { ctx.out(MATTER_USAGE); return 0; }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关'));
  const out = requireOption(values.out, 'out', '输出的 .xlsx 文件');
  const bytes = await withDatabase(ctx, (db) => exportMattersXlsx(db, agency.id));
  ctx.out(`事项清单已写入 ${await writeOutputFile(out, ctx.cwd, bytes)}`);
  return 0;
}

/** gongkai matter figures --agency X --year YYYY. */
export async function matterFiguresCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' }, year: { type: 'string', short: 'y' } }, MATTER_USAGE, 0);
  if (values.help) { ctx.out(MATTER_USAGE); return 0; }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关'));
  const year = Number(requireOption(values.year, 'year', '年度'));
  if (!Number.isInteger(year)) throw new UsageError(`年度不正确：${values.year}`, MATTER_USAGE);
  const d = await withDatabase(ctx, (db) => hallService(db, ctx.clock).dashboard(agency.id, year));
  const s = d.matters.shares;
  const pct = (p: number | null) => (p === null ? '—' : `${p}%`);
  const num = (n: number | null) => (n === null ? '未填报' : String(n));
  const count = (what: string, n: number | null, unit: string) => (n === null ? `${what}未填报` : `${what} ${n} ${unit}`);
  ctx.out([
    `${agency.name} ${year} 年（事项截至 ${d.asOf}）：已发布事项 ${d.matters.counts.total} 项`,
    `最多跑一次 ${s.atMostOnce.count} 项（${pct(s.atMostOnce.percent)}）；可网办 ${s.online.count} 项（${pct(s.online.percent)}）；`
      + `全程网办 ${s.fullyOnline.count} 项（占可网办 ${pct(s.fullyOnlineOfOnline.percent)}，占全部 ${pct(s.fullyOnline.percent)}）`,
    `服务层级：${d.levels.map((l) => `${l.levelName} ${l.count} 项`).join('，')}`,
    [count('窗口', d.totals.windows, '个'), count('办件', d.totals.transactions, '件'), count('快递送达证照', d.totals.certificatesMailed, '件')].join('，'),
    ...d.halls.map((h) => `  ${h.name}（${h.levelName}）：窗口 ${num(h.windows)}，进驻事项 ${num(h.matters)}，办件 ${num(h.transactions)}，快递送达 ${num(h.certificatesMailed)}`),
  ].join('\n'));
  return 0;
}
