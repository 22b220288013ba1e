/**
 * gongkai proposal list|register|answer|feedback|warnings|counts: the 建议提案 of an agency from the command line,
 * recorded with the local operator as actor. Publishing the result needs the review chain (named reviewers), so it
 * is done in the web UI or the API.
 */
import { readFile } from 'node:fs/promises';
import { withDatabase } from '../cli/application-db.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, parsePositiveInt, parseYear } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import { calendarService } from '../calendar/calendar.service.js';
import { chinaDay } from '../disclosure/item-drafting.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { PROPOSAL_USAGE } from './proposal-usage.js';
import { proposalService, type Proposal } from './proposal.service.js';

const AGENCY = { agency: { type: 'string', short: 'a' } } as const;

async function agencyOf(ctx: CliContext, agency: string | undefined) {
  if (agency === undefined) throw new UsageError('缺少选项 --agency（机关名称或编号）', PROPOSAL_USAGE);
  return resolveAgency(await ctx.services(), agency);
}

/** Runs `work` with the service in one transaction (the working-day calendar as stored). */
function inService<T>(ctx: CliContext, work: (svc: ReturnType<typeof proposalService>) => Promise<T>): Promise<T> {
  return withDatabase(ctx, (db) => db.transaction().execute(async (trx: Kysely<Database>) =>
    work(proposalService(trx, ctx.clock, await calendarService(trx, ctx.clock).load()))));
}

const dueText = (p: Proposal) => p.dueOn ?? `待定（尚未录入 ${p.duePendingYear} 年节假日安排）`;

function describe(p: Proposal): string {
  return `${p.regNo} ${p.kindName}${p.sourceNo}“${p.title}”（${p.proposer}）：${p.stateName}，答复期限 ${dueText(p)}`
    + `${p.answeredOn ? `，${p.answeredOn} 答复${p.lateReason ? `（逾期：${p.lateReason}）` : ''}` : ''}${p.feedbackName ? `，反馈：${p.feedbackName}` : ''}`;
}

function help(values: { help?: boolean }, ctx: CliContext): boolean {
  if (values.help) ctx.out(PROPOSAL_USAGE);
  return values.help === true;
}

/** gongkai proposal list --agency X [--year Y]. */
export async function proposalListCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { ...AGENCY, year: { type: 'string', short: 'y' } }, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  const year = values.year === undefined ? undefined : parseYear(values.year, PROPOSAL_USAGE);
  const list = await inService(ctx, (svc) => svc.list(agency.id, { year }));
  if (list.length === 0) {
    ctx.out(`${agency.name}没有${year ? `${year} 年度的` : ''}建议提案。`);
    return 0;
  }
  ctx.out(formatTable(
    [{ header: '编号' }, { header: '登记号' }, { header: '类别' }, { header: '原编号' }, { header: '标题' }, { header: '状态' }, { header: '答复期限' }],
    list.map((p) => [String(p.id), p.regNo, p.kindName, p.sourceNo, p.title, p.stateName, dueText(p)]),
  ));
  return 0;
}

/** gongkai proposal register --agency X --kind … */
export async function proposalRegisterCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY, kind: { type: 'string' }, 'source-no': { type: 'string' }, title: { type: 'string' }, proposer: { type: 'string' },
    'received-on': { type: 'string' }, 'assigned-on': { type: 'string' }, 'lead-office': { type: 'string' },
    'co-office': { type: 'string', multiple: true }, 'due-on': { type: 'string' },
  }, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  const v = values as Record<string, unknown>;
  const p = await inService(ctx, (svc) => svc.register(agency.id, {
    kind: v.kind, sourceNo: v['source-no'], title: v.title, proposer: v.proposer, receivedOn: v['received-on'],
    assignedOn: v['assigned-on'], leadOffice: v['lead-office'], coOffices: v['co-office'] ?? [], dueOn: v['due-on'] ?? null,
  }, CLI_ACTOR));
  ctx.out(`已登记 ${describe(p)}（编号 ${p.id}）`);
  return 0;
}

/** gongkai proposal answer --agency X --id N --answered-on D --reply-file F [--late-reason R]. */
export async function proposalAnswerCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY, id: { type: 'string' }, 'answered-on': { type: 'string' }, 'reply-file': { type: 'string' }, 'late-reason': { type: 'string' },
  }, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  if (values.id === undefined) throw new UsageError('缺少选项 --id（建议提案编号）', PROPOSAL_USAGE);
  if (values['reply-file'] === undefined) throw new UsageError('缺少选项 --reply-file（答复函文本文件）', PROPOSAL_USAGE);
  const id = parsePositiveInt(values.id, '--id', PROPOSAL_USAGE);
  const replyText = await readFile(values['reply-file'], 'utf8');
  const p = await inService(ctx, (svc) => svc.answer(agency.id, id, {
    answeredOn: values['answered-on'], replyText, lateReason: values['late-reason'] ?? null,
  }, CLI_ACTOR));
  ctx.out(`已登记答复：${describe(p)}`);
  return 0;
}

/** gongkai proposal feedback --agency X --id N --feedback K --feedback-on D [--note T]. */
export async function proposalFeedbackCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...AGENCY, id: { type: 'string' }, feedback: { type: 'string' }, 'feedback-on': { type: 'string' }, note: { type: 'string' },
  }, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  if (values.id === undefined) throw new UsageError('缺少选项 --id（建议提案编号）', PROPOSAL_USAGE);
  const id = parsePositiveInt(values.id, '--id', PROPOSAL_USAGE);
  const p = await inService(ctx, (svc) => svc.feedback(agency.id, id, { feedback: values.feedback, feedbackOn: values['feedback-on'], note: values.note ?? null }, CLI_ACTOR));
  ctx.out(`已登记反馈意见：${describe(p)}`);
  return 0;
}

/** gongkai proposal warnings --agency X. */
export async function proposalWarningsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, AGENCY, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  const w = await inService(ctx, (svc) => svc.warnings(agency.id, chinaDay(ctx.clock())));
  const lines = [`${agency.name}建议提案答复期限预警（${w.today}）：`];
  for (const x of w.overdue) lines.push(`  已逾期 ${-x.workingDaysLeft} 个工作日：${x.regNo} ${x.title}（${x.leadOffice}，期限 ${x.dueOn}）`);
  for (const x of w.dueSoon) lines.push(`  ${x.workingDaysLeft} 个工作日内到期：${x.regNo} ${x.title}（${x.leadOffice}，期限 ${x.dueOn}）`);
  if (w.pending) for (const x of w.pending.proposals) lines.push(`  ${w.pending.title}：${x.regNo} ${x.title}（三个月期满日 ${x.dueBase}）`);
  if (lines.length === 1) lines.push('  无逾期、即将到期或期限待定的建议提案。');
  ctx.out(lines.join('\n'));
  return 0;
}

/** gongkai proposal counts --agency X --year Y. */
export async function proposalCountsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { ...AGENCY, year: { type: 'string', short: 'y' } }, PROPOSAL_USAGE, 0);
  if (help(values, ctx)) return 0;
  const agency = await agencyOf(ctx, values.agency);
  if (values.year === undefined) throw new UsageError('缺少选项 --year（年度，如 2025）', PROPOSAL_USAGE);
  const c = await inService(ctx, (svc) => svc.yearCounts(agency.id, parseYear(values.year!, PROPOSAL_USAGE)));
  ctx.out(formatTable(
    [{ header: '类别' }, { header: '交办', align: 'right' }, { header: '答复', align: 'right' }, { header: '按期答复', align: 'right' }, { header: '公开办理结果', align: 'right' }],
    [['人大代表建议', c.npc], ['政协提案', c.cppcc]].map(([name, k]) => {
      const x = k as typeof c.npc;
      return [name as string, String(x.received), String(x.answered), String(x.answeredOnTime), String(x.resultsPublished)];
    }),
  ));
  ctx.out(c.text);
  return 0;
}
