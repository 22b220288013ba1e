/**
 * gongkai catalogue show | apply-template: an agency's 主动公开基本目录 as indented text, and a template applied
 * to it (one transaction, recorded with the command line's operator as actor). Same database as the server.
 */
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { CATALOGUE_TEMPLATES } from '../core/disclosure/catalogue-templates.js';
import { ART20_ITEMS } from '../core/disclosure/item-labels.js';
import { NotFoundError } from '../core/errors.js';
import { catalogueVersions } from './catalogue-versions.js';
import { catalogueService } from './catalogue.service.js';
import { CATALOGUE_USAGE } from './catalogue-usage.js';

/** A node to print: the live tree's and a snapshot's share these fields. */
interface PrintNode {
  id: number;
  name: string;
  art20Item: string | null;
  details: Record<string, unknown> | null;
  children: PrintNode[];
}

/** The tree as lines: number, name, the Art. 20 item it is tied to, and (asked) the element fields. */
export function treeLines(nodes: readonly PrintNode[], withDetails: boolean, depth = 0): string[] {
  return nodes.flatMap((n) => {
    const tie = n.art20Item ? `  〔条例第二十条${ART20_ITEMS[n.art20Item]?.slice(0, ART20_ITEMS[n.art20Item]!.indexOf('）') + 1) ?? n.art20Item}〕` : '';
    const lines = [`${'  '.repeat(depth)}[${n.id}] ${n.name}${tie}`];
    if (withDetails && n.details) {
      const d = n.details as Record<string, unknown>;
      const field = (label: string, value: unknown) => (value === undefined || value === '' ? [] : [`${'  '.repeat(depth + 2)}${label}：${Array.isArray(value) ? value.join('、') : String(value)}`]);
      lines.push(...field('公开内容', d.content), ...field('公开依据', d.basis), ...field('公开时限', d.timeLimit), ...field('公开主体', d.subject),
        ...field('公开渠道和载体', d.channels), ...field('公开对象', d.audience), ...field('公开方式', d.mode), ...field('公开层级', d.levels));
    }
    return [...lines, ...treeLines(n.children, withDetails, depth + 1)];
  });
}

/** gongkai catalogue show. */
export async function catalogueShowCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string' }, published: { type: 'boolean' }, details: { type: 'boolean' } }, CATALOGUE_USAGE, 0);
  if (values.help) {
    ctx.out(CATALOGUE_USAGE);
    return 0;
  }
  if (values.agency === undefined) throw new UsageError('缺少选项 --agency（机关名称或编号）', CATALOGUE_USAGE);
  const agency = await resolveAgency(await ctx.services(), values.agency);
  const text = await withDatabase(ctx, async (db) => {
    if (values.published) {
      try {
        const v = await catalogueVersions(db, ctx.clock).published(agency.id);
        return [`${agency.name} 主动公开基本目录（已发布第 ${v.version} 版，发布时间 ${v.publishedAt}，共 ${v.nodeCount} 个类目）`, ...treeLines(v.tree as PrintNode[], Boolean(values.details))];
      } catch (e) {
        if (e instanceof NotFoundError) return [`${agency.name} 的主动公开基本目录尚未发布。`];
        throw e;
      }
    }
    const tree = await catalogueService(db, ctx.clock).tree(agency.id);
    if (tree.length === 0) {
      return [`${agency.name} 的主动公开基本目录还没有类目。可套用模板：gongkai catalogue apply-template --agency ${agency.id} --template seed|basic-26`];
    }
    return [`${agency.name} 主动公开基本目录（编辑中）`, ...treeLines(tree, Boolean(values.details))];
  });
  ctx.out(text.join('\n'));
  return 0;
}

/** gongkai catalogue apply-template. */
export async function catalogueApplyTemplateCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string' }, template: { type: 'string' } }, CATALOGUE_USAGE, 0);
  if (values.help) {
    ctx.out(CATALOGUE_USAGE);
    return 0;
  }
  if (values.agency === undefined) throw new UsageError('缺少选项 --agency（机关名称或编号）', CATALOGUE_USAGE);
  if (values.template === undefined) throw new UsageError('缺少选项 --template（seed 或 basic-26）', CATALOGUE_USAGE);
  const agency = await resolveAgency(await ctx.services(), values.agency);
  const applied = await withDatabase(ctx, (db) => db.transaction().execute((trx) =>
    catalogueService(trx, ctx.clock).applyTemplate(agency.id, values.template!, CLI_ACTOR)));
  const name = CATALOGUE_TEMPLATES[applied.template as keyof typeof CATALOGUE_TEMPLATES].name;
  ctx.out(`已为${agency.name}套用“${name}”：新增 ${applied.added} 个类目${applied.kept > 0 ? `，保留同名类目 ${applied.kept} 个` : ''}。`);
  return 0;
}
