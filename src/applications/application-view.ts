/**
 * What the case API returns, built from rows: the staff list (personal data masked), the case detail
 * (full applicant data, for the office handling it), events, remedies and the public status (nothing
 * personal). Masking happens here, in one place.
 */
import { APPLICANT_TYPES } from '../core/applications/applicant-types.js';
import { STATE_NAMES } from '../core/applications/case-states.js';
import type { CaseClock, CaseState } from '../core/applications/case-clock.js';
import { maskAddress, maskIdNumber, maskName, maskPhone, type IdentityKind } from '../core/applications/identity.js';
import type { ApplicationWithApplicantRow } from './application.repository.js';
import type { ApplicationEventRow, ApplicationRow, RemedyRow } from './application.table.js';

export { STATE_NAMES };

/** The applicant's personal data (only in the case detail; masked in lists; never public). */
export interface Applicant {
  name: string;
  idType: IdentityKind;
  idNumber: string;
  phone: string | null;
  address: string | null;
  email: string | null;
}

/** One case in the staff list: personal data masked. */
export interface ApplicationSummary {
  id: number;
  agencyId: number;
  agencyName: string;
  caseNo: string;
  channel: string;
  receivedOn: string;
  /** Table 三 column key: natural | commercial | research | welfare | legal | other. */
  applicantType: string;
  /** 自然人 / 商业企业 … */
  applicantTypeName: string;
  applicant: { name: string; idNumber: string; phone: string; address: string };
  subject: string;
  formWanted: string;
  state: CaseState;
  stateName: string;
  dueOn: string | null;
  decision: string | null;
  resultRow: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  feeMethod: string | null;
  feeAmount: number | null;
  receivedBy: string;
  /** 承办科室 and 承办人, null until assigned. */
  office: string | null;
  handler: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One change of a case: who, when, the event's legal date, what, old → new. */
export interface ApplicationEvent {
  id: number;
  applicationId: number;
  at: string;
  actor: string;
  type: string;
  onDate: string;
  data: unknown;
  old: unknown;
  new: unknown;
}

/** A reconsideration or lawsuit arising from a case (table 四). */
export interface Remedy {
  id: number;
  applicationId: number;
  kind: 'reconsideration' | 'lawsuit';
  afterReconsideration: boolean;
  filedOn: string;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  decidedOn: string | null;
  createdAt: string;
}

/** The case for the office handling it: the full applicant, the query code, the clock with its arithmetic. */
export interface ApplicationDetail extends Omit<ApplicationSummary, 'applicant'> {
  applicant: Applicant;
  /** Null when the personal data is masked. */
  queryCode: string | null;
  /** 'full' for the publisher and case handler of the case's agency; 'masked' for everyone else. */
  personalData: 'full' | 'masked';
  clock: CaseClock;
  remedies: Remedy[];
}

/** What the public status page shows: the case, never the applicant. */
export interface PublicStatus {
  caseNo: string;
  state: CaseState;
  stateName: string;
  receivedOn: string;
  dueOn: string | null;
  decidedOn: string | null;
}

const typeName = new Map(APPLICANT_TYPES.map((t) => [t.column as string, t.type as string]));

function caseFields(row: ApplicationWithApplicantRow): Omit<ApplicationSummary, 'applicant'> {
  const state = row.state as CaseState;
  return {
    id: row.id, agencyId: row.agency_id, agencyName: row.agency_name, caseNo: row.case_no, channel: row.channel,
    receivedOn: row.received_on, applicantType: row.applicant_type, applicantTypeName: typeName.get(row.applicant_type) ?? row.applicant_type,
    subject: row.subject, formWanted: row.form_wanted, state, stateName: STATE_NAMES[state] ?? row.state,
    dueOn: row.due_on, decision: row.decision, resultRow: row.result_row, decidedOn: row.decided_on, closedOn: row.closed_on,
    feeMethod: row.fee_method, feeAmount: row.fee_amount === null ? null : Number(row.fee_amount), receivedBy: row.received_by,
    office: row.office, handler: row.handler, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** A case for the staff list, its applicant masked (maskName, maskIdNumber, maskPhone, maskAddress). */
export function summaryOf(row: ApplicationWithApplicantRow): ApplicationSummary {
  return {
    ...caseFields(row),
    applicant: { name: maskName(row.applicant_name), idNumber: maskIdNumber(row.id_number), phone: maskPhone(row.phone), address: maskAddress(row.address) },
  };
}

/**
 * The case detail for someone whose role does not need the applicant's identity (a leader approving
 * an extension, a supervisor): personal data masked as in lists, no query code (个人信息保护法 Art. 6:
 * the minimum needed).
 */
export function maskedDetail(detail: ApplicationDetail): ApplicationDetail {
  const a = detail.applicant;
  return {
    ...detail,
    applicant: {
      name: maskName(a.name), idType: a.idType, idNumber: maskIdNumber(a.idNumber),
      phone: a.phone === null ? null : maskPhone(a.phone), address: a.address === null ? null : maskAddress(a.address),
      email: a.email === null ? null : a.email.replace(/^(.).*(@.*)$/, '$1***$2'),
    },
    queryCode: null,
    personalData: 'masked',
  };
}

/** A case for the office handling it, with the full applicant. */
export function detailOf(row: ApplicationWithApplicantRow, clock: CaseClock, remedies: Remedy[]): ApplicationDetail {
  return {
    ...caseFields(row),
    applicant: {
      name: row.applicant_name, idType: row.id_type as IdentityKind, idNumber: row.id_number,
      phone: row.phone, address: row.address, email: row.email,
    },
    queryCode: row.query_code, clock, remedies, personalData: 'full',
  };
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** An event row as the API returns it. */
export function eventOf(row: ApplicationEventRow): ApplicationEvent {
  return {
    id: row.id, applicationId: row.application_id, at: row.at, actor: row.actor, type: row.type, onDate: row.on_date,
    data: parse(row.data), old: parse(row.old), new: parse(row.new),
  };
}

/** A remedy row as the API returns it. */
export function remedyOf(row: RemedyRow): Remedy {
  return {
    id: row.id, applicationId: row.application_id, kind: row.kind as Remedy['kind'], afterReconsideration: Number(row.after_reconsideration) === 1,
    filedOn: row.filed_on, result: row.result as Remedy['result'], decidedOn: row.decided_on, createdAt: row.created_at,
  };
}

/** The public status of a case: number, state and dates only. */
export function publicStatusOf(row: ApplicationRow): PublicStatus {
  const state = row.state as CaseState;
  return {
    caseNo: row.case_no, state, stateName: STATE_NAMES[state] ?? row.state,
    receivedOn: row.received_on, dueOn: row.due_on, decidedOn: row.decided_on,
  };
}
