/**
 * Disclosure-application cases (依申请公开), stored and served: intake, the procedure's events on the
 * statutory clock, history, remedies, warnings and the public status. Every event is validated by the pure
 * clock (src/core/applications/case-clock.ts) over the case's full event list before anything is written;
 * the deadline it returns is stored with the case. Every change is an event row (who, when, old → new).
 */
import type { Actor } from '../core/actor.js';
import type { Kysely } from 'kysely';
import { parseApplicantType } from '../core/applications/applicant-types.js';
import { computeClock, receiptDate, type CaseClock, type CaseEvent, type Channel, type ReceiptEvidence } from '../core/applications/case-clock.js';
import { EVENT_NAMES } from '../core/applications/case-events.js';
import { feeForNotice, type FeeInput } from '../core/applications/fees.js';
import { checkIdentity, type IdentityKind } from '../core/applications/identity.js';
import { basisText, getDecision } from '../core/applications/outcomes.js';
import { UncoveredYearError, type WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { nextNumber } from '../db/sequences.js';
import { lockRow } from '../db/locks.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { insertEventRow as insertReportEventRow } from '../reports/report.repository.js';
import { parseOverride, withPeriodLock, type AlteredReport, type LockOverride } from '../reports/period-lock.js';
import {
  countApplicantApplicationsInMonth, countCaseNumbersWithPrefix, findApplicationRow, findApplicationRowByQueryCode,
  findRemedyRow, insertApplicationEventRow, insertApplicationRow, insertRemedyRow, listApplicationEventRows,
  listApplicationRows, listApplicationRowsByIdNumber, listRemedyRows, queryCodeExists, updateApplicationRow, updateRemedyRow,
  type ApplicationRowFilter, type ApplicationWithApplicantRow,
} from './application.repository.js';
import {
  detailOf, eventOf, publicStatusOf, remedyOf, summaryOf,
  type ApplicationDetail, type ApplicationEvent, type ApplicationSummary, type PublicStatus, type Remedy,
} from './application-view.js';
import { caseWarnings, warningsByAgency, type AgencyWarnings, type CaseWarnings } from './application-warnings.js';
import { remedyDate, remedyResult } from './remedy-input.js';
import {
  chinaDate, clockEvents, clockFields, isUniqueViolation, newQueryCode, normaliseQueryCode, optional, required, snapshot,
} from './case-record.js';

/** Settings of an installation. */
export interface ApplicationSettings {
  /** Whether the reply clock stops while a fee is pending (not settled nationally). */
  feeStopsClock: boolean;
}

export const DEFAULT_APPLICATION_SETTINGS: ApplicationSettings = { feeStopsClock: false };

/** What the office (or the online form) enters to register an application. */
export interface ReceiveInput {
  agencyId: number;
  channel: Channel;
  /** The evidence date the channel needs (条例 Art. 31). */
  evidence: ReceiptEvidence;
  /** 自然人 / 商业企业 … or the column key (natural, commercial …). */
  applicantType: string;
  applicant: {
    name: string;
    /** Default: 居民身份证 for a natural person, 统一社会信用代码 for an organisation. */
    idType?: IdentityKind;
    idNumber: string;
    phone?: string | null;
    address?: string | null;
    email?: string | null;
  };
  subject: string;
  formWanted: string;
  /** 承办科室 and 承办人, when known at intake. */
  office?: string | null;
  handler?: string | null;
}

/** An event as entered: a clock event, plus the fee (fee notice) or the particulars a letter names (decision). */
export type EventInput = CaseEvent & { fee?: FeeInput; particulars?: string };

/** A remedy as entered. */
export interface RemedyInput {
  kind: 'reconsideration' | 'lawsuit';
  afterReconsideration?: boolean;
  filedOn: string;
  result?: Remedy['result'];
  decidedOn?: string | null;
}


/** Options of a change to a case: an override of the period lock (approver and reason), when one is needed. */
export interface ChangeOptions {
  override?: LockOverride;
}

/**
 * Case operations on a database or transaction (the edge opens the transaction for changes). `pii` encrypts and
 * decrypts the applicant's personal data in the repository (the installation's cipher, src/security/).
 */
export function applicationService(
  db: Kysely<Database>, clock: Clock, calendar: WorkCalendar, pii: PiiCipher, settings: ApplicationSettings = DEFAULT_APPLICATION_SETTINGS,
) {
  const clockOf = (events: readonly CaseEvent[], extra: { asOf?: string; explain?: boolean } = {}) =>
    computeClock(events, calendar, { feeStopsClock: settings.feeStopsClock, explain: extra.explain ?? false, asOf: extra.asOf });

  /**
   * The clock, or — when the deadline runs into a year whose holiday notice has not been entered yet —
   * a received case whose deadline is pending: the application is kept (an applicant's request is never
   * lost for want of next year's calendar), no deadline is stored, and entering that year's notice
   * computes it (recomputeOpenDeadlines, with an event). Dates before the calendar stay a loud error.
   */
  function clockOrPending(events: readonly CaseEvent[], extra: { asOf?: string; explain?: boolean }): CaseClock {
    try {
      return clockOf(events, extra);
    } catch (e) {
      const received = events[0];
      if (!(e instanceof UncoveredYearError) || !e.afterCovered || received?.type !== 'received' || events.length > 1) throw e;
      const note = `答复期限待录入 ${e.year} 年节假日安排后计算（${e.message}）`;
      return {
        state: 'received', dueDate: null, receivedOn: received.date, clockStart: received.date, workingDays: 20, pausedWorkingDays: 0,
        warnings: [note], explain: [`${received.date}收到申请；${note}`],
      };
    }
  }

  async function row(id: number): Promise<ApplicationWithApplicantRow> {
    const found = await findApplicationRow(db, pii, id);
    if (!found) throw new NotFoundError(`未找到编号为 ${id} 的政府信息公开申请`);
    return found;
  }

  /**
   * The case about to be changed, locked until the transaction ends (PostgreSQL; SQLite serialises
   * writers): two events recorded at once are checked and stored one after the other, each against the
   * events before it, never both against the same old list.
   */
  async function lockedRow(id: number): Promise<ApplicationWithApplicantRow> {
    await lockRow(db, 'applications', id);
    return row(id);
  }

  /**
   * Runs a change of a case under the period lock (src/reports/period-lock.ts): a change that would
   * alter a cell of a published report is refused without an override; with one, the override is an
   * event of the case and of every report it alters (who, when, approver, reason, old → new cells).
   */
  async function underLock<T>(
    scope: { agencyId: number; receivedOn: string; applicationId: number | null }, options: ChangeOptions, actor: Actor,
    change: () => Promise<{ value: T; applicationId: number }>,
  ): Promise<T> {
    const override = parseOverride(options.override);
    const fromYear = Number(scope.receivedOn.slice(0, 4));
    const { value, applicationId, altered } = await withPeriodLock(db, { agencyId: scope.agencyId, fromYear, applicationId: scope.applicationId }, override, change);
    if (altered.length > 0 && override) await recordOverride(applicationId, altered, override, actor);
    return value;
  }

  async function recordOverride(applicationId: number, altered: AlteredReport[], override: LockOverride, actor: Actor): Promise<void> {
    const at = clock();
    const cells = (pick: 'old' | 'new') => altered.map((r) => ({ reportId: r.reportId, year: r.year, cells: Object.fromEntries(r.cells.map((c) => [c.key, c[pick]])) }));
    await insertApplicationEventRow(db, {
      application_id: applicationId, at, actor: actor.name, actor_id: actor.id, type: 'period-lock-override', on_date: chinaDate(at),
      data: JSON.stringify({ ...override, reports: altered }), old: JSON.stringify(cells('old')), new: JSON.stringify(cells('new')),
    });
    for (const r of altered) {
      await insertReportEventRow(db, {
        report_id: r.reportId, at, actor: actor.name, actor_id: actor.id, type: 'period-lock-override',
        old: JSON.stringify(Object.fromEntries(r.cells.map((c) => [c.key, c.old]))),
        new: JSON.stringify({ applicationId, ...override, cells: Object.fromEntries(r.cells.map((c) => [c.key, c.new])) }),
      });
    }
  }

  async function agencyExists(agencyId: number): Promise<void> {
    const found = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (!found) throw new NotFoundError(`未找到编号为 ${agencyId} 的机关`);
  }

  /**
   * Registers an application (条例 Art. 27–31): checks the applicant type (table 三's columns), the identity
   * number (居民身份证 check digit, 统一社会信用代码 check character), the channel and its evidence date; fixes the
   * receipt date by channel, computes and stores the reply deadline, and numbers the case.
   */
  async function receive(input: ReceiveInput, actor: Actor, options: ChangeOptions = {}): Promise<ApplicationDetail> {
    const type = parseApplicantType(input.applicantType);
    const a = input.applicant ?? ({} as ReceiveInput['applicant']);
    const name = required(a.name, type.natural ? '申请人姓名' : '申请人名称', 'applicant.name', 200);
    const idType: IdentityKind = a.idType ?? (type.natural ? 'resident-id' : 'uscc');
    if (!['resident-id', 'uscc', 'other'].includes(idType)) throw new ValidationError(`未知的身份证明类型“${String(idType)}”`, { field: 'applicant.idType' });
    if (type.natural && idType === 'uscc') throw new ValidationError('自然人的身份证明应为居民身份证或其他身份证件，不能为统一社会信用代码', { field: 'applicant.idType' });
    if (!type.natural && idType === 'resident-id') throw new ValidationError(`申请人类型为“${type.type}”时，身份证明应为统一社会信用代码或其他证明文件`, { field: 'applicant.idType' });
    const idNumber = required(a.idNumber, '身份证明号码', 'applicant.idNumber', 50).toUpperCase();
    const today = chinaDate(clock());
    const idCheck = checkIdentity(idType, idNumber, { today }); // 条例 Art. 29: 申请人的身份证明
    if (!idCheck.ok) throw new ValidationError(idCheck.reason, { field: 'applicant.idNumber' });
    const email = optional(a.email, '电子邮箱', 'applicant.email');
    if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new ValidationError(`电子邮箱“${email}”格式不正确`, { field: 'applicant.email' });
    const subject = required(input.subject, '申请公开的政府信息内容描述', 'subject');
    const formWanted = required(input.formWanted, '获取信息的方式和途径', 'formWanted', 200);
    const office = optional(input.office, '承办科室', 'office', 100);
    const handler = optional(input.handler, '承办人', 'handler', 100);
    const { date: receivedOn } = receiptDate(input.channel, input.evidence ?? {}); // 条例 Art. 31
    if (receivedOn > today) throw new ValidationError(`收到申请日期（${receivedOn}）晚于今天（${today}）`, { field: 'evidence' });
    const event: EventInput = { type: 'received', date: receivedOn, channel: input.channel };
    const computed = clockOrPending([event], {});
    await agencyExists(input.agencyId);

    const year = receivedOn.slice(0, 4);
    // The agency's sequence of the year, advanced under a row lock: concurrent applications never share a number.
    // A sequence first used on an existing database continues after the cases numbered before it.
    const serial = await nextNumber(db, `case-no:${input.agencyId}:${year}`,
      async () => (await countCaseNumbersWithPrefix(db, input.agencyId, `${year}-`)) + 1);
    const caseNo = `${year}-${String(serial).padStart(4, '0')}`;
    let queryCode = newQueryCode();
    while (await queryCodeExists(db, queryCode)) queryCode = newQueryCode();
    const at = clock();
    const fields = clockFields(computed);
    // A case received within a published year alters that report's 一 (and 四): the period lock decides.
    const id = await underLock({ agencyId: input.agencyId, receivedOn, applicationId: null }, options, actor, async () => {
      const created = await insertApplicationRow(db, pii, {
        agency_id: input.agencyId, case_no: caseNo, query_code: queryCode, channel: input.channel, received_on: receivedOn,
        applicant_type: type.column, subject, form_wanted: formWanted, ...fields, fee_method: null, fee_amount: null,
        received_by: actor.name, office, handler, created_at: at, updated_at: at,
      }, {
        name, id_type: idType, id_number: idNumber, phone: optional(a.phone, '联系电话', 'applicant.phone', 50),
        address: optional(a.address, '通信地址', 'applicant.address'), email,
      }).catch((e: unknown) => {
        // Two applications numbered at the same moment (PostgreSQL, concurrent transactions): one gets the number.
        // The sequence rules this out; only a number entered by other means can still be in the way.
        if (isUniqueViolation(e)) throw new ConflictError(`登记号 ${caseNo} 已被另一件申请使用，请重新提交；如再次出现，请联系系统管理员核对登记号`, 'CASE_NUMBER_TAKEN');
        throw e;
      });
      await insertApplicationEventRow(db, {
        application_id: created, at, actor: actor.name, actor_id: actor.id, type: 'received', on_date: receivedOn, data: JSON.stringify(event), old: null,
        new: JSON.stringify({ caseNo, ...snapshot({ ...fields, fee_method: null, fee_amount: null }) }),
      });
      return { value: created, applicationId: created };
    });
    return get(id);
  }

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

  /** One case with its full applicant, its remedies and its clock with the arithmetic (as of today). */
  async function get(id: number): Promise<ApplicationDetail> {
    const found = await row(id);
    const events = clockEvents(await listApplicationEventRows(db, id));
    const computed = clockOrPending(events, { asOf: chinaDate(clock()), explain: true });
    const remedies = (await listRemedyRows(db, id)).map(remedyOf);
    return detailOf(found, computed, remedies);
  }

  /** Cases matching the filter, personal data masked. */
  async function list(filter: ApplicationRowFilter = {}): Promise<ApplicationSummary[]> {
    return (await listApplicationRows(db, pii, filter)).map(summaryOf);
  }

  /**
   * The cases of the applicant with this identity number (e.g. their earlier applications), optionally of one
   * agency, personal data masked. Found through the number's blind index, without decrypting other applicants.
   */
  async function listByIdNumber(idNumber: string, agencyId?: number): Promise<ApplicationSummary[]> {
    const wanted = required(idNumber, '身份证明号码', 'idNumber', 50);
    return (await listApplicationRowsByIdNumber(db, pii, wanted, { agencyId })).map(summaryOf);
  }

  /** Every change of a case, oldest first. */
  async function history(id: number): Promise<ApplicationEvent[]> {
    await row(id);
    return (await listApplicationEventRows(db, id)).map(eventOf);
  }

  /**
   * Links a reconsideration or lawsuit to the case it arises from (table 四). A lawsuit after
   * reconsideration needs a reconsideration of this case on record.
   */
  async function addRemedy(id: number, input: RemedyInput, actor: Actor, options: ChangeOptions = {}): Promise<Remedy> {
    const current = await lockedRow(id);
    if (input.kind !== 'reconsideration' && input.kind !== 'lawsuit') {
      throw new ValidationError(`未知的救济类型“${String(input.kind)}”，应为 reconsideration（行政复议）或 lawsuit（行政诉讼）`, { field: 'kind' });
    }
    const after = input.afterReconsideration === true;
    if (after && input.kind !== 'lawsuit') throw new ValidationError('只有行政诉讼可以标明“复议后起诉”', { field: 'afterReconsideration' });
    const existing = await listRemedyRows(db, id);
    if (after && !existing.some((r) => r.kind === 'reconsideration')) {
      throw new ValidationError('本申请没有登记行政复议，不能标明“复议后起诉”；请先登记行政复议', { field: 'afterReconsideration' });
    }
    const filedOn = remedyDate(input.filedOn, '提起日期', 'filedOn', current.received_on);
    const outcome = remedyResult(input.result, input.decidedOn, filedOn, current.received_on);
    const at = clock();
    return underLock({ agencyId: current.agency_id, receivedOn: current.received_on, applicationId: id }, options, actor, async () => {
      const remedyId = await insertRemedyRow(db, {
        application_id: id, kind: input.kind, after_reconsideration: after ? 1 : 0, filed_on: filedOn, ...outcome, created_at: at,
      });
      const remedy = remedyOf((await findRemedyRow(db, remedyId))!);
      await insertApplicationEventRow(db, {
        application_id: id, at, actor: actor.name, actor_id: actor.id, type: 'remedy-added', on_date: filedOn, data: JSON.stringify(remedy), old: null, new: JSON.stringify(remedy),
      });
      await updateApplicationRow(db, id, { updated_at: at });
      return { value: remedy, applicationId: id };
    });
  }

  /** Records the result of a reconsideration or lawsuit (维持 / 纠正 / 其他, or back to 尚未审结). */
  async function decideRemedy(
    remedyId: number, input: { result: Remedy['result']; decidedOn?: string | null }, actor: Actor, options: ChangeOptions = {},
  ): Promise<Remedy> {
    const remedy = await findRemedyRow(db, remedyId);
    if (!remedy) throw new NotFoundError(`未找到编号为 ${remedyId} 的行政复议或行政诉讼`);
    const current = await lockedRow(remedy.application_id);
    const found = (await findRemedyRow(db, remedyId))!;
    const outcome = remedyResult(input.result, input.decidedOn, found.filed_on, current.received_on);
    const before = remedyOf(found);
    return underLock({ agencyId: current.agency_id, receivedOn: current.received_on, applicationId: found.application_id }, options, actor, async () => {
      await updateRemedyRow(db, remedyId, outcome);
      const after = remedyOf((await findRemedyRow(db, remedyId))!);
      const at = clock();
      await insertApplicationEventRow(db, {
        application_id: found.application_id, at, actor: actor.name, actor_id: actor.id, type: 'remedy-decided', on_date: outcome.decided_on ?? found.filed_on,
        data: JSON.stringify({ remedyId, ...input }), old: JSON.stringify(before), new: JSON.stringify(after),
      });
      await updateApplicationRow(db, found.application_id, { updated_at: at });
      return { value: after, applicationId: found.application_id };
    });
  }

  /** Overdue and due-soon open cases of an agency, by office and person (application-warnings.ts). */
  function warnings(agencyId: number, today: string): Promise<CaseWarnings> {
    return caseWarnings(db, calendar, agencyId, today);
  }

  /** The same for every agency with an overdue or due-soon case, in one query. */
  function warningsOfAllAgencies(today: string): Promise<AgencyWarnings[]> {
    return warningsByAgency(db, calendar, today);
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

  /** The public status of the case with this query code: number, state and dates; nothing personal. */
  async function publicStatus(queryCode: string): Promise<PublicStatus> {
    const code = normaliseQueryCode(String(queryCode ?? ''));
    const found = code ? await findApplicationRowByQueryCode(db, code) : undefined;
    if (!found) throw new NotFoundError('未找到该查询码对应的申请，请核对查询码');
    return publicStatusOf(found);
  }

  return { receive, recordEvent, get, list, listByIdNumber, history, addRemedy, decideRemedy, assign, warnings, warningsOfAllAgencies, publicStatus };
}

export type ApplicationService = ReturnType<typeof applicationService>;
