/**
 * gongkai calendar set-year YYYY --file notice.json [--source TEXT]: enters (or corrects) a year's
 * arrangement from the State Council General Office's notice. The file:
 * { "source"?: "国办发明电〔2025〕7号", "year"?: 2026, "days": [{ "date", "kind": "off"|"work", "name" }] }.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ValidationError } from '../../core/errors.js';
import { CLI_ACTOR, type CliContext } from '../cli-context.js';
import { CliError, UsageError } from '../cli-errors.js';
import { parseCommandArgs, parseYear, requirePositional } from '../parse-command-args.js';
import { fileError } from '../read-report-file.js';
import { CALENDAR_USAGE } from '../usage.js';

/** A notice file is a few kilobytes; anything near this is not one. */
const MAX_NOTICE_BYTES = 1024 * 1024;
const FILE_KEYS = new Set(['year', 'source', 'days']);

/** Reads the notice file: JSON with a `days` list (and optionally `year`, `source`). */
async function readNotice(path: string, cwd: string): Promise<{ year?: unknown; source?: unknown; days?: unknown }> {
  const full = resolve(cwd, path);
  let text: string;
  try {
    if ((await stat(full)).size > MAX_NOTICE_BYTES) throw new CliError(`文件 ${path} 过大（节假日安排文件不超过 1 MB）`);
    text = await readFile(full, 'utf8');
  } catch (e) {
    throw fileError(e, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`文件 ${path} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError(`文件 ${path} 应为对象：{ "days": [{ "date", "kind", "name" }, …] }`, { field: 'file' });
  }
  const unknownKeys = Object.keys(json).filter((k) => !FILE_KEYS.has(k));
  if (unknownKeys.length > 0) throw new ValidationError(`文件 ${path} 有未知字段：${unknownKeys.join('、')}（只允许 year、source、days）`, { field: 'file' });
  return json;
}

/** gongkai calendar set-year. */
export async function calendarSetYearCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    file: { type: 'string', short: 'f' },
    source: { type: 'string' },
  }, CALENDAR_USAGE, 1);
  if (values.help) {
    ctx.out(CALENDAR_USAGE);
    return 0;
  }
  const year = parseYear(requirePositional(positionals, 0, 'YYYY（年度）', CALENDAR_USAGE), CALENDAR_USAGE);
  if (values.file === undefined) throw new UsageError('缺少选项 --file（节假日安排 JSON 文件）', CALENDAR_USAGE);
  const notice = await readNotice(values.file, ctx.cwd);
  if (notice.year !== undefined && notice.year !== year) {
    throw new ValidationError(`文件中的年度（${String(notice.year)}）与命令中的年度（${year}）不一致`, { field: 'year' });
  }
  if (notice.source !== undefined && typeof notice.source !== 'string') throw new ValidationError('文件中的 source 应为文字（如通知文号）', { field: 'source' });
  const source = values.source ?? (notice.source as string | undefined);
  // The calendar and the deadlines that depend on it change together, in one transaction.
  const { entered, recomputed } = await ctx.transaction((services) => services.enterHolidayYear(year, notice.days, CLI_ACTOR, source));
  const off = entered.days.filter((d) => d.kind === 'off').length;
  ctx.out(`已录入 ${year} 年节假日安排：放假 ${off} 日，调休上班 ${entered.days.length - off} 日（来源：${entered.source}）。`);
  ctx.out(`已重新计算 ${recomputed.checked} 件未办结申请的答复期限，其中 ${recomputed.changed} 件有变化。`);
  for (const failure of recomputed.failures) ctx.err(`未能重新计算：${failure.message}`);
  return 0;
}
