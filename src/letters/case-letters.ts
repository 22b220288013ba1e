/**
 * The letters of one stored case, from what the case record holds: the reply (告知书) from its recorded
 * decision and the particulars entered with it, the fee notice from its fee-notice event. The words come
 * from src/core/applications/letter-content.ts; this file only picks the case's facts for them.
 */
import type { ApplicationDetail, ApplicationEvent } from '../applications/application-view.js';
import { quoteFee, type FeeInput } from '../core/applications/fees.js';
import { feeNoticeContent, replyLetterContent, type LetterContent } from '../core/applications/letter-content.js';
import { getDecision } from '../core/applications/outcomes.js';
import { ConflictError, ValidationError } from '../core/errors.js';

/** The letters a case can have. */
export type LetterKind = 'reply' | 'fee-notice';

/** Chinese names of the letter kinds, for messages. */
export const LETTER_NAMES: Readonly<Record<LetterKind, string>> = {
  reply: '答复告知书',
  'fee-notice': '收费通知书',
};

/** The data of the last event of `type`, or undefined. */
function lastEventData(events: readonly ApplicationEvent[], type: string): Record<string, unknown> | undefined {
  const found = events.filter((e) => e.type === type).at(-1);
  return found && typeof found.data === 'object' && found.data !== null ? (found.data as Record<string, unknown>) : undefined;
}

/**
 * A letter the case's record cannot make (a decision needing particulars recorded without them …) is a
 * conflict with the case's state, not bad input of the request: ValidationError → ConflictError.
 */
function asConflict(kind: LetterKind, caseNo: string, build: () => LetterContent): LetterContent {
  try {
    return build();
  } catch (e) {
    if (e instanceof ValidationError) throw new ConflictError(`申请 ${caseNo} 的${LETTER_NAMES[kind]}无法生成：${e.message}`, 'LETTER_UNAVAILABLE');
    throw e;
  }
}

/**
 * The reply letter of a case closed by a recorded decision (or withdrawal): the decision with its basis,
 * the particulars entered with it, the fee paid if any, the agency and the decision date. An undecided
 * case → ConflictError.
 */
export function replyLetterOf(detail: ApplicationDetail, events: readonly ApplicationEvent[]): LetterContent {
  if (!detail.decision || !detail.decidedOn) {
    throw new ConflictError(
      `申请 ${detail.caseNo} 尚未作出处理决定（当前状态：${detail.stateName}），不能生成答复告知书；请先登记处理决定`,
      'NOT_DECIDED',
    );
  }
  const decided = lastEventData(events, 'decided');
  const particulars = decided && decided.decision === detail.decision && typeof decided.particulars === 'string' ? decided.particulars : undefined;
  const paid = events.some((e) => e.type === 'fee-paid') && detail.feeAmount !== null && detail.feeAmount > 0;
  return asConflict('reply', detail.caseNo, () => replyLetterContent({
    agencyName: detail.agencyName,
    caseNo: detail.caseNo,
    applicantName: detail.applicant.name,
    receivedOn: detail.receivedOn,
    subject: detail.subject,
    decision: getDecision(detail.decision),
    decidedOn: detail.decidedOn!,
    ...(particulars ? { details: particulars } : {}),
    ...(paid ? { feeAmount: detail.feeAmount! } : {}),
  }));
}

/**
 * The fee notice of a case with a fee-notice event: the fee as quoted then (method, bands, total), the
 * notice date, the last day to pay from the case's clock, and whether the reply clock stops meanwhile.
 * A case without a fee notice → ConflictError.
 */
export function feeNoticeOf(detail: ApplicationDetail, events: readonly ApplicationEvent[], settings: { feeStopsClock: boolean }): LetterContent {
  const sent = lastEventData(events, 'fee-notice-sent');
  if (!sent || typeof sent.fee !== 'object' || sent.fee === null || !detail.clock.feeDue) {
    throw new ConflictError(`申请 ${detail.caseNo} 未发出收费通知，不能生成收费通知书`, 'NO_FEE_NOTICE');
  }
  return asConflict('fee-notice', detail.caseNo, () => feeNoticeContent({
    agencyName: detail.agencyName,
    caseNo: detail.caseNo,
    applicantName: detail.applicant.name,
    receivedOn: detail.receivedOn,
    subject: detail.subject,
    // The stored input already carries the month's earlier applications counted when the notice went out.
    fee: quoteFee(sent.fee as FeeInput),
    noticeDate: String(sent.date),
    payByDate: detail.clock.feeDue!,
    clockStopped: settings.feeStopsClock,
  }));
}
