/**
 * gongkai report parse FILE [--json] [--import [--agency NAME|ID]]: reads a published report
 * (Word, PDF, web page or text), prints what was read and where, and the checks. Exit 1 on a hard
 * failure (as `report check`), 2 when the file cannot be read as a report. With --import the
 * parsed report is stored as the agency's report in one transaction — refused, with nothing
 * stored, when a figure could not be determined (never store a guess).
 */
import { stat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotFoundError } from '../../core/errors.js';
import { getFormat } from '../../core/format/registry.js';
import type { ParseResult } from '../../core/parse/parse-types.js';
import { MAX_PARSE_BYTES, parseReportFile, tooLargeMessage } from '../../parse/parse-file.js';
import { documentForImport, importNote } from '../../parse/parse-import.js';
import { parseResultJson } from '../../parse/parse-summary.js';
import { CLI_ACTOR, type CliContext } from '../cli-context.js';
import { CliError, EXIT_ERROR, EXIT_HARD_FAILURES, UsageError } from '../cli-errors.js';
import { parseCommandArgs, requirePositional } from '../parse-command-args.js';
import { formatParseSummary } from '../parse-summary-text.js';
import { fileError } from '../read-report-file.js';
import { statusName } from '../report-labels.js';
import { AGENCY_HINT, resolveAgency } from '../resolve-agency.js';
import { REPORT_USAGE } from '../usage.js';

/** Reads the file (refusing a too-large one before reading it) and parses it. */
async function parseFromDisk(file: string, cwd: string): Promise<ParseResult> {
  const full = resolve(cwd, file);
  let bytes: Buffer;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new CliError(`${file} 是目录，不是文件（批量读取请用 gongkai audit ${file}）`);
    if (info.size > MAX_PARSE_BYTES) throw new CliError(`${tooLargeMessage(info.size)}：${file}`);
    bytes = await readFile(full);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw fileError(e, file);
  }
  return parseReportFile(bytes, file);
}

/** Stores the parsed report; returns the lines saying what was stored. */
async function importParsed(ctx: CliContext, result: ParseResult, agencyRef: string | undefined): Promise<string[]> {
  // Refuses (ValidationError listing the cells) when a figure could not be determined.
  const doc = documentForImport(result);
  const stored = await ctx.transaction(async (services) => {
    const agencyId = agencyRef !== undefined ? (await resolveAgency(services, agencyRef)).id : undefined;
    try {
      return await services.reports.importDocument(doc, { agencyId }, CLI_ACTOR, importNote(result));
    } catch (e) {
      if (e instanceof NotFoundError && agencyId === undefined) {
        throw new CliError(`找不到机关“${doc.agency.name || '（报告中未找到机关名称）'}”（按报告标题或落款识别的机关）。`,
          `${AGENCY_HINT}也可用 --agency 指定导入到哪个机关。`);
      }
      throw e;
    }
  });
  return [
    `已导入年度报告，编号 ${stored.id}`,
    `  机关：${stored.agencyName}（编号 ${stored.agencyId}）`,
    `  年度：${stored.year}`,
    `  格式：${getFormat(stored.format).name}（${getFormat(stored.format).document}）`,
    `  版本：${stored.version}`,
    `  状态：${statusName(stored.status)}`,
  ];
}

/** Runs the command; returns the exit code. */
export async function reportParseCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    import: { type: 'boolean' },
    agency: { type: 'string', short: 'a' },
  }, REPORT_USAGE, 1);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const file = requirePositional(positionals, 0, 'FILE（已发布的年度报告：Word、PDF、网页或文本文件）', REPORT_USAGE);
  if (values.agency !== undefined && !values.import) throw new UsageError('选项 --agency 须与 --import 一起使用', REPORT_USAGE);
  const result = await parseFromDisk(file, ctx.cwd);

  if (values.json) ctx.out(JSON.stringify(parseResultJson(result), null, 2));
  else ctx.out(formatParseSummary(result, file));
  if (result.error || !result.report) {
    if (values.json) ctx.err(`错误：无法作为年度报告读取：${result.error}`);
    if (values.import) ctx.err('未导入。');
    return EXIT_ERROR;
  }
  if (values.import) {
    const lines = await importParsed(ctx, result, values.agency);
    // With --json stdout holds only the JSON.
    if (values.json) ctx.err(lines.join('\n'));
    else ctx.out(['', ...lines].join('\n'));
  }
  return (result.checks?.hardFailures ?? 0) > 0 ? EXIT_HARD_FAILURES : 0;
}
