/**
 * gongkai item import|export|export-catalogue|set-code: an agency's items published before the platform brought in
 * from its old site's spreadsheet, items and the catalogue out as XLSX, and the 索引号 settings an import needs.
 * Changes are made in one transaction with the local operator as the actor.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { CliError, EXIT_ERROR, UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, requirePositional } from '../cli/parse-command-args.js';
import { progressReporter } from '../cli/progress.js';
import { fileError } from '../cli/read-report-file.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { writeOutputFile } from '../cli/write-output.js';
import { TooLargeError } from '../core/errors.js';
import { exportCatalogueXlsx, exportItemsXlsx } from './item-export-xlsx.js';
import { setIndexSettings } from './item-index-settings.js';
import { MAX_IMPORT_BYTES, readItemFile } from './item-import-read.js';
import { importReportXlsx } from './item-import-report-xlsx.js';
import { importItems } from './item-import.service.js';
import { ITEM_USAGE } from './item-import-usage.js';

/** Refusals and warnings printed; the rest are counted (all of them go to --report). */
const LISTED = 30;
/** Files with more rows than this show a progress bar while stored. */
const PROGRESS_FROM = 1000;

async function readImportFile(path: string, cwd: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(resolve(cwd, path), 'r');
    const { size } = await handle.stat();
    if (size > MAX_IMPORT_BYTES) throw new TooLargeError(`文件“${path}”过大（${(size / 2 ** 20).toFixed(1)} MB），请分成不超过 ${MAX_IMPORT_BYTES / 2 ** 20} MB 的几个文件导入。`);
    return await handle.readFile();
  } catch (e) {
    throw fileError(e, path);
  } finally {
    await handle?.close();
  }
}

function requireOption(value: string | undefined, option: string, label: string): string {
  if (value === undefined || value === '') throw new UsageError(`缺少选项 --${option}（${label}）`, ITEM_USAGE);
  return value;
}

/** gongkai item import FILE --agency X [--skip-refused] [--dry-run] [--report FILE.xlsx]. */
export async function itemImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' }, 'skip-refused': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, report: { type: 'string' },
  }, ITEM_USAGE, 1);
  if (values.help) {
    ctx.out(ITEM_USAGE);
    return 0;
  }
  const path = requirePositional(positionals, 0, 'FILE（.xlsx 或 .csv 文件）', ITEM_USAGE);
  const agencyRef = requireOption(values.agency, 'agency', '导入到的机关');
  if (values.report !== undefined && !/\.xlsx$/i.test(values.report)) throw new UsageError('--report 的文件名应以 .xlsx 结尾', ITEM_USAGE);
  const bytes = await readImportFile(path, ctx.cwd);
  const agency = await resolveAgency(await ctx.services(), agencyRef);
  const fileName = path.split(/[/\\]/).pop() ?? path;

  ctx.err(`正在读取 ${fileName} …`);
  const parsed = await readItemFile(bytes, fileName);
  const progress = parsed.rows.length > PROGRESS_FROM ? progressReporter(process.stderr) : null;
  const report = await withDatabase(ctx, (db) => db.transaction().execute((trx) => importItems(trx, ctx.clock, parsed, {
    agencyId: agency.id, fileName, skipRefused: values['skip-refused'], dryRun: values['dry-run'],
    onProgress: progress ? (done, total) => progress(done, total, done === total ? '' : `保存第 ${done} 条`) : undefined,
  }, CLI_ACTOR)));

  const lines = [report.message];
  if (report.stored && report.indexNos) lines.push(`索引号：${report.indexNos.first} … ${report.indexNos.last}`);
  lines.push(`导入 ${report.imported} 条，拒绝 ${report.refusedRows} 行，提示 ${report.warnings.length} 条。`);
  if (report.refused.length > 0) {
    lines.push('', '被拒绝：', ...report.refused.slice(0, LISTED).map((p) => `  · ${p.message}`));
    if (report.refused.length > LISTED) lines.push(`  ……另有 ${report.refused.length - LISTED} 处未列出${values.report ? '，见报告文件' : '（用 --report FILE.xlsx 输出全部）'}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', '提示：', ...report.warnings.slice(0, LISTED).map((p) => `  · ${p.message}`));
    if (report.warnings.length > LISTED) lines.push(`  ……另有 ${report.warnings.length - LISTED} 条未列出${values.report ? '，见报告文件' : '（用 --report FILE.xlsx 输出全部）'}`);
  }
  if (values.report !== undefined) {
    const written = await writeOutputFile(values.report, ctx.cwd, await importReportXlsx(report));
    lines.push('', `报告已写入 ${written}`);
  }
  ctx.out(lines.join('\n'));
  return report.refused.length > 0 && !report.stored ? EXIT_ERROR : 0;
}

/** gongkai item export --agency X --out FILE.xlsx [--all] [--without-index-no]. */
export async function itemExportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' }, out: { type: 'string', short: 'o' }, all: { type: 'boolean' }, 'without-index-no': { type: 'boolean' },
  }, ITEM_USAGE, 0);
  if (values.help) {
    ctx.out(ITEM_USAGE);
    return 0;
  }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关'));
  const out = requireOption(values.out, 'out', '输出的 .xlsx 文件');
  const bytes = await withDatabase(ctx, (db) => exportItemsXlsx(db, agency.id, { allStates: values.all, withoutIndexNo: values['without-index-no'] }));
  ctx.out(`已导出 ${agency.name}的${values.all ? '全部' : '已发布'}信息：${await writeOutputFile(out, ctx.cwd, bytes)}`);
  return 0;
}

/** gongkai item export-catalogue --agency X --out FILE.xlsx. */
export async function itemExportCatalogueCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' }, out: { type: 'string', short: 'o' } }, ITEM_USAGE, 0);
  if (values.help) {
    ctx.out(ITEM_USAGE);
    return 0;
  }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关'));
  const out = requireOption(values.out, 'out', '输出的 .xlsx 文件');
  const bytes = await withDatabase(ctx, (db) => exportCatalogueXlsx(db, agency.id));
  ctx.out(`已导出 ${agency.name}的主动公开基本目录：${await writeOutputFile(out, ctx.cwd, bytes)}`);
  return 0;
}

/** gongkai item set-code --agency X [--code 统一社会信用代码] [--template 模板 | --default-template]. */
export async function itemSetCodeCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' }, code: { type: 'string' }, template: { type: 'string' }, 'default-template': { type: 'boolean' },
  }, ITEM_USAGE, 0);
  if (values.help) {
    ctx.out(ITEM_USAGE);
    return 0;
  }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关'));
  if (values.code === undefined && values.template === undefined && !values['default-template']) {
    throw new UsageError('请给出 --code（统一社会信用代码）或 --template（索引号模板）', ITEM_USAGE);
  }
  if (values.template !== undefined && values['default-template']) throw new CliError('--template 与 --default-template 只能选一个');
  const settings = await withDatabase(ctx, (db) => db.transaction().execute((trx) => setIndexSettings(trx, ctx.clock, agency.id, {
    creditCode: values.code, template: values['default-template'] ? null : values.template,
  }, CLI_ACTOR)));
  ctx.out(`${agency.name}：统一社会信用代码 ${settings.creditCode ?? '（未设置）'}，索引号模板 ${settings.template}`);
  return 0;
}
