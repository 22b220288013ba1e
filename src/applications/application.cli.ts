/**
 * gongkai application list|show|receive: disclosure applications from the command line, on the same
 * database as the server. Lists mask personal data; changes run in one transaction and are recorded
 * with the actor “cli”.
 */
import { agencyService } from '../agencies/agency.service.js';
import { isChannel, type ReceiptEvidence } from '../core/applications/receipt-date.js';
import type { IdentityKind } from '../core/applications/identity.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, parsePositiveInt, requirePositional } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import { service, withDatabase } from '../cli/application-db.js';
import { APPLICATION_USAGE } from './application-usage.js';

/** gongkai application list. */
export async function applicationListCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' }, open: { type: 'boolean' }, state: { type: 'string' },
  }, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const agencyId = values.agency === undefined ? undefined : (await resolveAgency(await ctx.services(), values.agency)).id;
  const list = await withDatabase(ctx, async (db) => (await service(db, ctx)).list({ agencyId, open: values.open, state: values.state }));
  if (list.length === 0) {
    ctx.out('没有符合条件的申请。');
    return 0;
  }
  ctx.out([
    formatTable(
      [{ header: '编号', align: 'right' }, { header: '登记号' }, { header: '机关' }, { header: '收到日期' }, { header: '申请人' },
        { header: '类型' }, { header: '状态' }, { header: '答复期限' }],
      list.map((a) => [String(a.id), a.caseNo, a.agencyName, a.receivedOn, a.applicant.name, a.applicantTypeName, a.stateName, a.dueOn ?? '—']),
    ),
    `共 ${list.length} 件`,
  ].join('\n'));
  return 0;
}

/** gongkai application show ID. */
export async function applicationShowCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {}, APPLICATION_USAGE, 1);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const id = parsePositiveInt(requirePositional(positionals, 0, 'ID（申请编号）', APPLICATION_USAGE), 'ID', APPLICATION_USAGE);
  const { detail, history } = await withDatabase(ctx, async (db) => {
    const svc = await service(db, ctx);
    return { detail: await svc.get(id), history: await svc.history(id) };
  });
  ctx.out([
    `${detail.agencyName} 依申请公开 ${detail.caseNo}（编号 ${detail.id}）`,
    `状态：${detail.stateName}　答复期限：${detail.dueOn ?? '暂停计算'}${detail.resultRow ? `　表三结果行：${detail.resultRow}` : ''}`,
    `申请人：${detail.applicant.name}（${detail.applicantTypeName}）`,
    `所需信息：${detail.subject}　获取方式：${detail.formWanted}`,
    '期限计算：',
    ...detail.clock.explain.map((l) => `  ${l}`),
    ...detail.clock.warnings.map((w) => `  提示：${w}`),
    '办理记录：',
    ...history.map((e) => `  ${e.at}  ${e.actor}  ${e.type}  ${e.onDate}`),
  ].join('\n'));
  return 0;
}

/** gongkai application receive. */
export async function applicationReceiveCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    agency: { type: 'string', short: 'a' }, channel: { type: 'string' }, date: { type: 'string' }, type: { type: 'string' },
    name: { type: 'string' }, 'id-number': { type: 'string' }, 'id-type': { type: 'string' }, phone: { type: 'string' },
    address: { type: 'string' }, email: { type: 'string' }, subject: { type: 'string' }, form: { type: 'string' },
  }, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  for (const [key, label] of [['agency', '受理机关'], ['channel', '申请渠道'], ['date', '收到申请依据日期'], ['type', '申请人类型'],
    ['name', '申请人姓名或名称'], ['id-number', '身份证明号码'], ['subject', '所需信息描述'], ['form', '获取方式']] as const) {
    if (values[key] === undefined) throw new UsageError(`缺少选项 --${key}（${label}）`, APPLICATION_USAGE);
  }
  const channel = values.channel!;
  if (!isChannel(channel)) throw new UsageError(`未知的申请渠道“${channel}”`, APPLICATION_USAGE);
  const evidenceField: keyof ReceiptEvidence = channel === 'in-person' ? 'handedInOn' : channel === 'registered-post' ? 'signedForOn' : 'confirmedOn';
  const agency = await resolveAgency(await ctx.services(), values.agency!);
  const created = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) => {
    await agencyService(trx).get(agency.id);
    return (await service(trx, ctx)).receive({
      agencyId: agency.id, channel, evidence: { [evidenceField]: values.date }, applicantType: values.type!,
      applicant: {
        name: values.name!, idNumber: values['id-number']!, idType: values['id-type'] as IdentityKind | undefined,
        phone: values.phone, address: values.address, email: values.email,
      },
      subject: values.subject!, formWanted: values.form!,
    }, CLI_ACTOR);
  }));
  ctx.out([
    `已登记：${created.agencyName} ${created.caseNo}（编号 ${created.id}）`,
    `收到申请日期：${created.receivedOn}　答复期限：${created.dueOn ?? '暂停计算'}`,
    `查询码：${created.queryCode}`,
  ].join('\n'));
  return 0;
}
