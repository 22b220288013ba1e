/**
 * gongkai calendar deadline --from YYYY-MM-DD --working-days N [--explain]: the date N working days
 * after a date of receipt (the day itself not counted), from the calendar in the database.
 */
import { dateWithWeekday } from '../../core/calendar/civil-date.js';
import { addWorkingDays, MAX_WORKING_DAYS } from '../../core/calendar/work-calendar.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { pad } from '../text-table.js';
import { CALENDAR_USAGE } from '../usage.js';

/** gongkai calendar deadline. */
export async function calendarDeadlineCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    from: { type: 'string' },
    'working-days': { type: 'string', short: 'n' },
    explain: { type: 'boolean' },
  }, CALENDAR_USAGE, 0);
  if (values.help) {
    ctx.out(CALENDAR_USAGE);
    return 0;
  }
  if (values.from === undefined) throw new UsageError('缺少选项 --from（收到申请等起算日期，YYYY-MM-DD）', CALENDAR_USAGE);
  const count = values['working-days'];
  if (count === undefined) throw new UsageError('缺少选项 --working-days（工作日天数，如 20）', CALENDAR_USAGE);
  if (!/^\d{1,4}$/.test(count) || Number(count) > MAX_WORKING_DAYS) {
    throw new UsageError(`--working-days 应为 0 至 ${MAX_WORKING_DAYS} 的整数，实际为“${count}”`, CALENDAR_USAGE);
  }
  const n = Number(count);
  const calendar = await (await ctx.services()).calendar.load();
  const { date, explain } = addWorkingDays(calendar, values.from, n);
  if (!values.explain) {
    ctx.out(dateWithWeekday(date));
    return 0;
  }
  const lines = [
    dateWithWeekday(date),
    `自 ${dateWithWeekday(values.from)}起 ${n} 个工作日：起算当日不计入，自次日起计算（《民法典》第二百零一条）。`,
  ];
  let counted = 0;
  for (const day of explain) {
    const label = day.counted ? `第 ${++counted} 日` : '不计';
    lines.push(`  ${dateWithWeekday(day.date)}  ${pad(label, 8)}  ${day.reason}`);
  }
  const skipped = explain.length - counted;
  lines.push(n === 0 ? '工作日天数为 0：即起算日期本身。' : `共经过 ${explain.length} 日：计入 ${counted} 个工作日，跳过 ${skipped} 日。`);
  ctx.out(lines.join('\n'));
  return 0;
}
