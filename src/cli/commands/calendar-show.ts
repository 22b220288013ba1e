/**
 * gongkai calendar show [YYYY]: one year's days off and make-up working days as entered, or the
 * covered years when no year is given.
 */
import { dateWithWeekday } from '../../core/calendar/civil-date.js';
import { coveredYearsText } from '../../core/calendar/work-calendar.js';
import type { CliContext } from '../cli-context.js';
import { parseCommandArgs, parseYear } from '../parse-command-args.js';
import { pad } from '../text-table.js';
import { CALENDAR_USAGE } from '../usage.js';

const KIND_LABELS = { off: '放假', work: '调休上班' } as const;

/** gongkai calendar show. */
export async function calendarShowCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {}, CALENDAR_USAGE, 1);
  if (values.help) {
    ctx.out(CALENDAR_USAGE);
    return 0;
  }
  const { calendar } = await ctx.services();
  if (positionals[0] === undefined) {
    ctx.out(`${coveredYearsText(await calendar.years())}。查看某一年度：gongkai calendar show YYYY`);
    return 0;
  }
  const year = await calendar.getYear(parseYear(positionals[0], CALENDAR_USAGE));
  const off = year.days.filter((d) => d.kind === 'off').length;
  ctx.out([
    `${year.year} 年节假日安排（来源：${year.source}；录入时间：${year.updatedAt}）`,
    ...year.days.map((d) => `  ${dateWithWeekday(d.date)}  ${pad(KIND_LABELS[d.kind], 8)}  ${d.name}`),
    `共 ${year.days.length} 日：放假 ${off} 日，调休上班 ${year.days.length - off} 日；其余星期一至星期五为工作日，星期六、星期日休息。`,
  ].join('\n'));
  return 0;
}
