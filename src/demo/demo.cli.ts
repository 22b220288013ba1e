/**
 * gongkai demo disclosure-year: plays the scripted 2025 year of proactive disclosure (demo-disclosure-year.ts) on
 * the demo bureau of a database whose demo data was made without it (by a command line run before the server's
 * first start, or before the script existed). One transaction: all or nothing.
 */
import { withDatabase } from '../cli/application-db.js';
import type { CliContext } from '../cli/cli-context.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { playDemoDisclosureYear } from './demo-disclosure-year.js';
import { DEMO_USAGE } from './demo-usage.js';
import { DEMO_BUREAU } from './seed-demo.js';

/** gongkai demo disclosure-year. */
export async function demoDisclosureYearCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {}, DEMO_USAGE, 0);
  if (values.help) {
    ctx.out(DEMO_USAGE);
    return 0;
  }
  const result = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    const bureau = await trx.selectFrom('agencies').select(['id', 'name']).where('name', '=', DEMO_BUREAU).executeTakeFirst();
    if (!bureau) throw new NotFoundError(`数据库中没有演示机关“${DEMO_BUREAU}”，本命令只用于演示数据库`);
    const held = await trx.selectFrom('items').select('id').where('agency_id', '=', bureau.id).executeTakeFirst();
    if (held) throw new ConflictError(`${DEMO_BUREAU}已有政府信息，不再演练演示年度`, 'DEMO_YEAR_PRESENT');
    return playDemoDisclosureYear(trx, { id: Number(bureau.id), name: bureau.name });
  }));
  ctx.out(`已为${DEMO_BUREAU}演练 ${result.year} 年度主动公开（演示数据）：政府信息 ${result.items} 条，${result.year} 年度报告已发布。`);
  return 0;
}
