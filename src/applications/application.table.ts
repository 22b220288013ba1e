/**
 * Row types of the disclosure-application tables (依申请公开). `applications` holds each case's current
 * state (what tables 三 and 四 are computed from, in SQL); `applicant_details` the applicant's personal data,
 * kept only there (lists and public pages mask it or leave it out); `application_events` every change (who,
 * when, the event's legal date, old → new as JSON text); `remedies` the reconsiderations and lawsuits that
 * arise from a case (table 四). Nothing is hard-deleted. Dates are YYYY-MM-DD text, timestamps ISO text.
 *
 * Keys other helpers read:
 * - `applicant_type`: table 三's column key (natural | commercial | research | welfare | legal | other).
 * - `result_row`: table 三's result row in 2021 granularity (r1 … r6-3), set when the case closes.
 * - `state`: received | awaiting-correction | consulting | extended | awaiting-fee | decided | abandoned | withdrawn.
 * - `decided_on` = `closed_on`: the day the case closed, by a reply, as abandoned (视为放弃: 逾期不补正 r6-1,
 *   逾期未缴费 r6-2) or by withdrawal (r6-3); null while open. `decision` / `result_row` are set with it. A case
 *   open on 31 December (received_on ≤ that day, closed_on null or later) carries over to the next year.
 * - `application_events.type`: the clock's events (received, correction-requested, correction-received,
 *   consultation-started, consultation-ended, extended, later-date-set, fee-notice-sent, fee-paid, decided,
 *   withdrawn) and record changes (remedy-added, remedy-decided, deadline-recomputed).
 * - `remedies.kind`: reconsideration | lawsuit; `result`: upheld | corrected | other | pending.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** The agency's case number (依申请公开登记号), unique per agency: 2025-0001. */
  case_no: string;
  /** Random code the applicant uses on the public status page; unique. */
  query_code: string;
  /** Channel (条例 Art. 31): in-person | registered-post | ordinary-letter | online | fax | email. */
  channel: string;
  /** Receipt date fixed by the channel's evidence (条例 Art. 31). */
  received_on: string;
  /** Table 三 column key of the applicant type. */
  applicant_type: string;
  /** What is asked for (description of the information). */
  subject: string;
  /** The form wanted (how and by which route). */
  form_wanted: string;
  /** CaseState of src/core/applications/case-clock.ts. */
  state: string;
  /** The current reply deadline; null while the clock stands still (awaiting correction, consulting …). */
  due_on: string | null;
  /** DecisionKey of outcomes.ts once closed. */
  decision: string | null;
  /** Table 三 result row, 2021 granularity (r1 … r6-3), once closed. */
  result_row: string | null;
  decided_on: string | null;
  closed_on: string | null;
  /** 'by-application' | 'by-volume' when a fee was charged. */
  fee_method: string | null;
  /** Fee in whole 元. */
  fee_amount: number | null;
  /** Who recorded the receipt. */
  received_by: string;
  /** The office (承办科室) the case is assigned to; null until assigned. */
  office: string | null;
  /** The person (承办人) the case is assigned to; null until assigned. */
  handler: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Personal data of the applicant: only here, never in lists, exports or public pages unmasked. Encrypted at rest
 * (migration 0011): name, id_number, phone, address and email hold `sm4:v1:…` values of src/security/pii-cipher.ts,
 * which the repository encrypts on writing and decrypts on reading; id_type stays plain (a category, not personal
 * data). `id_number_hash` is the keyed blind index of the identity number (lookups by equality); null only on a row
 * written before 0011 that the startup step has not encrypted yet.
 */
export interface ApplicantDetailsTable {
  application_id: number;
  name: string;
  /** 'resident-id' | 'uscc' | 'other' */
  id_type: string;
  id_number: string;
  phone: string | null;
  address: string | null;
  email: string | null;
  id_number_hash: string | null;
}

/** The applicant's personal data in plain (as services and views see it; the table holds it encrypted). */
export interface ApplicantDetails {
  name: string;
  id_type: string;
  id_number: string;
  phone: string | null;
  address: string | null;
  email: string | null;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  /** When it was recorded (ISO timestamp from the injected clock). */
  at: string;
  actor: string;
  /** The signed-in user who acted; null for a local operator (CLI, demo, system). */
  actor_id?: number | null;
  /** CaseEvent type (received, correction-requested …, decided, withdrawn) or a record change (remedy-added …). */
  type: string;
  /** The event's legal date (YYYY-MM-DD). */
  on_date: string;
  /** The event as JSON text (the CaseEvent, or the remedy). */
  data: string;
  /** The case's state before, JSON text or null. */
  old: string | null;
  /** The case's state after, JSON text or null. */
  new: string | null;
}

export interface RemedyTable {
  id: Generated<number>;
  application_id: number;
  /** 'reconsideration' | 'lawsuit' */
  kind: string;
  /** Lawsuits only: 1 when filed after a reconsideration (复议后起诉), else 0. */
  after_reconsideration: number;
  filed_on: string;
  /** 'upheld' (维持) | 'corrected' (纠正) | 'other' (其他) | 'pending' (尚未审结) */
  result: string;
  decided_on: string | null;
  created_at: string;
}

export type ApplicationRow = Selectable<ApplicationTable>;
export type NewApplicationRow = Insertable<ApplicationTable>;
export type ApplicationPatch = Updateable<ApplicationTable>;
export type ApplicantDetailsRow = Selectable<ApplicantDetailsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type NewApplicationEventRow = Insertable<ApplicationEventTable>;
export type RemedyRow = Selectable<RemedyTable>;
export type NewRemedyRow = Insertable<RemedyTable>;
