/**
 * gongkai search rebuild: empties the public search index and fills it again from every registered source
 * (search-sources.ts), in one transaction — the portal keeps searching the old index until it is committed.
 * The modules that register sources are listed here (the CLI sits above every feature and may load them).
 */
import type { CliContext } from '../cli/cli-context.js';
import { CliError } from '../cli/cli-errors.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { SEARCH_USAGE } from '../cli/usage.js';
import { SEARCH_KIND_NAMES } from './search-kinds.js';
import { registeredSearchKinds } from './search-sources.js';

/**
 * Modules whose loading registers a search source (registerSearchSource): disclosure's items, attachments and
 * guides, and reports. A feature that starts indexing on publication adds its module here.
 */
export const SEARCH_SOURCE_MODULES: ReadonlyArray<() => Promise<unknown>> = [
  () => import('../disclosure/item-search.js'), // items and their attachments
  () => import('../disclosure/guide-search.js'),
  () => import('../reports/report-search.js'),
  () => import('../matters/matter-search.js'),
];

/** gongkai search rebuild. */
export async function searchRebuildCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {}, SEARCH_USAGE, 0);
  if (values.help) {
    ctx.out(SEARCH_USAGE);
    return 0;
  }
  for (const load of SEARCH_SOURCE_MODULES) await load();
  const kinds = registeredSearchKinds();
  // Rebuilding from nothing would empty an index that publishing keeps: refuse instead.
  if (kinds.length === 0) throw new CliError('尚无功能登记检索来源，未重建全文检索索引（索引保持不变）');
  const started = Date.now();
  let shown = started;
  const count = await ctx.transaction((services) => services.rebuildSearchIndex((n) => {
    if (Date.now() - shown > 5000) {
      shown = Date.now();
      ctx.err(`已索引 ${n} 份…`);
    }
  }));
  ctx.out(`已重建全文检索索引：${count} 份文件（${kinds.map((k) => SEARCH_KIND_NAMES[k]).join('、')}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  return 0;
}
