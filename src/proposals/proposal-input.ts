/**
 * What the office enters for a proposal, checked field by field (Chinese messages naming the field) before
 * anything is written.
 */
import { dayNumber } from '../core/calendar/civil-date.js';
import { ValidationError } from '../core/errors.js';
import { FEEDBACK_NAMES, isFeedback, isProposalKind, PROPOSAL_KINDS, type Feedback, type ProposalKind } from '../core/proposals/proposal-rules.js';

/** A new proposal as registered. */
export interface ProposalInput {
  kind: ProposalKind;
  sourceNo: string;
  title: string;
  proposer: string;
  receivedOn: string;
  assignedOn: string;
  leadOffice: string;
  coOffices: string[];
  /** The deadline set by the assigning body; absent: three months from assignment. */
  dueOn: string | null;
}

/** The fields of a proposal being handled that may be corrected (the same, except the kind). */
export type ProposalEdit = Omit<ProposalInput, 'kind'>;

/** The answer: its date, the reply letter's text, and why it is late (required when it is). */
export interface AnswerInput {
  answeredOn: string;
  replyText: string;
  lateReason: string | null;
}

/** The deputy's or member's feedback on the answer. */
export interface FeedbackInput {
  feedback: Feedback;
  feedbackOn: string;
  note: string | null;
}

const LIMITS = { sourceNo: 50, title: 300, proposer: 200, office: 100, reply: 50_000, reason: 1000, note: 2000 } as const;

export function text(value: unknown, field: string, name: string, max: number): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw new ValidationError(`请填写${name}`, { field });
  if (t.length > max) throw new ValidationError(`${name}不得超过 ${max} 个字`, { field });
  return t;
}

function optionalText(value: unknown, field: string, name: string, max: number): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return text(value, field, name, max);
}

export function date(value: unknown, field: string, name: string): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(`请填写${name}`, { field });
  dayNumber(value, name);
  return value;
}

function offices(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError('会办单位应为单位名称的列表', { field: 'coOffices' });
  const list = value.map((v, i) => text(v, `coOffices[${i}]`, '会办单位名称', LIMITS.office));
  if (list.length > 30) throw new ValidationError('会办单位不得超过 30 个', { field: 'coOffices' });
  return [...new Set(list)];
}

/** The editable fields, checked; the assignment may not precede the receipt nor the deadline the assignment. */
export function proposalEdit(body: Record<string, unknown>): ProposalEdit {
  const receivedOn = date(body.receivedOn, 'receivedOn', '收到日期');
  const assignedOn = date(body.assignedOn ?? body.receivedOn, 'assignedOn', '交办日期');
  if (assignedOn < receivedOn) throw new ValidationError(`交办日期 ${assignedOn} 早于收到日期 ${receivedOn}`, { field: 'assignedOn' });
  const dueOn = body.dueOn === undefined || body.dueOn === null || body.dueOn === '' ? null : date(body.dueOn, 'dueOn', '交办机关规定的答复期限');
  if (dueOn !== null && dueOn <= assignedOn) throw new ValidationError(`答复期限 ${dueOn} 应晚于交办日期 ${assignedOn}`, { field: 'dueOn' });
  const leadOffice = text(body.leadOffice, 'leadOffice', '主办科室', LIMITS.office);
  const co = offices(body.coOffices);
  if (co.includes(leadOffice)) throw new ValidationError(`主办科室“${leadOffice}”不应同时列为会办单位`, { field: 'coOffices' });
  return {
    sourceNo: text(body.sourceNo, 'sourceNo', '建议或提案编号', LIMITS.sourceNo),
    title: text(body.title, 'title', '标题（案由）', LIMITS.title),
    proposer: text(body.proposer, 'proposer', '提出的代表或委员', LIMITS.proposer),
    receivedOn, assignedOn, leadOffice, coOffices: co, dueOn,
  };
}

/** A new proposal, checked. */
export function proposalInput(body: Record<string, unknown>): ProposalInput {
  if (!isProposalKind(body.kind)) {
    throw new ValidationError(`类别应为${Object.values(PROPOSAL_KINDS).join('或')}`, { field: 'kind' });
  }
  return { kind: body.kind, ...proposalEdit(body) };
}

/** An answer, checked (the deadline is checked by the service, which knows it). */
export function answerInput(body: Record<string, unknown>): AnswerInput {
  return {
    answeredOn: date(body.answeredOn, 'answeredOn', '答复日期'),
    replyText: text(body.replyText, 'replyText', '答复函内容', LIMITS.reply),
    lateReason: optionalText(body.lateReason, 'lateReason', '逾期理由', LIMITS.reason),
  };
}

/** Feedback, checked. */
export function feedbackInput(body: Record<string, unknown>): FeedbackInput {
  if (!isFeedback(body.feedback)) {
    throw new ValidationError(`反馈意见应为${Object.values(FEEDBACK_NAMES).join('、')}`, { field: 'feedback' });
  }
  return { feedback: body.feedback, feedbackOn: date(body.feedbackOn, 'feedbackOn', '反馈日期'), note: optionalText(body.note, 'note', '反馈说明', LIMITS.note) };
}
