/**
 * Reading cases: one case with its clock and remedies, lists (personal data masked), history, warnings of
 * overdue and due-soon cases, and the public status by query code (nothing personal).
 */
import {
  findApplicationRowByQueryCode, listApplicationEventRows, listApplicationRows, listApplicationRowsByIdNumber, listRemedyRows, type ApplicationRowFilter,
} from './application.repository.js';
import { NotFoundError } from '../core/errors.js';
import {
  detailOf, eventOf, publicStatusOf, remedyOf, summaryOf,
  type ApplicationDetail, type ApplicationEvent, type ApplicationSummary, type PublicStatus,
} from './application-view.js';
import { caseWarnings, warningsByAgency, type AgencyWarnings, type CaseWarnings } from './application-warnings.js';
import { caseSteps, type CaseContext } from './case-context.js';
import { chinaDate, clockEvents, normaliseQueryCode, required } from './case-record.js';

/** The questions asked of cases. */
export function caseQueries(c: CaseContext) {
  const { db, clock, calendar, pii } = c;
  const { clockOrPending, row } = caseSteps(c);

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

  /** Overdue and due-soon open cases of an agency, by office and person (application-warnings.ts). */
  function warnings(agencyId: number, today: string): Promise<CaseWarnings> {
    return caseWarnings(db, calendar, agencyId, today);
  }

  /** The same for every agency with an overdue or due-soon case, in one query. */
  function warningsOfAllAgencies(today: string, agencyIds?: readonly number[]): Promise<AgencyWarnings[]> {
    return warningsByAgency(db, calendar, today, agencyIds);
  }

  /** The public status of the case with this query code: number, state and dates; nothing personal. */
  async function publicStatus(queryCode: string): Promise<PublicStatus> {
    const code = normaliseQueryCode(String(queryCode ?? ''));
    const found = code ? await findApplicationRowByQueryCode(db, code) : undefined;
    if (!found) throw new NotFoundError('未找到该查询码对应的申请，请核对查询码');
    return publicStatusOf(found);
  }

  return { get, list, listByIdNumber, history, warnings, warningsOfAllAgencies, publicStatus };
}
