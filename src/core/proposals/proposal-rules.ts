/**
 * 建议提案办理: the rules for 人大代表建议 and 政协提案 assigned to an agency — kinds, states, the answer deadline,
 * a late answer, feedback, and the yearly counts of the annual report's section 六 (其他需要报告的事项). Pure.
 *
 * The deadline: 《全国人民代表大会代表建议、批评和意见处理办法》 and 《政协全国委员会提案工作条例》 (and the local
 * rules modelled on them) ask the handling office to answer within three months of the assignment (交办), unless
 * the assigning body sets another date. Three months is counted in calendar months, not working days (the end
 * day clamped to the month's last day: 11-30 → 02-28); when that day is not a working day the answer is due on the
 * next working day, as for every time limit ending on a holiday — which needs that year's holiday notice. While
 * the notice is not entered the deadline is pending (shown as such), never guessed from weekends alone.
 */
import { addDays, dayNumber } from '../calendar/civil-date.js';
import { covers, isWorkingDay, uncoveredYearMessage, type WorkCalendar } from '../calendar/work-calendar.js';
import { ValidationError } from '../errors.js';

/** The two kinds: 人大代表建议 (incl. 批评和意见) and 政协提案. */
export const PROPOSAL_KINDS = { npc: '人大代表建议', cppcc: '政协提案' } as const;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;

/** Where a proposal stands: being handled, answered (reply sent), feedback received from the deputy or member. */
export const PROPOSAL_STATES = { handling: '办理中', answered: '已答复', feedback: '已反馈' } as const;
export type ProposalState = keyof typeof PROPOSAL_STATES;

/** The deputy's or member's view of the answer (代表/委员意见反馈). */
export const FEEDBACK_NAMES = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type Feedback = keyof typeof FEEDBACK_NAMES;

/** Months from assignment to the answer deadline unless the assigning body sets another date. */
export const ANSWER_MONTHS = 3;
/** Open proposals due within this many working days are warned about (the period is months long, not days). */
export const DUE_SOON_WORKING_DAYS = 10;

export function isProposalKind(value: unknown): value is ProposalKind {
  return typeof value === 'string' && Object.hasOwn(PROPOSAL_KINDS, value);
}
export function isFeedback(value: unknown): value is Feedback {
  return typeof value === 'string' && Object.hasOwn(FEEDBACK_NAMES, value);
}

/** `date` plus `months` calendar months, the day clamped to the last day of the target month (2025-11-30 + 3 → 2026-02-28). */
export function addCalendarMonths(date: string, months: number): string {
  dayNumber(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The calendar date of the deadline: as set by the assigning body, or three months from assignment. */
export function deadlineBase(assignedOn: string, setOn?: string | null): string {
  return setOn ?? addCalendarMonths(assignedOn, ANSWER_MONTHS);
}

/** The answer deadline on the working-day calendar: a day, or pending for want of a year's holiday notice. */
export type AnswerDeadline = { dueOn: string; pendingYear: null } | { dueOn: null; pendingYear: number };

/** The first working day on or after `base`; pending (with the year to enter) when the calendar does not reach that far. */
export function answerDeadline(cal: WorkCalendar, base: string): AnswerDeadline {
  let day = base;
  for (let i = 0; i < 60; i++) {
    if (!covers(cal, day)) return { dueOn: null, pendingYear: Number(day.slice(0, 4)) };
    if (isWorkingDay(cal, day)) return { dueOn: day, pendingYear: null };
    day = addDays(day, 1);
  }
  throw new Error(`no working day within 60 days of ${base}`);
}

/**
 * Checks an answer's date against the deadline: on time on or before it; after it only with the reason recorded
 * (逾期答复须说明理由). When the deadline is pending and the answer is after the calendar date, whether it is late
 * cannot be told: refused, naming the year whose holiday notice to enter first.
 */
export function checkAnswerDate(base: string, deadline: AnswerDeadline, answeredOn: string, lateReason: string | null): { late: boolean } {
  if (answeredOn <= base) return { late: false };
  if (deadline.dueOn === null) {
    throw new ValidationError(`无法判断是否逾期：${uncoveredYearMessage(deadline.pendingYear)}`, { field: 'answeredOn' });
  }
  if (answeredOn <= deadline.dueOn) return { late: false };
  if (!lateReason || lateReason.trim().length < 4) {
    throw new ValidationError(
      `答复日期 ${answeredOn} 晚于答复期限 ${deadline.dueOn}，逾期答复须写明逾期理由（至少 4 个字）`, { field: 'lateReason' },
    );
  }
  return { late: true };
}

/** What a proposal contributes to a year's counts. */
export interface ProposalFacts {
  kind: ProposalKind;
  assignedOn: string;
  answeredOn: string | null;
  dueOn: string | null;
  late: boolean;
  /** The day its result was published on the portal, or null. */
  resultPublishedOn: string | null;
}

/** One kind's figures of a year. */
export interface KindCounts {
  /** Assigned to the agency in the year. */
  received: number;
  /** Answered in the year (whenever assigned). */
  answered: number;
  /** Of those answered in the year, answered by the deadline. */
  answeredOnTime: number;
  /** Results published on the portal in the year. */
  resultsPublished: number;
}

/** The figures of section 六（一）建议和提案办理情况 for a year, and the sentence that reports them. */
export interface YearCounts {
  year: number;
  npc: KindCounts;
  cppcc: KindCounts;
  text: string;
}

const zero = (): KindCounts => ({ received: 0, answered: 0, answeredOnTime: 0, resultsPublished: 0 });
const inYear = (date: string | null, year: number) => !!date && Number(date.slice(0, 4)) === year;

/**
 * Counts the proposals of a year (by the dates of assignment, answer and publication) and words them; with `asOf`
 * only what had happened by that day counts (a report drafted during the year).
 */
export function yearCounts(year: number, facts: readonly ProposalFacts[], unit = '本机关', asOf?: string): YearCounts {
  const counts = { npc: zero(), cppcc: zero() };
  const by = (d: string | null) => (d !== null && asOf !== undefined && d > asOf ? null : d);
  for (const raw of facts) {
    const f = { ...raw, assignedOn: by(raw.assignedOn) ?? '', answeredOn: by(raw.answeredOn), resultPublishedOn: by(raw.resultPublishedOn) };
    const c = counts[f.kind];
    if (inYear(f.assignedOn, year)) c.received++;
    if (inYear(f.answeredOn, year)) {
      c.answered++;
      if (!f.late) c.answeredOnTime++;
    }
    if (inYear(f.resultPublishedOn, year)) c.resultsPublished++;
  }
  return { year, ...counts, text: yearSentence(year, counts.npc, counts.cppcc, unit) };
}

/** 2019年度，本机关共答复人大代表建议 0 件、政协提案 1 件，均按期答复；办理结果已在门户网站公开 1 件。 */
function yearSentence(year: number, npc: KindCounts, cppcc: KindCounts, unit: string): string {
  const answered = npc.answered + cppcc.answered;
  if (answered === 0 && npc.received + cppcc.received === 0) return `${year}年度，${unit}未承办人大代表建议和政协提案。`;
  const parts = [`${year}年度，${unit}共承办人大代表建议 ${npc.received} 件、政协提案 ${cppcc.received} 件`,
    `答复人大代表建议 ${npc.answered} 件、政协提案 ${cppcc.answered} 件`];
  const onTime = npc.answeredOnTime + cppcc.answeredOnTime;
  const timing = answered === 0 ? '' : onTime === answered ? '，均按期答复' : `，其中按期答复 ${onTime} 件`;
  const published = npc.resultsPublished + cppcc.resultsPublished;
  return `${parts.join('，')}${timing}；办理结果已在门户网站公开 ${published} 件。`;
}
