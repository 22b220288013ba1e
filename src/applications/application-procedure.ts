/**
 * The procedure of a case: its events on the statutory clock (补正, consultation, extension, fee notice,
 * decision …), each checked by the pure clock over the whole event list before anything is written, and its
 * assignment to an office and a person.
 */
import type { Actor } from '../core/actor.js';
import type { CaseEvent } from '../core/applications/case-clock.js';
import { EVENT_NAMES } from '../core/applications/case-events.js';
import { feeForNotice, type FeeInput } from '../core/applications/fees.js';
import { basisText, getDecision } from '../core/applications/outcomes.js';
import { ValidationError } from '../core/errors.js';
import { countApplicantApplicationsInMonth, insertApplicationEventRow, listApplicationEventRows, updateApplicationRow } from './application.repository.js';
import { caseQueries } from './application-queries.js';
import type { ApplicationDetail } from './application-view.js';
import { caseSteps, type CaseContext, type ChangeOptions } from './case-context.js';
import { chinaDate, clockEvents, clockFields, optional, snapshot } from './case-record.js';

/** An event as entered: a clock event, plus the fee (fee notice) or the particulars a letter names (decision). */
export type EventInput = CaseEvent & { fee?: FeeInput; particulars?: string };

/** Recording the events of a case and assigning it. */
export function caseProcedure(c: CaseContext) {
  const { db, clock, pii } = c;
  const { clockOf, lockedRow, underLock } = caseSteps(c);
  const { get } = caseQueries(c);

  /**
   * Records one event of the procedure. The whole event list, with the new one, is checked by the clock
   * (a second extension, a reply dated before receipt, anything after the case closed … → ValidationError,
   * nothing stored); the state and deadline it returns are stored and the change is an event (old → new).
   */
  async function recordEvent(id: number, input: EventInput, actor: Actor, options: ChangeOptions = {}): Promise<ApplicationDetail> {
    const current = await lockedRow(id);
    const rows = await listApplicationEventRows(db, id);
    if (!input || typeof input !== 'object') throw new ValidationError('事件应为对象', { field: 'type' });
    if ((input.type as string) === 'received') throw new ValidationError('同一申请只能登记一次“收到申请”', { field: 'type' });
    const event: EventInput = { ...input };
    const today = chinaDate(clock());
    if (typeof event.date === 'string' && event.date > today) {
      throw new ValidationError(`${EVENT_NAMES[event.type] ?? '事件'}日期（${event.date}）晚于今天（${today}）`, { field: 'date' });
    }
    let fee: { fee_method: string; fee_amount: number } | null = null;
    if (event.type === 'fee-notice-sent') {
      if (!event.fee) throw new ValidationError('发出收费通知须填写计收方式及件数或页数', { field: 'fee' });
      let feeInput = event.fee;
      if (feeInput.method === 'by-application' && feeInput.earlierInMonth === undefined) {
        // 国办函〔2020〕109号: per applicant, cumulative in the calendar month of receipt.
        const earlier = await countApplicantApplicationsInMonth(db, pii, current.agency_id, current.id_number, current.received_on.slice(0, 7), id);
        feeInput = { ...feeInput, earlierInMonth: earlier };
      }
      const quote = feeForNotice(feeInput); // a free application cannot be charged
      event.fee = feeInput;
      Object.assign(event, { quote: { amount: quote.amount, lines: quote.lines.map((l) => l.text), basis: quote.basis } });
      fee = { fee_method: quote.method, fee_amount: quote.amount };
    } else if (event.fee !== undefined) {
      throw new ValidationError('只有“发出收费通知”事件可以填写信息处理费', { field: 'fee' });
    }
    if (event.type === 'decided') {
      const d = getDecision(event.decision);
      const particulars = optional(event.particulars, '说明', 'particulars', 2000);
      if (d.needs === 'reason' && particulars === null) throw new ValidationError(`处理决定“${d.name}”须说明理由（particulars）`, { field: 'particulars' });
      if (particulars !== null) event.particulars = particulars;
      // The basis as cited on the day of the decision, so the record stands even if the controlled list changes.
      Object.assign(event, { resultRow: d.row, basis: basisText(d) });
    }
    const computed = clockOf([...clockEvents(rows), event]);
    const fields = { ...clockFields(computed), ...(fee ?? {}) };
    const before = snapshot(current);
    const after = snapshot({ ...current, ...fields });
    const at = clock();
    await underLock({ agencyId: current.agency_id, receivedOn: current.received_on, applicationId: id }, options, actor, async () => {
      await updateApplicationRow(db, id, { ...fields, updated_at: at });
      await insertApplicationEventRow(db, {
        application_id: id, at, actor: actor.name, actor_id: actor.id, type: event.type, on_date: event.date, data: JSON.stringify(event),
        old: JSON.stringify(before), new: JSON.stringify(after),
      });
      return { value: undefined, applicationId: id };
    });
    return get(id);
  }

  /**
   * Assigns a case to an office (承办科室) and/or a person (承办人), for the warnings by office and by
   * person; an event holds old → new. Only open cases are assigned.
   */
  async function assign(id: number, input: { office?: string | null; handler?: string | null }, actor: Actor): Promise<ApplicationDetail> {
    const current = await lockedRow(id);
    if (['decided', 'abandoned', 'withdrawn'].includes(current.state)) {
      throw new ValidationError(`申请 ${current.case_no} 已办结，不能再分配承办科室或承办人`, { field: 'id' });
    }
    const office = input.office === undefined ? current.office : optional(input.office, '承办科室', 'office', 100);
    const handler = input.handler === undefined ? current.handler : optional(input.handler, '承办人', 'handler', 100);
    if (input.office === undefined && input.handler === undefined) throw new ValidationError('请填写承办科室（office）或承办人（handler）', { field: 'office' });
    const at = clock();
    await updateApplicationRow(db, id, { office, handler, updated_at: at });
    await insertApplicationEventRow(db, {
      application_id: id, at, actor: actor.name, actor_id: actor.id, type: 'assigned', on_date: chinaDate(at), data: JSON.stringify({ office, handler }),
      old: JSON.stringify({ office: current.office, handler: current.handler }), new: JSON.stringify({ office, handler }),
    });
    return get(id);
  }

  return { recordEvent, assign };
}
