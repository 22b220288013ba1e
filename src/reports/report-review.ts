/**
 * The annual report in the review chain (条例 Art. 50: the report is government information the agency
 * publishes, so it passes 科室负责人初审, 办公室保密审查 and 领导核审签发 like any item before it goes out —
 * src/core/disclosure/review-chain.ts). The report's row holds the chain state (`review_state`) and the
 * version under review (`review_version`); the steps are rows of `review_steps` with subject_kind 'report'.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { assertEditable, isReviewState, REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { lockRow } from '../db/locks.js';
import {
  decideStep, submitForReview, type ReviewSubject, type ReviewSubjectAdapter, type StepDecision,
} from '../disclosure/review.service.js';
import { listReviewSteps } from '../disclosure/review.repository.js';
import { findReportRow, updateReviewState, versionAuthorIds, type ReportWithAgencyRow } from './report.repository.js';

/** The chain state of a report row ('draft' for a row from before migration 0013). */
export function reviewStateOf(row: { review_state?: string | null; status?: string }): ReviewState {
  // A report published before the chain existed is published all the same.
  if (row.status === 'published') return 'published';
  const state = row.review_state ?? 'draft';
  return isReviewState(state) ? state : 'draft';
}

/** Refuses a new version of a report under review or approved (REVIEW_LOCKED); after a return it may be edited. */
export function assertReportEditable(row: ReportWithAgencyRow): void {
  assertEditable(reviewStateOf(row));
}

/** How the chain loads and moves a report. */
export const reportReviewAdapter: ReviewSubjectAdapter = {
  kind: 'report',
  async load(trx, id) {
    if (Number.isSafeInteger(id)) await lockRow(trx, 'reports', id);
    const row = Number.isSafeInteger(id) ? await findReportRow(trx, id) : undefined;
    if (!row) throw new NotFoundError(`未找到年度报告：编号 ${id}`);
    const state = reviewStateOf(row);
    // A draft or returned report is submitted as it now stands; under review, the version submitted is reviewed
    // (no new version can be saved meanwhile, so the two are the same).
    const version = state === 'draft' || state === 'returned' ? row.current_version : row.review_version ?? row.current_version;
    return {
      kind: 'report', id: row.id, agencyId: row.agency_id, version, state,
      authorIds: await versionAuthorIds(trx, row.id), title: `${row.agency_name}${row.year}年度报告`,
    } satisfies ReviewSubject;
  },
  async setState(trx, subject, to) {
    return (await updateReviewState(trx, subject.id, subject.state, to, subject.version)) === 1;
  },
};

/** Submits a report (its current version) for 初审. */
export function submitReport(trx: Kysely<Database>, id: number, actor: Actor, now: Date, comment?: string | null) {
  return submitForReview(trx, reportReviewAdapter, id, actor, now, comment);
}

/**
 * A reviewer's pass or return of a report's current step. The report is published on the government website
 * (条例 Art. 50), so a secrecy review that passes it must find the portal fit: a report unfit for the portal is
 * returned instead — once signed off it could neither be published nor edited.
 */
export function reviewReport(trx: Kysely<Database>, id: number, input: StepDecision, actor: Actor, now: Date) {
  if (input.step === 'secrecy-review' && input.decision === 'pass' && input.form && input.form.channelsFit?.portal !== true) {
    throw new ValidationError(
      '年度报告在政府网站公开，保密审查通过时须在保密审查表中认定适合在政府网站发布（channelsFit.portal）；不适合公开的，请退回并写明理由',
      { field: 'form' },
    );
  }
  return decideStep(trx, reportReviewAdapter, id, input, actor, now);
}

/** A report's place in the chain and every step taken, oldest first. */
export interface ReportReview {
  state: ReviewState;
  stateName: string;
  /** The version under review or approved (null before the first submission). */
  version: number | null;
  steps: Array<{
    id: number; version: number; step: string; decision: string | null; reason: string | null; comment: string | null;
    form: unknown; actor: string; at: string;
  }>;
}

/** The chain of a report. */
export async function reportReview(db: Kysely<Database>, id: number): Promise<ReportReview> {
  const row = Number.isSafeInteger(id) ? await findReportRow(db, id) : undefined;
  if (!row) throw new NotFoundError(`未找到年度报告：编号 ${id}`);
  const state = reviewStateOf(row);
  const steps = await listReviewSteps(db, { kind: 'report', id });
  return {
    state, stateName: REVIEW_STATES[state], version: row.review_version ?? null,
    steps: steps.map((s) => ({
      id: Number(s.id), version: s.subject_version, step: s.step, decision: s.decision, reason: s.reason, comment: s.comment,
      form: s.form ? JSON.parse(s.form) : null, actor: s.actor, at: s.at,
    })),
  };
}
