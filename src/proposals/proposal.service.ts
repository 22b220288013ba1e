/**
 * 建议提案办理: register a 人大代表建议 or 政协提案 assigned to the agency, correct it while it is handled, record the
 * answer (the reply letter's text; a late answer needs its reason), the deputy's feedback, and publish the result on
 * the portal; warnings on the working-day calendar; the yearly counts of the annual report's section 六.
 *
 * Publishing the result: it is a disclosure item (政府信息) created from the answer and linked to the proposal, not a
 * subject of its own in the review chain. The result is government information the agency publishes like any other
 * (条例 Art. 19–20), so it needs exactly the item's path — 初审, 保密审查 (the reply may name people or hold what
 * may not go out), 核审签发, the portal page, search, withdrawal and the monthly check — which an own chain adapter
 * would have to repeat. The proposal shows its result as public while the item has an active portal publication.
 *
 * Every change is an event (who, when, old → new); nothing is deleted; the edge opens the transaction.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { workingDaysBetween, workingDaysDeadline, type WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import {
  answerDeadline, checkAnswerDate, deadlineBase, DUE_SOON_WORKING_DAYS, FEEDBACK_NAMES, PROPOSAL_KINDS, PROPOSAL_STATES, yearCounts,
  type AnswerDeadline, type Feedback, type ProposalKind, type ProposalState, type YearCounts,
} from '../core/proposals/proposal-rules.js';
import { escapeHtml } from '../core/escape-html.js';
import type { Database } from '../db/schema.js';
import { lockRow } from '../db/locks.js';
import { nextNumber } from '../db/sequences.js';
import { findAgencyRow } from '../agencies/agency.repository.js';
import { chinaDay, createItem } from '../disclosure/item-drafting.js';
import { findItemRow } from '../disclosure/item.repository.js';
import { answerInput, feedbackInput, proposalEdit, proposalInput } from './proposal-input.js';
import {
  countRegNosWithPrefix, findProposalRow, insertProposalEventRow, insertProposalRow, linkResultItemRow, listOpenProposalRows,
  listProposalEventRows, listProposalRows, listYearFactRows, updateProposalRow, type ProposalWithResultRow,
} from './proposal.repository.js';
import type { ProposalRow } from './proposal.table.js';

/** A proposal as the office sees it. */
export interface Proposal {
  id: number;
  agencyId: number;
  regNo: string;
  kind: ProposalKind;
  kindName: string;
  sourceNo: string;
  title: string;
  proposer: string;
  receivedOn: string;
  assignedOn: string;
  leadOffice: string;
  coOffices: string[];
  /** The deadline's calendar date (three months from assignment, or as set). */
  dueBase: string;
  /** Whether the assigning body set the deadline. */
  dueSet: boolean;
  /** The deadline on the working-day calendar; null while pending. */
  dueOn: string | null;
  /** The year whose holiday notice the deadline waits for; null when it is known. */
  duePendingYear: number | null;
  state: ProposalState;
  stateName: string;
  answeredOn: string | null;
  replyText: string | null;
  lateReason: string | null;
  feedback: Feedback | null;
  feedbackName: string | null;
  feedbackOn: string | null;
  feedbackNote: string | null;
  resultItemId: number | null;
  /** The day the result went on the portal; null while it is not public. */
  resultPublishedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One event of a proposal. */
export interface ProposalEvent {
  id: number;
  at: string;
  actor: string;
  type: string;
  old: unknown;
  new: unknown;
}

/** An open proposal in the warnings. */
export interface ProposalWarningItem {
  id: number;
  regNo: string;
  kindName: string;
  title: string;
  leadOffice: string;
  dueOn: string;
  /** Working days from today to the deadline (negative: overdue by that many). */
  workingDaysLeft: number;
}

/** The warnings of an agency on a day: overdue, due soon, and pending for want of a year's holiday notice. */
export interface ProposalWarnings {
  today: string;
  dueSoonUntil: string;
  overdue: ProposalWarningItem[];
  dueSoon: ProposalWarningItem[];
  /** 答复期限待定：尚未录入 YYYY 年节假日安排 (null when none). */
  pending: { year: number; title: string; proposals: Array<{ id: number; regNo: string; title: string; dueBase: string }> } | null;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

function deadlineOf(calendar: WorkCalendar, row: Pick<ProposalRow, 'due_base'>): AnswerDeadline {
  return answerDeadline(calendar, row.due_base);
}

function toProposal(row: ProposalWithResultRow, calendar: WorkCalendar): Proposal {
  const due = deadlineOf(calendar, row);
  const kind = row.kind as ProposalKind;
  const state = row.state as ProposalState;
  const feedback = row.feedback as Feedback | null;
  return {
    id: Number(row.id), agencyId: row.agency_id, regNo: row.reg_no, kind, kindName: PROPOSAL_KINDS[kind], sourceNo: row.source_no,
    title: row.title, proposer: row.proposer, receivedOn: row.received_on, assignedOn: row.assigned_on, leadOffice: row.lead_office,
    coOffices: JSON.parse(row.co_offices) as string[], dueBase: row.due_base, dueSet: row.due_set === 1,
    dueOn: due.dueOn, duePendingYear: due.pendingYear, state, stateName: PROPOSAL_STATES[state],
    answeredOn: row.answered_on, replyText: row.reply_text, lateReason: row.late_reason,
    feedback, feedbackName: feedback ? FEEDBACK_NAMES[feedback] : null, feedbackOn: row.feedback_on, feedbackNote: row.feedback_note,
    resultItemId: row.result_item_id, resultPublishedOn: row.result_published_on ?? null, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(err?.code ?? '') || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/** The registration number's prefix: 建议提案 of the year. */
const REG_PREFIX = 'JYTA';

/** Proposal operations on a database or a transaction, with the working-day calendar as stored now. */
export function proposalService(db: Kysely<Database>, clock: Clock, calendar: WorkCalendar) {
  async function load(agencyId: number, id: number): Promise<ProposalWithResultRow> {
    const row = Number.isSafeInteger(id) ? await findProposalRow(db, id) : undefined;
    // Another agency's proposal is as absent as a missing one (the route's permission is for this agency).
    if (!row || row.agency_id !== agencyId) throw new NotFoundError(`未找到建议提案：编号 ${id}`);
    return row;
  }

  async function locked(agencyId: number, id: number): Promise<ProposalWithResultRow> {
    if (Number.isSafeInteger(id)) await lockRow(db, 'proposals', id);
    return load(agencyId, id);
  }

  async function event(id: number, actor: Actor, type: string, old: unknown, next: unknown, at: string) {
    await insertProposalEventRow(db, { proposal_id: id, at, actor: actor.name, actor_id: actor.id, type, old: json(old), new: json(next) });
  }

  function stateError(row: ProposalRow, action: string): ConflictError {
    return new ConflictError(`建议提案 ${row.reg_no} 当前为“${PROPOSAL_STATES[row.state as ProposalState]}”，不能${action}`, 'PROPOSAL_STATE');
  }

  const get = async (agencyId: number, id: number) => toProposal(await load(agencyId, id), calendar);

  return {
    /** One proposal. */
    get,

    /** The proposals of an agency (of a year: assigned, answered or published in it), newest assignment first. */
    async list(agencyId: number, filter: { year?: number; state?: ProposalState } = {}): Promise<Proposal[]> {
      return (await listProposalRows(db, { agencyId, ...filter })).map((r) => toProposal(r, calendar));
    },

    /** Proposals whose result is on the portal (for the public page): newest first. */
    async publicResults(agencyId: number): Promise<Proposal[]> {
      return (await listProposalRows(db, { agencyId, publicOnly: true })).map((r) => toProposal(r, calendar));
    },

    /** The history of a proposal. */
    async events(agencyId: number, id: number): Promise<ProposalEvent[]> {
      await load(agencyId, id);
      return (await listProposalEventRows(db, id)).map((e) => ({
        id: Number(e.id), at: e.at, actor: e.actor, type: e.type, old: e.old ? JSON.parse(e.old) : null, new: e.new ? JSON.parse(e.new) : null,
      }));
    },

    /**
     * Registers a proposal assigned to the agency: a registration number of the year (JYTA-2026-0001, from the
     * agency's row-locked sequence), the deadline three months from assignment unless set. A deadline in a year
     * whose holiday notice is not entered is stored all the same and shown as pending until the year is entered.
     */
    async register(agencyId: number, body: Record<string, unknown>, actor: Actor): Promise<Proposal> {
      const input = proposalInput(body);
      if (!await findAgencyRow(db, agencyId)) throw new NotFoundError(`未找到编号为 ${agencyId} 的机关`);
      const year = input.assignedOn.slice(0, 4);
      const serial = await nextNumber(db, `proposal-no:${agencyId}:${year}`,
        async () => (await countRegNosWithPrefix(db, agencyId, `${REG_PREFIX}-${year}-`)) + 1);
      const regNo = `${REG_PREFIX}-${year}-${String(serial).padStart(4, '0')}`;
      const at = clock();
      let id: number;
      try {
        id = await insertProposalRow(db, {
          agency_id: agencyId, reg_no: regNo, kind: input.kind, source_no: input.sourceNo, title: input.title, proposer: input.proposer,
          received_on: input.receivedOn, assigned_on: input.assignedOn, lead_office: input.leadOffice, co_offices: JSON.stringify(input.coOffices),
          due_base: deadlineBase(input.assignedOn, input.dueOn), due_set: input.dueOn ? 1 : 0, state: 'handling',
          answered_on: null, reply_text: null, late_reason: null, feedback: null, feedback_on: null, feedback_note: null, result_item_id: null,
          created_at: at, updated_at: at,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(`${PROPOSAL_KINDS[input.kind]}“${input.sourceNo}”已登记`, 'PROPOSAL_EXISTS');
        throw e;
      }
      await event(id, actor, 'registered', null, { regNo, ...input }, at);
      return get(agencyId, id);
    },

    /** Corrects the registered fields of a proposal being handled (old → new recorded). */
    async edit(agencyId: number, id: number, body: Record<string, unknown>, actor: Actor): Promise<Proposal> {
      const input = proposalEdit(body);
      const row = await locked(agencyId, id);
      if (row.state !== 'handling') throw stateError(row, '修改登记内容');
      const at = clock();
      const patch = {
        source_no: input.sourceNo, title: input.title, proposer: input.proposer, received_on: input.receivedOn, assigned_on: input.assignedOn,
        lead_office: input.leadOffice, co_offices: JSON.stringify(input.coOffices), due_base: deadlineBase(input.assignedOn, input.dueOn),
        due_set: input.dueOn ? 1 : 0,
      };
      const old = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof patch]]));
      const changed = Object.keys(patch).filter((k) => old[k] !== patch[k as keyof typeof patch]);
      if (changed.length === 0) return get(agencyId, id);
      try {
        if (await updateProposalRow(db, id, 'handling', { ...patch, updated_at: at }) !== 1) throw stateError(row, '修改登记内容');
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(`“${input.sourceNo}”已登记为另一件建议提案`, 'PROPOSAL_EXISTS');
        throw e;
      }
      await event(id, actor, 'edited', Object.fromEntries(changed.map((k) => [k, old[k]])), Object.fromEntries(changed.map((k) => [k, patch[k as keyof typeof patch]])), at);
      return get(agencyId, id);
    },

    /**
     * Records the answer (答复): its date and the reply letter's text. After the deadline the reason must be
     * recorded; with the deadline pending (its year's holidays not entered) an answer after its calendar date is
     * refused until the year is entered. Not before the assignment; once only.
     */
    async answer(agencyId: number, id: number, body: Record<string, unknown>, actor: Actor): Promise<Proposal> {
      const input = answerInput(body);
      const row = await locked(agencyId, id);
      if (row.state !== 'handling') throw stateError(row, '再次答复');
      if (input.answeredOn < row.assigned_on) throw new ValidationError(`答复日期 ${input.answeredOn} 早于交办日期 ${row.assigned_on}`, { field: 'answeredOn' });
      const today = chinaDay(clock());
      if (input.answeredOn > today) throw new ValidationError(`答复日期 ${input.answeredOn} 晚于今天（${today}）`, { field: 'answeredOn' });
      const deadline = deadlineOf(calendar, row);
      const { late } = checkAnswerDate(row.due_base, deadline, input.answeredOn, input.lateReason);
      const at = clock();
      const patch = { state: 'answered', answered_on: input.answeredOn, reply_text: input.replyText, late_reason: late ? input.lateReason : null, updated_at: at };
      if (await updateProposalRow(db, id, 'handling', patch) !== 1) throw stateError(row, '再次答复');
      await event(id, actor, 'answered', { state: row.state }, { state: 'answered', answeredOn: input.answeredOn, dueOn: deadline.dueOn, late, lateReason: patch.late_reason }, at);
      return get(agencyId, id);
    },

    /** Records the deputy's or member's feedback (满意 / 基本满意 / 不满意) on an answered proposal; once. */
    async feedback(agencyId: number, id: number, body: Record<string, unknown>, actor: Actor): Promise<Proposal> {
      const input = feedbackInput(body);
      const row = await locked(agencyId, id);
      if (row.state !== 'answered') throw stateError(row, '登记反馈意见');
      if (input.feedbackOn < row.answered_on!) throw new ValidationError(`反馈日期 ${input.feedbackOn} 早于答复日期 ${row.answered_on}`, { field: 'feedbackOn' });
      const at = clock();
      if (await updateProposalRow(db, id, 'answered', { state: 'feedback', feedback: input.feedback, feedback_on: input.feedbackOn, feedback_note: input.note, updated_at: at }) !== 1) {
        throw stateError(row, '登记反馈意见');
      }
      await event(id, actor, 'feedback', { state: row.state }, { state: 'feedback', ...input }, at);
      return get(agencyId, id);
    },

    /**
     * Prepares the publication of the result: a draft item (政府信息) written from the answer, linked to the
     * proposal; it then goes through the chain like any item and is public once published on the portal.
     * Or, with `itemId`, links an item of the agency written already. Once per proposal, after the answer.
     */
    async prepareResult(agencyId: number, id: number, body: { itemId?: number; categoryId?: number | null }, actor: Actor): Promise<Proposal> {
      const row = await locked(agencyId, id);
      if (row.state === 'handling') throw stateError(row, '公开办理结果（尚未答复）');
      if (row.result_item_id !== null) throw new ConflictError(`建议提案 ${row.reg_no} 已关联办理结果信息（编号 ${row.result_item_id}）`, 'RESULT_LINKED');
      const at = clock();
      let itemId: number;
      if (body.itemId !== undefined) {
        const item = await findItemRow(db, body.itemId);
        if (!item || item.agency_id !== agencyId) throw new NotFoundError(`本机关没有编号为 ${body.itemId} 的主动公开信息`);
        itemId = Number(item.id);
      } else {
        const kind = PROPOSAL_KINDS[row.kind as ProposalKind];
        const paragraphs = row.reply_text!.split(/\r?\n+/).map((p) => p.trim()).filter(Boolean);
        const { item } = await createItem(db, agencyId, {
          title: `关于${kind}“${row.title}”（${row.source_no}）办理结果的公开`,
          writtenOn: row.answered_on!, categoryId: body.categoryId ?? null, office: row.lead_office, keywords: `${kind} 办理结果`,
          summary: `${row.proposer}提出的${kind}“${row.title}”的答复。`,
          bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
        }, actor, calendar, at);
        itemId = Number(item.id);
      }
      if (await linkResultItemRow(db, id, itemId, at) !== 1) throw new ConflictError(`建议提案 ${row.reg_no} 已关联办理结果信息`, 'RESULT_LINKED');
      await event(id, actor, 'result-linked', null, { itemId, created: body.itemId === undefined }, at);
      return get(agencyId, id);
    },

    /**
     * Open proposals overdue or due within 10 working days of `today`, and those whose deadline is pending for want
     * of a year's holiday notice (kept and shown, as applications do, until the year is entered).
     */
    async warnings(agencyId: number, today: string): Promise<ProposalWarnings> {
      const until = workingDaysDeadline(calendar, today, DUE_SOON_WORKING_DAYS);
      const overdue: ProposalWarningItem[] = [];
      const dueSoon: ProposalWarningItem[] = [];
      const pending: Array<{ id: number; regNo: string; title: string; dueBase: string }> = [];
      let pendingYear = Infinity;
      for (const r of await listOpenProposalRows(db, agencyId)) {
        const due = deadlineOf(calendar, r);
        if (due.dueOn === null) {
          // Until the year is entered only the calendar date is known: warned about from that date on, as overdue.
          pending.push({ id: Number(r.id), regNo: r.reg_no, title: r.title, dueBase: r.due_base });
          pendingYear = Math.min(pendingYear, due.pendingYear);
          continue;
        }
        if (due.dueOn > until) continue;
        const item: ProposalWarningItem = {
          id: Number(r.id), regNo: r.reg_no, kindName: PROPOSAL_KINDS[r.kind as ProposalKind], title: r.title, leadOffice: r.lead_office,
          dueOn: due.dueOn, workingDaysLeft: workingDaysBetween(calendar, today, due.dueOn),
        };
        (due.dueOn < today ? overdue : dueSoon).push(item);
      }
      return {
        today, dueSoonUntil: until, overdue, dueSoon,
        pending: pending.length === 0 ? null : { year: pendingYear, title: `答复期限待定：尚未录入 ${pendingYear} 年节假日安排`, proposals: pending },
      };
    },

    /** The figures of section 六 建议和提案办理情况 for a year (as of a day: what had happened by then), with the sentence reporting them. */
    async yearCounts(agencyId: number, year: number, asOf?: string): Promise<YearCounts> {
      if (!Number.isInteger(year) || year < 2000 || year > 2200) throw new ValidationError(`年度“${String(year)}”无效`, { field: 'year' });
      const agency = await findAgencyRow(db, agencyId);
      if (!agency) throw new NotFoundError(`未找到编号为 ${agencyId} 的机关`);
      const rows = await listYearFactRows(db, agencyId, year);
      return yearCounts(year, rows.map((r) => ({
        kind: r.kind as ProposalKind, assignedOn: r.assigned_on, answeredOn: r.answered_on, dueOn: null,
        late: r.late_reason !== null, resultPublishedOn: r.result_published_on ?? null,
      })), '本机关', asOf);
    },
  };
}

export type ProposalService = ReturnType<typeof proposalService>;
