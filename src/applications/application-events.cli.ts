/**
 * gongkai application event|decisions|remedy|remedy-result|warnings: the procedure of a case from the
 * command line, as thin entry points over the application service. Each change runs in one transaction
 * with the actor “cli”; a change the law does not allow is refused by the service and nothing is stored.
 */
import { EVENT_NAMES, type CaseEvent } from '../core/applications/case-events.js';
import type { FeeInput } from '../core/applications/fees.js';
import { DECISIONS, getDecision, isDecisionKey, type DecisionDef } from '../core/applications/outcomes.js';
import { getFormat, tableOf } from '../core/format/registry.js';
import { CLI_ACTOR, type CliContext } from '../cli/cli-context.js';
import { UsageError } from '../cli/cli-errors.js';
import { parseCommandArgs, parsePositiveInt, requirePositional } from '../cli/parse-command-args.js';
import { resolveAgency } from '../cli/resolve-agency.js';
import { formatTable } from '../cli/text-table.js';
import type { LockOverride } from '../reports/period-lock.js';
import { service, withDatabase } from '../cli/application-db.js';
import { chinaDate } from './case-record.js';
import type { ChangeOptions, EventInput, RemedyInput } from './application.service.js';
import type { WarningItem } from './application-warnings.js';
import { APPLICATION_USAGE } from './application-usage.js';
import { STATE_NAMES, type ApplicationDetail, type Remedy } from './application-view.js';

type EventType = Exclude<CaseEvent['type'], 'received'>;

/** The options of `event` beyond --type and --date, with what each means (for messages). */
const EVENT_OPTION_LABELS = {
  'correction-deadline': '补正期限',
  'late-reason': '逾期补正的正当理由',
  party: '被征求意见的第三方或机关',
  days: '延长的工作日数',
  approver: '批准延期的政府信息公开工作机构负责人',
  reason: '延期或延迟答复的理由',
  'reply-by': '延迟答复期限',
  'received-on': '收费通知送达日期',
  'fee-method': '信息处理费计收方式',
  pages: '页数',
  count: '件数',
  decision: '处理决定',
  particulars: '告知书须载明的事项',
} as const;

type EventOption = keyof typeof EVENT_OPTION_LABELS;

/** Per event type: the options it requires and those it accepts besides. */
const EVENT_OPTIONS: Readonly<Record<EventType, { required: EventOption[]; optional: EventOption[] }>> = {
  'correction-requested': { required: ['correction-deadline'], optional: [] },
  'correction-received': { required: [], optional: ['late-reason'] },
  'consultation-started': { required: ['party'], optional: [] },
  'consultation-ended': { required: [], optional: ['party'] },
  extended: { required: ['days', 'approver', 'reason'], optional: [] },
  'later-date-set': { required: ['reply-by', 'reason'], optional: [] },
  'fee-notice-sent': { required: ['fee-method'], optional: ['received-on', 'pages', 'count'] },
  'fee-paid': { required: [], optional: [] },
  decided: { required: ['decision'], optional: ['particulars'] },
  withdrawn: { required: [], optional: [] },
};

const EVENT_TYPES = Object.keys(EVENT_OPTIONS) as EventType[];

const OVERRIDE_OPTIONS = { 'override-approver': { type: 'string' }, 'override-reason': { type: 'string' } } as const;

const REMEDY_KINDS: Readonly<Record<Remedy['kind'], string>> = { reconsideration: '行政复议', lawsuit: '行政诉讼' };

const REMEDY_RESULTS: Readonly<Record<Remedy['result'], string>> = {
  upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结',
};

const NEEDS_NAMES: Readonly<Record<NonNullable<DecisionDef['needs']>, string>> = {
  where: '获取途径', agency: '负责机关', reason: '理由',
};

/** A date option: YYYY-MM-DD (whether the day exists is checked by the service). */
function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`选项 --${option} 应为 YYYY-MM-DD 格式的日期，实际为“${value}”`, APPLICATION_USAGE);
  return value;
}

/** A required option, or a usage error naming it. */
function requireOption(value: string | undefined, option: string, label: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少选项 --${option}（${label}）`, APPLICATION_USAGE);
  return value;
}

/** The period-lock override (both options or neither). */
function overrideOf(values: { 'override-approver'?: string; 'override-reason'?: string }): ChangeOptions {
  const approver = values['override-approver'];
  const reason = values['override-reason'];
  if (approver === undefined && reason === undefined) return {};
  if (approver === undefined || reason === undefined) {
    throw new UsageError('变更已发布年度报告的统计数据须同时填写 --override-approver（批准人）和 --override-reason（理由）', APPLICATION_USAGE);
  }
  const override: LockOverride = { approver, reason };
  return { override };
}

/** The table 三 row of a decision as printed: （三）1 属于国家秘密. */
function rowLabel(rowKey: string): string {
  const row = tableOf(getFormat('2021'), '三').blocks.flatMap((b) => b.rows).find((r) => r.key === rowKey);
  if (!row) return rowKey;
  const last = row.path[row.path.length - 1]!;
  return row.path.length > 2 ? `${row.short} ${last.replace(/^\d+\./, '')}` : last;
}

/**
 * Lines describing a case after a change: the stored state and deadline, the pending correction, consultation
 * or fee, the decision with its table 三 row, and the clock's warnings.
 */
function caseLines(detail: ApplicationDetail): string[] {
  const c = detail.clock;
  const lines = [`状态：${detail.stateName}　答复期限：${detail.dueOn ?? '暂停计算'}`];
  if (detail.state === 'awaiting-correction' && c.correctionDue) lines.push(`补正期限：${c.correctionDue}`);
  if (detail.state === 'consulting' && c.consultationDue) lines.push(`征求意见答复期限：${c.consultationDue}`);
  if (c.extension) lines.push(`延期：${c.extension.days} 个工作日，批准人 ${c.extension.approver}（${c.extension.date}）`);
  if (detail.state === 'awaiting-fee') {
    lines.push(`信息处理费：${detail.feeAmount ?? 0} 元${c.feeDue ? `　缴费期限：${c.feeDue}` : ''}`);
  }
  if (detail.decision) {
    const d = getDecision(detail.decision);
    lines.push(`处理决定：${d.name}（${d.key}）　表三结果行：${detail.resultRow ? rowLabel(detail.resultRow) : '—'}　办结日期：${detail.closedOn ?? '—'}`);
  }
  lines.push(...c.warnings.map((w) => `提示：${w}`));
  return lines;
}

/** The fee as entered: the service counts the applicant's earlier applications in the month (按件计收). */
type FeeOption = { method: FeeInput['method']; pages?: number; count?: number };

/** The fee of a fee notice from --fee-method, --pages and --count. */
function feeOf(values: { 'fee-method'?: string; pages?: string; count?: string }): FeeOption {
  const method = values['fee-method']!;
  if (method === 'by-volume') {
    if (values.count !== undefined) throw new UsageError('按量计收（by-volume）应填写 --pages（页数），不能填写 --count', APPLICATION_USAGE);
    const pages = parsePositiveInt(requireOption(values.pages, 'pages', '按量计收的页数'), '--pages', APPLICATION_USAGE);
    return { method, pages };
  }
  if (method === 'by-application') {
    if (values.pages !== undefined) throw new UsageError('按件计收（by-application）应填写 --count（件数），不能填写 --pages', APPLICATION_USAGE);
    return values.count === undefined
      ? { method }
      : { method, count: parsePositiveInt(values.count, '--count', APPLICATION_USAGE) };
  }
  throw new UsageError(`未知的计收方式“${method}”，应为 by-application（按件计收）或 by-volume（按量计收）`, APPLICATION_USAGE);
}

/**
 * gongkai application event ID --type TYPE --date YYYY-MM-DD [options of the type]: records one event of
 * the procedure (补正, consultation, extension, later date, fee, decision, withdrawal) and prints the new
 * state and deadline. Options that do not belong to the type are refused.
 */
export async function applicationEventCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    type: { type: 'string' }, date: { type: 'string' },
    'correction-deadline': { type: 'string' }, 'late-reason': { type: 'string' }, party: { type: 'string' },
    days: { type: 'string' }, approver: { type: 'string' }, reason: { type: 'string' }, 'reply-by': { type: 'string' },
    'received-on': { type: 'string' }, 'fee-method': { type: 'string' }, pages: { type: 'string' }, count: { type: 'string' },
    decision: { type: 'string' }, particulars: { type: 'string' }, ...OVERRIDE_OPTIONS,
  }, APPLICATION_USAGE, 1);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const id = parsePositiveInt(requirePositional(positionals, 0, 'ID（申请编号）', APPLICATION_USAGE), 'ID', APPLICATION_USAGE);
  const type = requireOption(values.type, 'type', '事件类型');
  if (!Object.hasOwn(EVENT_OPTIONS, type)) {
    const known = EVENT_TYPES.map((t) => `${t}（${EVENT_NAMES[t]}）`).join('、');
    const hint = type === 'received' ? '收到申请请用“gongkai application receive”登记。' : `应为：${known}。`;
    throw new UsageError(`未知的事件类型“${type}”，${hint}`, APPLICATION_USAGE);
  }
  const eventType = type as EventType;
  const date = dateOption(requireOption(values.date, 'date', `${EVENT_NAMES[eventType]}日期`), 'date')!;
  const { required, optional } = EVENT_OPTIONS[eventType];
  for (const option of Object.keys(EVENT_OPTION_LABELS) as EventOption[]) {
    if (values[option] === undefined) continue;
    if (!required.includes(option) && !optional.includes(option)) {
      throw new UsageError(`选项 --${option}（${EVENT_OPTION_LABELS[option]}）不适用于事件类型 ${eventType}（${EVENT_NAMES[eventType]}）`, APPLICATION_USAGE);
    }
  }
  for (const option of required) requireOption(values[option], option, EVENT_OPTION_LABELS[option]);

  const event = { type: eventType, date } as Record<string, unknown>;
  const set = (field: string, value: unknown) => { if (value !== undefined) event[field] = value; };
  set('correctionDeadline', dateOption(values['correction-deadline'], 'correction-deadline'));
  set('lateReason', values['late-reason']);
  set('party', values.party);
  set('days', values.days === undefined ? undefined : parsePositiveInt(values.days, '--days', APPLICATION_USAGE));
  set('approver', values.approver);
  set('reason', values.reason);
  set('replyBy', dateOption(values['reply-by'], 'reply-by'));
  set('receivedOn', dateOption(values['received-on'], 'received-on'));
  if (eventType === 'fee-notice-sent') event.fee = feeOf(values);
  if (values.decision !== undefined && !isDecisionKey(values.decision)) {
    throw new UsageError(`未知的处理决定“${values.decision}”；可运行“gongkai application decisions”查看处理决定的键`, APPLICATION_USAGE);
  }
  set('decision', values.decision);
  set('particulars', values.particulars);
  const options = overrideOf(values);

  const detail = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) =>
    (await service(trx, ctx)).recordEvent(id, event as unknown as EventInput, CLI_ACTOR, options)));
  ctx.out([
    `已登记：${EVENT_NAMES[eventType]}（${date}），${detail.agencyName} ${detail.caseNo}（编号 ${detail.id}）`,
    ...caseLines(detail),
  ].join('\n'));
  return 0;
}

/** gongkai application decisions: the controlled list of decisions, with the key to pass to `event --decision`. */
export async function applicationDecisionsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {}, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  ctx.out([
    formatTable(
      [{ header: '键' }, { header: '处理决定' }, { header: '表三结果行' }, { header: '须载明' }],
      DECISIONS.map((d) => [d.key, d.name, rowLabel(d.row), d.needs ? NEEDS_NAMES[d.needs] : '—']),
    ),
    `共 ${DECISIONS.length} 项。登记处理决定：gongkai application event ID --type decided --date YYYY-MM-DD --decision 键 [--particulars 说明]`,
    '须载明“理由”的处理决定必须填写 --particulars。',
  ].join('\n'));
  return 0;
}

function remedyLine(remedy: Remedy): string {
  const kind = `${REMEDY_KINDS[remedy.kind]}${remedy.afterReconsideration ? '（复议后起诉）' : ''}`;
  const decided = remedy.decidedOn ? `　审结日期：${remedy.decidedOn}` : '';
  return `${kind}（编号 ${remedy.id}，申请编号 ${remedy.applicationId}）　提起日期：${remedy.filedOn}　结果：${REMEDY_RESULTS[remedy.result]}${decided}`;
}

function remedyResultOption(value: string | undefined): Remedy['result'] | undefined {
  if (value === undefined) return undefined;
  if (!Object.hasOwn(REMEDY_RESULTS, value)) {
    throw new UsageError(`未知的审理结果“${value}”，应为 upheld（维持）、corrected（纠正）、other（其他）或 pending（尚未审结）`, APPLICATION_USAGE);
  }
  return value as Remedy['result'];
}

/**
 * gongkai application remedy ID --kind reconsideration|lawsuit --filed-on D [--after-reconsideration]
 * [--result R] [--decided-on D]: links a reconsideration or lawsuit to the case (table 四).
 */
export async function applicationRemedyCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string' }, 'filed-on': { type: 'string' }, 'after-reconsideration': { type: 'boolean' },
    result: { type: 'string' }, 'decided-on': { type: 'string' }, ...OVERRIDE_OPTIONS,
  }, APPLICATION_USAGE, 1);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const id = parsePositiveInt(requirePositional(positionals, 0, 'ID（申请编号）', APPLICATION_USAGE), 'ID', APPLICATION_USAGE);
  const kind = requireOption(values.kind, 'kind', '救济类型');
  if (!Object.hasOwn(REMEDY_KINDS, kind)) {
    throw new UsageError(`未知的救济类型“${kind}”，应为 reconsideration（行政复议）或 lawsuit（行政诉讼）`, APPLICATION_USAGE);
  }
  const input: RemedyInput = {
    kind: kind as RemedyInput['kind'],
    filedOn: dateOption(requireOption(values['filed-on'], 'filed-on', '提起日期'), 'filed-on')!,
    afterReconsideration: values['after-reconsideration'] === true,
    result: remedyResultOption(values.result),
    decidedOn: dateOption(values['decided-on'], 'decided-on'),
  };
  const options = overrideOf(values);
  const remedy = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) =>
    (await service(trx, ctx)).addRemedy(id, input, CLI_ACTOR, options)));
  ctx.out(`已登记：${remedyLine(remedy)}`);
  return 0;
}

/** gongkai application remedy-result REMEDY_ID --result R [--decided-on D]: records the result of a remedy. */
export async function applicationRemedyResultCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    result: { type: 'string' }, 'decided-on': { type: 'string' }, ...OVERRIDE_OPTIONS,
  }, APPLICATION_USAGE, 1);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const remedyId = parsePositiveInt(
    requirePositional(positionals, 0, 'REMEDY_ID（行政复议或行政诉讼编号）', APPLICATION_USAGE), 'REMEDY_ID', APPLICATION_USAGE);
  const result = remedyResultOption(requireOption(values.result, 'result', '审理结果'))!;
  const decidedOn = dateOption(values['decided-on'], 'decided-on');
  const options = overrideOf(values);
  const remedy = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) =>
    (await service(trx, ctx)).decideRemedy(remedyId, { result, decidedOn }, CLI_ACTOR, options)));
  ctx.out(`已登记结果：${remedyLine(remedy)}`);
  return 0;
}

function warningRow(kind: string, item: WarningItem): string[] {
  const left = item.workingDaysLeft;
  const status = left < 0 ? `逾期 ${-left} 个工作日` : left === 0 ? '今日到期' : `剩余 ${left} 个工作日`;
  return [kind, String(item.id), item.caseNo, STATE_NAMES[item.state as keyof typeof STATE_NAMES] ?? item.state, item.receivedOn, item.dueOn, status];
}

/**
 * gongkai application warnings --agency NAME|ID [--today D]: open cases overdue or due within 3 working
 * days, grouped by the office or person who registered them.
 */
export async function applicationWarningsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { agency: { type: 'string', short: 'a' }, today: { type: 'string' } }, APPLICATION_USAGE, 0);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const agency = await resolveAgency(await ctx.services(), requireOption(values.agency, 'agency', '机关名称或编号'));
  const today = dateOption(values.today, 'today') ?? chinaDate(ctx.clock());
  const report = await withDatabase(ctx, async (db) => (await service(db, ctx)).warnings(agency.id, today));
  const overdue = report.groups.reduce((n, g) => n + g.overdue.length, 0);
  const dueSoon = report.groups.reduce((n, g) => n + g.dueSoon.length, 0);
  if (overdue + dueSoon === 0) {
    ctx.out(`${agency.name}：截至 ${report.today}，没有逾期或 ${report.dueSoonUntil} 前到期的未办结申请。`);
    return 0;
  }
  const lines = [`${agency.name}：截至 ${report.today}，逾期 ${overdue} 件，${report.dueSoonUntil} 前（3 个工作日内）到期 ${dueSoon} 件。`, ''];
  lines.push(formatTable(
    [{ header: '承办科室' }, { header: '已逾期', align: 'right' }, { header: '即将到期', align: 'right' }],
    report.offices.map((o) => [o.office, String(o.overdue), String(o.dueSoon)]),
  ));
  for (const group of report.groups) {
    const who = group.assigned ? `承办人：${group.handler}` : `未指定承办人（登记人：${group.handler}）`;
    lines.push('', `${group.office}　${who}（逾期 ${group.overdue.length} 件，即将到期 ${group.dueSoon.length} 件）`);
    lines.push(formatTable(
      [{ header: '类别' }, { header: '编号', align: 'right' }, { header: '登记号' }, { header: '状态' }, { header: '收到日期' },
        { header: '答复期限' }, { header: '情况' }],
      [...group.overdue.map((i) => warningRow('已逾期', i)), ...group.dueSoon.map((i) => warningRow('即将到期', i))],
    ));
  }
  ctx.out(lines.join('\n'));
  return 0;
}

/** gongkai application assign ID [--office 承办科室] [--handler 承办人]. */
export async function applicationAssignCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { office: { type: 'string' }, handler: { type: 'string' } }, APPLICATION_USAGE, 1);
  if (values.help) {
    ctx.out(APPLICATION_USAGE);
    return 0;
  }
  const id = parsePositiveInt(requirePositional(positionals, 0, 'ID（申请编号）', APPLICATION_USAGE), 'ID', APPLICATION_USAGE);
  if (values.office === undefined && values.handler === undefined) throw new UsageError('请至少给出 --office（承办科室）或 --handler（承办人）', APPLICATION_USAGE);
  const detail = await withDatabase(ctx, (db) => db.transaction().execute(async (trx) =>
    (await service(trx, ctx)).assign(id, { office: values.office, handler: values.handler }, CLI_ACTOR)));
  ctx.out(`${detail.caseNo}（编号 ${detail.id}）承办科室：${detail.office ?? '未指定'}　承办人：${detail.handler ?? '未指定'}`);
  return 0;
}
