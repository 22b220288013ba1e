/**
 * The events of an application's procedure, the input of the case clock. Each carries the date it took
 * effect (YYYY-MM-DD); the case layer adds who recorded it and when.
 */
import { dayNumber } from '../calendar/civil-date.js';
import { ValidationError } from '../errors.js';
import type { DecisionKey } from './outcomes.js';
import { isChannel, type Channel } from './receipt-date.js';

/** One event of the procedure. */
export type CaseEvent =
  /** 条例 Art. 31: the receipt date fixed by channel (see receiptDate). */
  | { type: 'received'; date: string; channel: Channel }
  /** 条例 Art. 30: the one notice to correct, with the correction deadline it sets. */
  | { type: 'correction-requested'; date: string; correctionDeadline: string }
  /** 条例 Art. 30: the corrected application arrived; after the deadline only with a good reason. */
  | { type: 'correction-received'; date: string; lateReason?: string }
  /** 条例 Art. 32 (third party) / Art. 34 (other agency): consultation sent. */
  | { type: 'consultation-started'; date: string; party: string }
  /** The consulted party answered (or its time ran out); without `party` the earliest open one ends. */
  | { type: 'consultation-ended'; date: string; party?: string }
  /** 条例 Art. 33: the one extension, approved by the head of the disclosure office. */
  | { type: 'extended'; date: string; days: number; approver: string; reason: string }
  /** 条例 Art. 35: a reasonable later reply date for mass or frequent requests with good reasons. */
  | { type: 'later-date-set'; date: string; replyBy: string; reason: string }
  /** Fee notice sent (`receivedOn`: the day the applicant received it, default the same day). */
  | { type: 'fee-notice-sent'; date: string; receivedOn?: string }
  | { type: 'fee-paid'; date: string }
  /** The final decision (one of outcomes.ts), closing the case. */
  | { type: 'decided'; date: string; decision: DecisionKey }
  /** The applicant withdrew the application, closing the case. */
  | { type: 'withdrawn'; date: string };

/** Chinese names of the event types, for messages and histories. */
export const EVENT_NAMES: Readonly<Record<CaseEvent['type'], string>> = {
  received: '收到申请',
  'correction-requested': '发出补正通知',
  'correction-received': '收到补正',
  'consultation-started': '征求意见',
  'consultation-ended': '征求意见结束',
  extended: '延长答复期限',
  'later-date-set': '确定延迟答复期限',
  'fee-notice-sent': '发出收费通知',
  'fee-paid': '缴纳信息处理费',
  decided: '作出处理决定',
  withdrawn: '撤回申请',
};

const CLOSING = new Set<CaseEvent['type']>(['decided', 'withdrawn']);

function place(index: number, field: string) {
  return { field: `events[${index}].${field}`, index };
}

function text(e: Record<string, unknown>, key: string, label: string, index: number): void {
  if (typeof e[key] !== 'string' || (e[key] as string).trim() === '') {
    throw new ValidationError(`${label}不能为空`, place(index, key));
  }
}

function date(e: Record<string, unknown>, key: string, label: string, index: number): void {
  try {
    dayNumber(e[key] as string, label);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(err.message, place(index, key));
    throw err;
  }
}

/** Checks the fields an event of its type needs (untrusted input: types are not trusted). */
function checkShape(e: Record<string, unknown>, index: number): void {
  const type = e.type as string;
  if (!Object.hasOwn(EVENT_NAMES, type)) throw new ValidationError(`未知的事件类型“${String(type)}”`, place(index, 'type'));
  date(e, 'date', `${EVENT_NAMES[type as CaseEvent['type']]}日期`, index);
  switch (type) {
    case 'received':
      if (!isChannel(e.channel)) throw new ValidationError(`未知的申请渠道“${String(e.channel)}”`, place(index, 'channel'));
      return;
    case 'correction-requested':
      return date(e, 'correctionDeadline', '补正期限', index);
    case 'correction-received':
      if (e.lateReason !== undefined && typeof e.lateReason !== 'string') throw new ValidationError('逾期理由应为文字', place(index, 'lateReason'));
      return;
    case 'consultation-started':
      return text(e, 'party', '被征求意见方', index);
    case 'consultation-ended':
      if (e.party !== undefined) text(e, 'party', '被征求意见方', index);
      return;
    case 'extended':
      if (typeof e.days !== 'number') throw new ValidationError('延长的工作日天数应为数字', place(index, 'days'));
      text(e, 'approver', '批准延期的政府信息公开工作机构负责人', index);
      return text(e, 'reason', '延期理由', index);
    case 'later-date-set':
      date(e, 'replyBy', '延迟答复期限', index);
      return text(e, 'reason', '延迟答复理由', index);
    case 'fee-notice-sent':
      if (e.receivedOn !== undefined) date(e, 'receivedOn', '收费通知送达日期', index);
      return;
    case 'decided':
      return text(e, 'decision', '处理决定', index);
  }
}

/**
 * Checks a case's events and returns them in date order (events of one day in the order recorded, the
 * receipt first). Exactly one receipt; nothing dated before it (a reply dated before receipt is refused);
 * nothing recorded after the case closed, whatever its date (“案件已办结”).
 */
export function checkEvents(input: readonly CaseEvent[]): Array<{ event: CaseEvent; index: number }> {
  const events: readonly CaseEvent[] = Array.isArray(input as unknown) ? input : [];
  if (events.length === 0) throw new ValidationError('案件没有任何事件，至少应有“收到申请”', { field: 'events' });
  events.forEach((e, i) => {
    if (typeof e !== 'object' || e === null) throw new ValidationError('事件应为对象', place(i, 'type'));
    checkShape(e as unknown as Record<string, unknown>, i);
  });
  const receipts = events.flatMap((e, i) => (e.type === 'received' ? [i] : []));
  if (receipts.length === 0) throw new ValidationError('案件缺少“收到申请”事件', { field: 'events' });
  if (receipts.length > 1) throw new ValidationError('同一申请只能登记一次“收到申请”', place(receipts[1]!, 'type'));
  const closing = events.findIndex((e) => CLOSING.has(e.type));
  if (closing >= 0 && closing < events.length - 1) {
    throw new ValidationError(`案件已办结（${events[closing]!.date}），不能再登记“${EVENT_NAMES[events[closing + 1]!.type]}”`, place(closing + 1, 'type'));
  }
  const receivedOn = events[receipts[0]!]!.date;
  events.forEach((e, i) => {
    if (e.date >= receivedOn) return;
    const what = e.type === 'decided' ? '答复日期' : `${EVENT_NAMES[e.type]}日期`;
    throw new ValidationError(`${what}（${e.date}）早于收到申请日期（${receivedOn}）`, place(i, 'date'));
  });
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1
        : (a.event.type === 'received' ? -1 : b.event.type === 'received' ? 1 : a.index - b.index));
}
