/**
 * The statutory clock of one application (条例 Art. 30, 32–35; 国办函〔2020〕109号), as a pure function of
 * the case's events and the working-day calendar. Nothing is stored here: the case layer stores the events,
 * calls `computeClock` to validate a new event (it throws a ValidationError and nothing changes) and stores
 * the deadlines it returns; after a calendar change it calls it again to recompute them.
 *
 * Day counting (the day of the starting event not counted) lives in one place, the calendar module.
 */
import { addDays, dateWithWeekday, dayNumber } from '../calendar/civil-date.js';
import { workingDaysBetween as countBetween, workingDaysDeadline as countDeadline, type WorkCalendar } from '../calendar/work-calendar.js';
import { ValidationError } from '../errors.js';
import { countedSpan } from './clock-explain.js';
import { getDecision, type DecisionKey } from './outcomes.js';
import { CHANNEL_NAMES, type Channel } from './receipt-date.js';
import { checkEvents, EVENT_NAMES, type CaseEvent } from './case-events.js';

export { receiptDate, type Channel, type ReceiptEvidence } from './receipt-date.js';
export type { CaseEvent } from './case-events.js';

/** 条例 Art. 33: reply within 20 working days of receipt. */
export const REPLY_WORKING_DAYS = 20;
/** 条例 Art. 33: one extension of at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 条例 Art. 30: the notice to correct goes out within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例 Art. 32, 34: a consulted third party or agency answers within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 国办函〔2020〕109号: the fee is paid within 20 working days from the day after the notice is received. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** Where a case stands. Process states are separate from outcomes (the decision of a closed case). */
export type CaseState =
  | 'received' | 'awaiting-correction' | 'consulting' | 'extended' | 'awaiting-fee'
  | 'decided' | 'abandoned' | 'withdrawn';

/** Settings of the clock. */
export interface ClockSettings {
  /** Whether the reply period stops while a fee is pending (not settled nationally: a setting). */
  feeStopsClock: boolean;
  /** “Today” (injected): a correction or payment deadline that passed before it makes the case abandoned. */
  asOf?: string;
  /** Whether to build the step-by-step account (default true); off when recomputing many deadlines at once. */
  explain?: boolean;
}

/** The clock of one case. */
export interface CaseClock {
  state: CaseState;
  /** The reply deadline; null while it is not running (awaiting correction, consulting, fee pending with the setting on). */
  dueDate: string | null;
  receivedOn: string;
  /** Day the reply period runs from: the receipt, or the receipt of the correction (条例 Art. 30). */
  clockStart: string;
  /** 20, plus the extension. */
  workingDays: number;
  /** Working days the clock stood still (consultation; fee pending with the setting on). */
  pausedWorkingDays: number;
  /** While the clock stands still: the working days that were left when it stopped. */
  remainingWorkingDays?: number;
  correctionNoticeDue?: string;
  correctionDue?: string;
  /** While consulting: the day the earliest consulted party must answer by. */
  consultationDue?: string;
  feeDue?: string;
  extension?: { date: string; days: number; approver: string; reason: string };
  laterDate?: { date: string; replyBy: string; reason: string };
  /** A closed case: its decision (table 三 row via outcomes.ts) and the day it closed. */
  decision?: DecisionKey;
  closedOn?: string;
  /** A replied case: whether the reply was within the deadline. */
  onTime?: boolean;
  /** With `asOf`: whether an open case is past its deadline. */
  overdue?: boolean;
  /** Lapses the law does not forbid recording but an office should see (a late notice to correct …). */
  warnings: string[];
  /** The arithmetic, step by step, in Chinese. */
  explain: string[];
}

interface Pause { from: string; to: string | null }

/**
 * Working-day arithmetic memoised per calendar: recomputing the deadlines of many open cases after a
 * calendar change repeats the same few hundred (date, n) questions. A calendar is immutable (a change builds
 * a new one), so its answers never go stale; questions the calendar cannot answer throw and are not kept.
 */
const memo = new WeakMap<WorkCalendar, Map<string, string | number>>();

function remember<T extends string | number>(cal: WorkCalendar, key: string, compute: () => T): T {
  let answers = memo.get(cal);
  if (!answers) memo.set(cal, (answers = new Map()));
  let answer = answers.get(key) as T | undefined;
  if (answer === undefined) answers.set(key, (answer = compute()));
  return answer;
}

function workingDaysDeadline(cal: WorkCalendar, from: string, n: number): string {
  return remember(cal, `${from}+${n}`, () => countDeadline(cal, from, n));
}

function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  return remember(cal, `${from}~${to}`, () => countBetween(cal, from, to));
}

/** The running state while events are replayed. */
interface Run {
  cal: WorkCalendar;
  receivedOn: string;
  clockStart: string;
  budget: number;
  pauses: Pause[];
  consultations: Array<{ party: string; since: string }>;
  /** The pause of the consultations under way (one pause however many parties are consulted at once). */
  consultationPause?: Pause;
  correction?: { requestedOn: string; deadline: string; receivedOn?: string };
  fee?: { sentOn: string; due: string; paidOn?: string; pause?: Pause };
  extension?: CaseClock['extension'];
  laterDate?: CaseClock['laterDate'];
  closed?: { state: 'decided' | 'abandoned' | 'withdrawn'; decision: DecisionKey; date: string; due: string | null };
  warnings: string[];
  explain: string[];
  explainOn: boolean;
}

/** Adds a line to the account; the text is only built when an account is wanted. */
function note(run: Run, line: () => string): void {
  if (run.explainOn) run.explain.push(line());
}

function fail(message: string, index: number, field = 'date'): never {
  throw new ValidationError(message, { field: `events[${index}].${field}`, index });
}

/** Pauses from the clock start on, overlapping ones merged (a consultation during a pending fee …). */
function mergedPauses(run: Run): Pause[] {
  const start = run.clockStart;
  const clipped = run.pauses
    .filter((p) => p.to === null || p.to > start)
    .map((p) => ({ from: p.from < start ? start : p.from, to: p.to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Pause[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || p.from <= last.to)) {
      if (last.to !== null && (p.to === null || p.to > last.to)) last.to = p.to;
    } else merged.push({ ...p });
  }
  return merged;
}

/**
 * The reply deadline of the current state: `budget` working days after the clock start, moved on by the
 * working days of every pause that began on or before it (条例 Art. 33 ¶2: consultation time does not count);
 * null while a pause is open. An Art. 35 later date replaces it when later.
 */
function currentDue(run: Run): { due: string | null; paused: number; remaining?: number } {
  if (run.correction && !run.correction.receivedOn) return { due: null, paused: 0 };
  let due = workingDaysDeadline(run.cal, run.clockStart, run.budget);
  let paused = 0;
  for (const p of mergedPauses(run)) {
    if (p.from > due) continue; // began after the deadline had passed: it cannot revive the period
    if (p.to === null) return { due: null, paused, remaining: workingDaysBetween(run.cal, p.from, due) };
    const n = workingDaysBetween(run.cal, p.from, p.to);
    due = workingDaysDeadline(run.cal, due, n);
    paused += n;
  }
  if (run.laterDate && run.laterDate.replyBy > due) due = run.laterDate.replyBy; // 条例 Art. 35
  return { due, paused };
}

function close(run: Run, state: 'decided' | 'abandoned' | 'withdrawn', decision: DecisionKey, date: string): void {
  run.closed = { state, decision, date, due: currentDue(run).due };
}

/** Applies one event (already shape-checked, in date order) to the run. */
function apply(run: Run, e: CaseEvent, i: number, settings: ClockSettings): void {
  const { cal } = run;
  switch (e.type) {
    case 'received':
      return fail('同一申请只能登记一次“收到申请”', i, 'type');
    case 'correction-requested': {
      // 条例 Art. 30: one notice listing everything to correct (一次性告知), within 7 working days of receipt.
      if (run.correction) fail(`补正通知应一次性告知（条例第三十条），本案已于 ${run.correction.requestedOn} 发出补正通知`, i, 'type');
      if (e.correctionDeadline <= e.date) fail(`补正期限（${e.correctionDeadline}）应晚于补正通知日期（${e.date}）`, i, 'correctionDeadline');
      const noticeDue = workingDaysDeadline(cal, run.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
      if (e.date > noticeDue) run.warnings.push(`补正通知（${e.date}）晚于法定期限 ${noticeDue}（条例第三十条：收到申请之日起7个工作日内）`);
      run.correction = { requestedOn: e.date, deadline: e.correctionDeadline };
      note(run, () => `${dateWithWeekday(e.date)}发出补正通知，补正期限至${dateWithWeekday(e.correctionDeadline)}；答复期限待收到补正后重新起算（条例第三十条）`);
      return;
    }
    case 'correction-received': {
      const c = run.correction;
      if (!c) fail('本案未发出补正通知，不能登记收到补正', i, 'type');
      if (c.receivedOn) fail(`本案已于 ${c.receivedOn} 收到补正`, i, 'type');
      if (e.date > c.deadline && !e.lateReason?.trim()) {
        fail(`补正日期（${e.date}）晚于补正期限（${c.deadline}），申请人无正当理由逾期不补正的视为放弃申请（条例第三十条）；如有正当理由，请填写逾期理由`, i);
      }
      c.receivedOn = e.date;
      run.clockStart = e.date; // 条例 Art. 30: the period runs from receipt of the correction (a restart)
      note(run, () => `${dateWithWeekday(e.date)}收到补正${e.date > c.deadline ? `（逾期，理由：${e.lateReason!.trim()}）` : ''}，答复期限重新起算：${countedSpan(cal, e.date, run.budget).text}（条例第三十条、第三十三条）`);
      return;
    }
    case 'consultation-started': {
      if (run.consultations.some((c) => c.party === e.party)) fail(`正在征求“${e.party}”的意见，不能重复登记`, i, 'party');
      const before = currentDue(run).due;
      if (before !== null && e.date > before) run.warnings.push(`征求意见（${e.date}）开始时答复期限（${before}）已届满，征求意见时间不能再扣除`);
      if (!run.consultationPause) {
        run.consultationPause = { from: e.date, to: null };
        run.pauses.push(run.consultationPause);
      }
      run.consultations.push({ party: e.party, since: e.date });
      note(run, () => `${dateWithWeekday(e.date)}书面征求“${e.party}”意见（条例第三十二条、第三十四条：${CONSULTATION_WORKING_DAYS}个工作日内提出意见，至${workingDaysDeadline(cal, e.date, CONSULTATION_WORKING_DAYS)}），期间答复期限暂停计算（条例第三十三条第二款）`);
      return;
    }
    case 'consultation-ended': {
      if (run.consultations.length === 0) fail('本案没有进行中的征求意见', i, 'type');
      const at = e.party === undefined ? 0 : run.consultations.findIndex((c) => c.party === e.party);
      if (at < 0) fail(`没有进行中的对“${e.party}”的征求意见`, i, 'party');
      const [ended] = run.consultations.splice(at, 1);
      if (run.consultations.length === 0) {
        run.consultationPause!.to = e.date;
        run.consultationPause = undefined;
      }
      note(run, () => `${dateWithWeekday(e.date)}“${ended!.party}”意见返回，征求意见用时${workingDaysBetween(cal, ended!.since, e.date)}个工作日，不计入答复期限`);
      return;
    }
    case 'extended': {
      // 条例 Art. 33: once, at most 20 working days, approved by the head of the disclosure office, before the deadline.
      if (run.extension) fail(`答复期限只能延长一次，本案已于 ${run.extension.date} 延长`, i, 'type');
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > MAX_EXTENSION_WORKING_DAYS) {
        fail(`延长的期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日（条例第三十三条），实际为“${String(e.days)}”`, i, 'days');
      }
      if (run.correction && !run.correction.receivedOn) fail('等待补正期间答复期限尚未起算，不能延长', i, 'type');
      const { due } = currentDue(run);
      if (due !== null && e.date > due) fail(`延长答复期限须在当前答复期限（${due}）届满前决定，决定日期为 ${e.date}`, i);
      run.budget += e.days;
      run.extension = { date: e.date, days: e.days, approver: e.approver.trim(), reason: e.reason.trim() };
      const extension = run.extension;
      note(run, () => {
        const after = currentDue(run);
        const span = after.paused === 0 && after.due !== null && !run.laterDate ? `：${countedSpan(cal, run.clockStart, run.budget).text}` : '';
        return `${dateWithWeekday(e.date)}经${extension.approver}同意延长答复期限${e.days}个工作日（理由：${extension.reason}；条例第三十三条），答复期限共${run.budget}个工作日${span}`;
      });
      return;
    }
    case 'later-date-set': {
      const { due } = currentDue(run);
      if (due !== null && e.date > due) fail(`确定延迟答复期限须在当前答复期限（${due}）届满前决定，决定日期为 ${e.date}`, i);
      if (due !== null && e.replyBy <= due) fail(`延迟答复的期限（${e.replyBy}）应晚于当前答复期限（${due}）`, i, 'replyBy');
      run.laterDate = { date: e.date, replyBy: e.replyBy, reason: e.reason.trim() };
      note(run, () => `${dateWithWeekday(e.date)}申请数量、频次明显超过合理范围，理由合理但无法按期答复，确定延迟答复期限至${dateWithWeekday(e.replyBy)}（理由：${e.reason.trim()}；条例第三十五条）`);
      return;
    }
    case 'fee-notice-sent': {
      if (run.fee) fail(`本案已于 ${run.fee.sentOn} 发出收费通知`, i, 'type');
      const received = e.receivedOn ?? e.date;
      if (received < e.date) fail(`收费通知送达日期（${received}）早于发出日期（${e.date}）`, i, 'receivedOn');
      const before = currentDue(run).due;
      if (before !== null && e.date > before) run.warnings.push(`收费通知（${e.date}）晚于答复期限（${before}），收费通知应在答复期限内发出`);
      run.fee = { sentOn: e.date, due: workingDaysDeadline(cal, received, FEE_PAYMENT_WORKING_DAYS) };
      if (settings.feeStopsClock) {
        run.fee.pause = { from: e.date, to: null };
        run.pauses.push(run.fee.pause);
      }
      note(run, () => `${dateWithWeekday(e.date)}发出收费通知，缴费期限${countedSpan(cal, received, FEE_PAYMENT_WORKING_DAYS).text}（国办函〔2020〕109号）${settings.feeStopsClock ? '；按本机关设置，缴费期间答复期限暂停计算' : ''}`);
      return;
    }
    case 'fee-paid': {
      const fee = run.fee;
      if (!fee) fail('本案未发出收费通知，不能登记缴费', i, 'type');
      if (fee.paidOn) fail(`本案已于 ${fee.paidOn} 缴费`, i, 'type');
      if (e.date > fee.due) fail(`缴费日期（${e.date}）晚于缴费期限（${fee.due}），逾期未缴纳的视为放弃申请`, i);
      fee.paidOn = e.date;
      if (fee.pause) fee.pause.to = e.date;
      note(run, () => `${dateWithWeekday(e.date)}申请人缴纳信息处理费${fee.pause ? `，暂停的${workingDaysBetween(cal, fee.sentOn, e.date)}个工作日不计入答复期限` : ''}`);
      return;
    }
    case 'withdrawn':
      close(run, 'withdrawn', 'withdrawn', e.date);
      note(run, () => `${dateWithWeekday(e.date)}申请人撤回申请，本案办结`);
      return;
    case 'decided': {
      const d = getDecision(e.decision, `events[${i}].decision`);
      // A decision that the applicant abandoned must follow from a deadline that really passed.
      if (d.key === 'correction-not-made' && !(run.correction && !run.correction.receivedOn && e.date > run.correction.deadline)) {
        fail('只有补正期限届满仍未补正的，才能按“逾期不补正”办结', i, 'decision');
      }
      if (d.key === 'fee-not-paid' && !(run.fee && !run.fee.paidOn && e.date > run.fee.due)) {
        fail('只有缴费期限届满仍未缴费的，才能按“逾期未缴纳信息处理费”办结', i, 'decision');
      }
      if (d.key === 'unclear-after-correction' && !run.correction?.receivedOn) fail('本案没有收到补正，不能按“补正后申请内容仍不明确”办结', i, 'decision');
      const state = d.closure === 'reply' ? 'decided' : d.closure === 'abandoned' ? 'abandoned' : 'withdrawn';
      close(run, state, d.key, e.date);
      note(run, () => `${dateWithWeekday(e.date)}作出处理决定：${d.name}`);
      return;
    }
  }
}

/**
 * The clock of a case from its events (in the order recorded) and the calendar. Throws a ValidationError
 * with the event's place for an event the law or the case's state does not allow: a second extension, an
 * extension after the deadline or of more than 20 working days, a date before receipt, anything after the
 * case closed (“案件已办结”), a date the calendar does not cover.
 */
export function computeClock(events: readonly CaseEvent[], cal: WorkCalendar, settings: ClockSettings): CaseClock {
  const sorted = checkEvents(events);
  const first = sorted[0]!;
  const received = first.event as Extract<CaseEvent, { type: 'received' }>;
  if (settings.asOf !== undefined) dayNumber(settings.asOf, 'asOf');
  const run: Run = {
    cal, receivedOn: received.date, clockStart: received.date, budget: REPLY_WORKING_DAYS,
    pauses: [], consultations: [], warnings: [], explain: [], explainOn: settings.explain !== false,
  };
  note(run, () => `${dateWithWeekday(received.date)}收到申请（${CHANNEL_NAMES[received.channel as Channel]}），答复期限${countedSpan(cal, received.date, REPLY_WORKING_DAYS).text}（条例第三十三条）`);
  for (const { event, index } of sorted.slice(1)) {
    if (run.closed) fail(`案件已办结（${run.closed.date}），不能再登记“${EVENT_NAMES[event.type]}”`, index, 'type');
    apply(run, event, index, settings);
  }
  return result(run, settings);
}

function result(run: Run, settings: ClockSettings): CaseClock {
  const now = currentDue(run);
  const clock: CaseClock = {
    state: 'received', dueDate: now.due, receivedOn: run.receivedOn, clockStart: run.clockStart,
    workingDays: run.budget, pausedWorkingDays: now.paused, warnings: run.warnings, explain: run.explain,
  };
  if (now.remaining !== undefined) clock.remainingWorkingDays = now.remaining;
  const c = run.correction;
  // 条例 Art. 30: shown while a notice to correct could still go out, and once one did (to judge it late or not).
  if (c || !run.closed) clock.correctionNoticeDue = workingDaysDeadline(run.cal, run.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  if (c) clock.correctionDue = c.deadline;
  if (run.fee) clock.feeDue = run.fee.due;
  if (run.extension) clock.extension = run.extension;
  if (run.laterDate) clock.laterDate = run.laterDate;
  if (run.consultations.length > 0) clock.consultationDue = workingDaysDeadline(run.cal, run.consultations[0]!.since, CONSULTATION_WORKING_DAYS);

  if (run.closed) {
    Object.assign(clock, { state: run.closed.state, dueDate: run.closed.due, decision: run.closed.decision, closedOn: run.closed.date });
    if (run.closed.state === 'decided') clock.onTime = run.closed.due === null || run.closed.date <= run.closed.due;
    return clock;
  }
  const asOf = settings.asOf;
  if (c && !c.receivedOn) {
    clock.state = 'awaiting-correction';
    if (asOf !== undefined && asOf > c.deadline) abandon(clock, 'correction-not-made', c.deadline, '补正期限届满未补正，视为放弃申请（条例第三十条）', run.explainOn);
  } else if (run.fee && !run.fee.paidOn) {
    clock.state = 'awaiting-fee';
    if (asOf !== undefined && asOf > run.fee.due) abandon(clock, 'fee-not-paid', run.fee.due, '缴费期限届满未缴费，视为放弃申请（国办函〔2020〕109号）', run.explainOn);
  } else if (run.consultations.length > 0) clock.state = 'consulting';
  else if (run.extension || run.laterDate) clock.state = 'extended';
  if (asOf !== undefined && clock.state !== 'abandoned') clock.overdue = clock.dueDate !== null && asOf > clock.dueDate;
  if (clock.state !== 'abandoned' && run.explainOn) clock.explain.push(summary(clock));
  return clock;
}

/** The closing line of an open case's account: where its reply deadline stands now. */
function summary(clock: CaseClock): string {
  if (clock.state === 'awaiting-correction') return `等待补正，补正期限至${dateWithWeekday(clock.correctionDue!)}，答复期限自收到补正之日起算`;
  if (clock.dueDate === null) return `答复期限暂停计算，暂停时剩余${clock.remainingWorkingDays ?? 0}个工作日`;
  const paused = clock.pausedWorkingDays > 0 ? `，另顺延暂停计算的${clock.pausedWorkingDays}个工作日` : '';
  const later = clock.laterDate && clock.dueDate === clock.laterDate.replyBy ? '（条例第三十五条确定的延迟答复期限）' : '';
  return `当前答复期限：${dateWithWeekday(clock.dueDate)}${later}（共${clock.workingDays}个工作日${paused}）`;
}

function abandon(clock: CaseClock, decision: DecisionKey, deadline: string, why: string, explainOn: boolean): void {
  clock.state = 'abandoned';
  clock.decision = decision;
  clock.closedOn = addDays(deadline, 1);
  if (explainOn) clock.explain.push(`${deadline}${why}`);
}
