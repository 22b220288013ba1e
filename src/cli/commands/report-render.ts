/**
 * gongkai report render FILE --to html|docx|pdf|json [-o OUT]: renders an interchange file with
 * the same renderers as the downloads, and says where the file went and how large it is.
 */
import { basename, extname, join, dirname, relative, resolve } from 'node:path';
import { isOutputFormat, OUTPUT_FORMATS, renderReport } from '../../render/render-report.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { formatSize } from '../format-size.js';
import { parseCommandArgs, requirePositional } from '../parse-command-args.js';
import { readReportFile } from '../read-report-file.js';
import { REPORT_USAGE } from '../usage.js';
import { writeOutputFile } from '../write-output.js';

const FORMAT_NAMES: Record<string, string> = { html: 'HTML', docx: 'Word', pdf: 'PDF', json: '交换格式 JSON' };

/** Runs the command; returns the exit code. */
export async function reportRenderCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    to: { type: 'string', short: 't' },
    output: { type: 'string', short: 'o' },
  }, REPORT_USAGE, 1);
  if (values.help) {
    ctx.out(REPORT_USAGE);
    return 0;
  }
  const file = requirePositional(positionals, 0, 'FILE（交换格式 JSON 文件）', REPORT_USAGE);
  const to = values.to;
  if (to === undefined) throw new UsageError(`缺少选项 --to（可选：${OUTPUT_FORMATS.join('、')}）`, REPORT_USAGE);
  if (!isOutputFormat(to)) throw new UsageError(`不支持的输出格式“${to}”（可选：${OUTPUT_FORMATS.join('、')}）`, REPORT_USAGE);
  // Default output: beside the input, same name, the format's extension.
  const output = values.output ?? join(dirname(file), `${basename(file, extname(file))}.${to}`);
  if (resolve(ctx.cwd, output) === resolve(ctx.cwd, file)) {
    throw new UsageError(`输出文件与输入文件相同（${file}），请用 -o 指定其他文件名`, REPORT_USAGE);
  }
  const report = await readReportFile(file, ctx.cwd);
  const rendered = await renderReport(report, to);
  const written = await writeOutputFile(output, ctx.cwd, rendered.body);
  const shown = relative(ctx.cwd, written).startsWith('..') ? written : relative(ctx.cwd, written) || written;
  ctx.out(`已写入 ${shown}（${FORMAT_NAMES[to]}，${formatSize(rendered.body.length)}）`);
  return 0;
}
