/**
 * Display labels of 依申请公开 cases: event types, decisions, states, remedies and the history's fields.
 * The event, state and channel names are the pure core's own lists (bundled from src/core); the rest are
 * typed against the server's keys (`Record<DecisionKey, string>` …), so a key added or removed there fails the build.
 */
import { EVENT_NAMES } from '../../src/core/applications/case-events.js';
import { STATE_NAMES } from '../../src/core/applications/case-states.js';
import { CHANNEL_NAMES } from '../../src/core/applications/receipt-date.js';
import type { CaseEventType, CaseState, Channel, DecisionKey, RecordableEventType, Remedy } from './api-types.js';

/** Chinese names of the event types (the core's EVENT_NAMES), plus the record changes the history shows. */
export const CASE_EVENT_LABELS: Readonly<Record<CaseEventType, string>> = EVENT_NAMES;

const RECORD_EVENT_LABELS: Readonly<Record<string, string>> = {
  assigned: '分配承办科室、承办人',
  'remedy-added': '登记行政复议或行政诉讼',
  'remedy-decided': '登记复议或诉讼结果',
  'period-lock-override': '经批准变更已锁定统计期间',
};

/** The event types staff record on a case, in the order of the procedure. */
export const RECORDABLE_EVENT_TYPES = (Object.keys(CASE_EVENT_LABELS) as CaseEventType[])
  .filter((t): t is RecordableEventType => t !== 'received');

/** Chinese name of a history entry's type; unknown types are shown as recorded. */
export function caseEventLabel(type: string): string {
  return (CASE_EVENT_LABELS as Record<string, string>)[type] ?? RECORD_EVENT_LABELS[type] ?? type;
}

/** The decisions of the controlled list in table 三 order (the core's DECISIONS: key → name). */
export const DECISION_LABELS: Readonly<Record<DecisionKey, string>> = {
  'already-public': '已主动公开',
  disclosed: '予以公开',
  'partially-disclosed': '部分公开',
  'withheld-state-secret': '不予公开：属于国家秘密',
  'withheld-prohibited-by-law': '不予公开：其他法律行政法规禁止公开',
  'withheld-security-stability': '不予公开：危及“三安全一稳定”',
  'withheld-third-party': '不予公开：保护第三方合法权益',
  'withheld-internal-affairs': '不予公开：属于三类内部事务信息',
  'withheld-process-information': '不予公开：属于四类过程性信息',
  'withheld-enforcement-file': '不予公开：属于行政执法案卷',
  'special-query-regime': '不予公开：属于行政查询事项',
  'does-not-exist': '无法提供：经检索没有所申请公开信息',
  'not-this-agency': '无法提供：不属于本机关负责公开',
  'requires-new-processing': '无法提供：没有现成信息需要另行制作',
  'unclear-after-correction': '无法提供：补正后申请内容仍不明确',
  'petition-complaint-report': '不予处理：信访举报投诉类申请',
  'repeated-application': '不予处理：重复申请',
  'published-works': '不予处理：要求提供公开出版物',
  'unjustified-mass-requests': '不予处理：无正当理由大量反复申请',
  'confirm-or-reissue': '不予处理：要求行政机关确认或重新出具已获取信息',
  'correction-not-made': '其他处理：逾期不补正',
  'fee-not-paid': '其他处理：逾期未缴纳信息处理费',
  withdrawn: '其他处理：申请人撤回申请',
  other: '其他处理：其他',
};

/** Chinese name of a decision key; unknown keys as recorded. */
export function decisionLabel(key: string | null | undefined): string {
  if (!key) return '';
  return (DECISION_LABELS as Record<string, string>)[key] ?? key;
}

/** Case states (the server's STATE_NAMES), for the history's old → new. */
export const STATE_LABELS: Readonly<Record<CaseState, string>> = STATE_NAMES;

/** States that close a case. */
export const CLOSED_STATES: ReadonlySet<string> = new Set<CaseState>(['decided', 'abandoned', 'withdrawn']);

/** Tag colours of the states (AA contrast with white text where filled). */
export function stateColor(state: string): string {
  if (state === 'decided') return '#2e7031';
  if (state === 'abandoned' || state === 'withdrawn') return 'default';
  if (state === 'received') return '#1d4f91';
  return '#8a5a00';
}

export const REMEDY_KIND_LABELS: Readonly<Record<Remedy['kind'], string>> = { reconsideration: '行政复议', lawsuit: '行政诉讼' };
export const REMEDY_RESULT_LABELS: Readonly<Record<Remedy['result'], string>> = {
  upheld: '维持', corrected: '纠正', other: '其他结果', pending: '尚未审结',
};

const SNAPSHOT_LABELS: Readonly<Record<string, string>> = {
  caseNo: '登记号', state: '状态', dueOn: '答复期限', decision: '处理决定', resultRow: '表三结果行', decidedOn: '答复日期',
  closedOn: '办结日期', feeMethod: '收费方式', feeAmount: '信息处理费', office: '承办科室', handler: '承办人',
  kind: '类型', filedOn: '提起日期', result: '结果',
};

const FEE_METHOD_LABELS: Readonly<Record<string, string>> = { 'by-application': '按件计收', 'by-volume': '按量计收' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function snapshotValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (key === 'state') return (STATE_LABELS as Record<string, string>)[String(v)] ?? String(v);
  if (key === 'decision') return decisionLabel(String(v));
  if (key === 'feeMethod') return FEE_METHOD_LABELS[String(v)] ?? String(v);
  if (key === 'feeAmount') return `${String(v)} 元`;
  if (key === 'kind') return (REMEDY_KIND_LABELS as Record<string, string>)[String(v)] ?? String(v);
  if (key === 'result') return (REMEDY_RESULT_LABELS as Record<string, string>)[String(v)] ?? String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/**
 * Old → new of a case change, one line per field that differs (状态：办理中 → 已答复); a field only in
 * the new value (the receipt) is listed as set. Ids and timestamps are left out.
 */
export function caseChangeLines(old: unknown, next: unknown, type?: string): string[] {
  // A remedy's decision date is the day the reconsideration or lawsuit ended, not a reply to the applicant.
  const labels = type?.startsWith('remedy-') ? { ...SNAPSHOT_LABELS, decidedOn: '审结日期' } : SNAPSHOT_LABELS;
  const a = isRecord(old) ? old : {};
  const b = isRecord(next) ? next : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !['id', 'applicationId', 'createdAt', 'afterReconsideration', 'resultRow'].includes(k));
  return keys
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .map((k) => {
      const label = labels[k] ?? k;
      return k in a ? `${label}：${snapshotValue(k, a[k])} → ${snapshotValue(k, b[k])}` : `${label}：${snapshotValue(k, b[k])}`;
    });
}

/** Today in Beijing as YYYY-MM-DD (the default date of a recorded event). */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Chinese names of the channels (the core's CHANNEL_NAMES). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = CHANNEL_NAMES;

/**
 * Whether a case's deadline is pending (not paused): received, no deadline stored — it runs into a year
 * whose holiday notice is not entered yet, and is computed when that year is entered.
 */
export function isDeadlinePending(c: { state: string; dueOn: string | null }): boolean {
  return c.state === 'received' && c.dueOn === null;
}

/** The deadline as listed: the date, 待定 (next year's holidays not entered) or 暂停计算. */
export function dueOnText(c: { state: string; dueOn: string | null }, format: (d: string) => string): string {
  if (c.dueOn !== null) return format(c.dueOn);
  return isDeadlinePending(c) ? '待定（待录入节假日安排）' : '暂停计算';
}
