/**
 * gongkai demo items: adds generated demo items (src/demo/demo-items-generator.ts) to the demo bureau, through the
 * review chain, in one transaction (all or nothing).
 */
import { withDatabase } from '../cli/application-db.js';
import type { CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { NotFoundError } from '../core/errors.js';
import { addDemoItems, MAX_DEMO_ITEMS } from './demo-items-generator.js';
import { DEMO_ITEMS_USAGE } from './demo-usage.js';
import { DEMO_BUREAU } from './seed-demo.js';

/** A whole number option within bounds, or a usage error naming it. */
function wholeNumber(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`选项 ${name} 应为 ${min} 至 ${max} 之间的整数，实际为“${raw}”`, DEMO_ITEMS_USAGE);
  return n;
}

/** gongkai demo items [--count N] [--year YYYY]. */
export async function demoItemsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { count: { type: 'string' }, year: { type: 'string' } }, DEMO_ITEMS_USAGE, 0);
  if (values.help) {
    ctx.out(DEMO_ITEMS_USAGE);
    return 0;
  }
  const count = wholeNumber(values.count, 300, '--count', 1, MAX_DEMO_ITEMS);
  const year = wholeNumber(values.year, 2024, '--year', 2008, 2100);
  const started = Date.now();
  const result = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    const bureau = await trx.selectFrom('agencies').select('id').where('name', '=', DEMO_BUREAU).executeTakeFirst();
    if (!bureau) throw new NotFoundError(`数据库中没有演示机关“${DEMO_BUREAU}”，本命令只用于演示数据库`);
    return addDemoItems(trx, Number(bureau.id), count, year);
  }));
  ctx.out(`已为${DEMO_BUREAU}生成并发布 ${result.items} 条演示政府信息（${year} 年，经完整审核流程），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  return 0;
}
