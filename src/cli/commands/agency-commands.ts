/**
 * gongkai agency list: the agencies as a tree (children indented under their parent).
 * gongkai agency add NAME --kind government|department|unit [--parent NAME|ID].
 */
import type { Agency } from '../../agencies/agency.service.js';
import { CLI_ACTOR, type CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { parseCommandArgs, requirePositional } from '../parse-command-args.js';
import { KIND_NAMES, resolveAgency } from '../resolve-agency.js';
import { AGENCY_USAGE } from '../usage.js';

const KINDS = Object.keys(KIND_NAMES) as Array<Agency['kind']>;

/** Lines of the agency tree, depth-first, siblings in name order; orphans (parent missing) at the top. */
export function agencyTree(agencies: Agency[]): string[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<number | null, Agency[]>();
  for (const a of agencies) {
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const lines: string[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
    for (const a of list) {
      if (seen.has(a.id)) continue; // a cycle in bad data must not loop forever
      seen.add(a.id);
      lines.push(`${'  '.repeat(depth)}${a.name}（编号 ${a.id}，${KIND_NAMES[a.kind] ?? a.kind}）`);
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

/** gongkai agency list. */
export async function agencyListCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {}, AGENCY_USAGE, 0);
  if (values.help) {
    ctx.out(AGENCY_USAGE);
    return 0;
  }
  const agencies = await (await ctx.services()).agencies.list();
  if (agencies.length === 0) {
    ctx.out('尚无机关。可用“gongkai agency add 名称 --kind …”添加。');
    return 0;
  }
  ctx.out([...agencyTree(agencies), `共 ${agencies.length} 个机关`].join('\n'));
  return 0;
}

/** gongkai agency add. */
export async function agencyAddCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string', short: 'k' },
    parent: { type: 'string', short: 'p' },
  }, AGENCY_USAGE, 1);
  if (values.help) {
    ctx.out(AGENCY_USAGE);
    return 0;
  }
  const name = requirePositional(positionals, 0, 'NAME（机关名称）', AGENCY_USAGE);
  const kind = values.kind;
  if (kind === undefined) throw new UsageError(`缺少选项 --kind（可选：${KINDS.join('、')}）`, AGENCY_USAGE);
  if (!(KINDS as string[]).includes(kind)) {
    throw new UsageError(`机关类别“${kind}”无效（可选：${KINDS.map((k) => `${k}（${KIND_NAMES[k]}）`).join('、')}）`, AGENCY_USAGE);
  }
  const agency = await ctx.transaction(async (services) => {
    const parentId = values.parent === undefined ? null : (await resolveAgency(services, values.parent)).id;
    return services.agencies.create({ name, kind: kind as Agency['kind'], parentId }, CLI_ACTOR);
  });
  ctx.out(`已添加机关：${agency.name}（编号 ${agency.id}，${KIND_NAMES[agency.kind]}）`);
  return 0;
}
