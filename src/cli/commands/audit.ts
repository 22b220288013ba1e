/**
 * gongkai audit DIR|FILES… [--out FILE.xlsx|.csv|.html]: reads many published reports at once
 * (folders searched recursively), shows progress on stderr, prints one row per report and writes
 * the chosen output. Exit 0 even when some reports fail: finding them is the point of an audit.
 */
import { extname, relative } from 'node:path';
import { auditCsv, auditProblemsCsv, problemsCsvPath } from '../../audit/audit-csv.js';
import { formatLabel, percent, totalsSentence } from '../../audit/audit-columns.js';
import { auditHtml } from '../../audit/audit-html.js';
import { auditFiles, type AuditResult } from '../../audit/audit-run.js';
import { auditXlsx, type AuditOutputOptions } from '../../audit/audit-xlsx.js';
import type { CliContext } from '../cli-context.js';
import { CliError, UsageError } from '../cli-errors.js';
import { formatSize } from '../format-size.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { progressReporter } from '../progress.js';
import { formatTable } from '../text-table.js';
import { AUDIT_USAGE } from '../usage.js';
import { writeOutputFile } from '../write-output.js';

const OUTPUTS = ['.xlsx', '.csv', '.html', '.htm'];

/** A timestamp of the clock as Beijing time for the outputs: 2024-03-01 16:00. */
export function beijingTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}（北京时间）`;
}

/** The summary table printed at the end. */
function summaryTable(audit: AuditResult): string {
  const n = (v: number | null) => (v === null ? '' : String(v));
  const rows = audit.rows.map((r) => [
    r.file, r.agency ?? '', n(r.year), r.format ? formatLabel(r.format) : '', n(r.hardFailures), n(r.warnings), n(r.blanks), n(r.unreadable),
    percent(r.confidence), r.error ? `无法读取：${r.error.length > 40 ? `${r.error.slice(0, 40)}……` : r.error}` : '',
  ]);
  return formatTable([
    { header: '文件' }, { header: '机关' }, { header: '年度' }, { header: '格式' }, { header: '错误', align: 'right' },
    { header: '警告', align: 'right' }, { header: '空白', align: 'right' }, { header: '未能读取', align: 'right' },
    { header: '置信度', align: 'right' }, { header: '说明' },
  ], rows);
}

/** Writes the output file(s); returns the lines saying what was written. */
async function writeOutputs(audit: AuditResult, out: string, ctx: CliContext, options: AuditOutputOptions): Promise<string[]> {
  const ext = extname(out).toLowerCase();
  const files: Array<{ path: string; body: Buffer | string; what: string }> = [];
  if (ext === '.xlsx') files.push({ path: out, body: await auditXlsx(audit, options), what: 'Excel 工作簿：报告、问题、说明三个工作表' });
  else if (ext === '.csv') {
    files.push({ path: out, body: auditCsv(audit), what: 'CSV，每份报告一行' });
    files.push({ path: problemsCsvPath(out), body: auditProblemsCsv(audit), what: 'CSV，每个问题一行' });
  } else files.push({ path: out, body: auditHtml(audit, options), what: 'HTML 页面，可打印' });
  const lines: string[] = [];
  for (const f of files) {
    const written = await writeOutputFile(f.path, ctx.cwd, f.body);
    const shown = relative(ctx.cwd, written).startsWith('..') ? written : relative(ctx.cwd, written) || written;
    lines.push(`已写入 ${shown}（${f.what}，${formatSize(Buffer.byteLength(f.body))}）`);
  }
  return lines;
}

/** Runs the command; returns the exit code. */
export async function auditCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' } }, AUDIT_USAGE, Number.MAX_SAFE_INTEGER);
  if (values.help) {
    ctx.out(AUDIT_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('缺少参数 DIR 或 FILE（要核查的目录或报告文件）', AUDIT_USAGE);
  const out = values.out;
  if (out !== undefined && !OUTPUTS.includes(extname(out).toLowerCase())) {
    throw new UsageError(`不支持的输出文件类型“${out}”（--out 的扩展名应为 .xlsx、.csv 或 .html）`, AUDIT_USAGE);
  }
  const audit = await auditFiles(positionals, progressReporter(process.stderr), { cwd: ctx.cwd });
  if (audit.rows.length === 0) throw new CliError(`在 ${positionals.join('、')} 中未找到文件（隐藏文件不读取）`);

  ctx.out(summaryTable(audit));
  ctx.out(['', totalsSentence(audit.rows), `问题共 ${audit.problems.length} 条（错误 ${audit.problems.filter((p) => p.severity === 'error').length} 条）。`].join('\n'));
  if (out !== undefined) ctx.out((await writeOutputs(audit, out, ctx, { generatedAt: beijingTime(ctx.clock()) })).join('\n'));
  else ctx.out('用 --out 文件.xlsx、.csv 或 .html 保存核查结果及每个问题的明细。');
  return 0;
}
