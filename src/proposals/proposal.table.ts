/**
 * Row types of 建议提案 (人大代表建议 and 政协提案 assigned to the agency). The row holds the current state; every
 * change is a row of `proposal_events` (who, when, old → new as JSON text). Nothing is hard-deleted.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ProposalTable {
  id: Generated<number>;
  agency_id: number;
  /** The agency's own registration number (建议提案登记号), from a number sequence: JYTA-2026-0001. */
  reg_no: string;
  /** ProposalKind: 'npc' 人大代表建议 | 'cppcc' 政协提案. */
  kind: string;
  /** The number the congress or CPPCC gave it (第 123 号). */
  source_no: string;
  title: string;
  /** The deputy or member (or the group) who made it: a public role, shown on the portal with the result. */
  proposer: string;
  received_on: string;
  assigned_on: string;
  lead_office: string;
  /** JSON text: string[] of co-handling offices (会办单位). */
  co_offices: string;
  /** The answer deadline as a calendar date (3 months from assignment, or as set); the working-day shift is applied on reading. */
  due_base: string;
  /** 1 when the deadline was set by the assigning body instead of 3 months from assignment. */
  due_set: number;
  /** ProposalState. */
  state: string;
  answered_on: string | null;
  reply_text: string | null;
  /** Why an answer came after the deadline (required then). */
  late_reason: string | null;
  /** Feedback: 'satisfied' | 'basically' | 'unsatisfied'. */
  feedback: string | null;
  feedback_on: string | null;
  feedback_note: string | null;
  /** The disclosure item (政府信息) that publishes the result on the portal. */
  result_item_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalEventTable {
  id: Generated<number>;
  proposal_id: number;
  at: string;
  actor: string;
  actor_id: number | null;
  type: string;
  old: string | null;
  new: string | null;
}

export type ProposalRow = Selectable<ProposalTable>;
export type NewProposalRow = Insertable<ProposalTable>;
export type ProposalPatch = Updateable<ProposalTable>;
export type ProposalEventRow = Selectable<ProposalEventTable>;
export type NewProposalEventRow = Insertable<ProposalEventTable>;
