/**
 * The review chain before publishing (先审查、后公开; the seed's procedure, "谁审查、谁负责，谁公开、谁负责"):
 * draft → 科室负责人初审 → 办公室保密审查 → 领导核审签发 → published by the disclosure staff. The same chain
 * serves every kind of government information the platform publishes: items, the catalogue, the guide and the
 * annual report (条例 Art. 50: the report is published government information too).
 *
 * Pure: the state a subject is in and the step someone wants to take go in; the next state or a typed
 * error comes out. Which person may take a step is a permission (src/core/access/permissions.ts) checked
 * in the agency of the subject; the rule that the drafter never approves their own version is here.
 */
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import type { Permission } from '../access/permissions.js';

/** Where a subject stands in the chain. */
export const REVIEW_STATES = {
  draft: '草稿',
  'first-review': '待初审',
  'secrecy-review': '待保密审查',
  'sign-off': '待核审签发',
  approved: '已签发待发布',
  published: '已发布',
  returned: '已退回',
} as const;

/** A state key. */
export type ReviewState = keyof typeof REVIEW_STATES;

/** The review steps in order, with the state they act in, the permission they need and their Chinese name. */
export const REVIEW_STEPS = {
  'first-review': { state: 'first-review', next: 'secrecy-review', permission: 'item.first-review', name: '科室负责人初审' },
  'secrecy-review': { state: 'secrecy-review', next: 'sign-off', permission: 'item.secrecy-review', name: '办公室保密审查' },
  'sign-off': { state: 'sign-off', next: 'approved', permission: 'item.sign-off', name: '领导核审签发' },
} as const satisfies Record<string, { state: ReviewState; next: ReviewState; permission: Permission; name: string }>;

/** A review step key. */
export type ReviewStep = keyof typeof REVIEW_STEPS;

/** Every act recorded in the chain (review_steps.step). */
export const CHAIN_ACTS = {
  submit: '提交审核',
  'first-review': '科室负责人初审',
  'secrecy-review': '办公室保密审查',
  'sign-off': '领导核审签发',
  publish: '发布',
} as const;

/** An act key. */
export type ChainAct = keyof typeof CHAIN_ACTS;

/** A reviewer's decision on a step. */
export type ReviewDecision = 'pass' | 'return';

/** Chinese names of the decisions. */
export const REVIEW_DECISIONS: Readonly<Record<ReviewDecision, string>> = { pass: '通过', return: '退回' };

/** The subject may be submitted for review from these states (a returned subject is edited and resubmitted). */
export function assertCanSubmit(state: ReviewState): void {
  if (state !== 'draft' && state !== 'returned') {
    throw new ConflictError(`当前状态为“${REVIEW_STATES[state]}”，只有草稿或已退回的材料可以提交审核`, 'REVIEW_NOT_DRAFT');
  }
}

/** The subject may be edited (a new version written) only as a draft or after a return. */
export function assertEditable(state: ReviewState): void {
  if (state !== 'draft' && state !== 'returned') {
    throw new ConflictError(`当前状态为“${REVIEW_STATES[state]}”，审核期间不能修改；如需修改，请先由审核人退回`, 'REVIEW_LOCKED');
  }
}

/**
 * The state after a reviewer's decision on `step`, or an error naming why the step cannot be taken now:
 * the subject is not at that step, a return has no reason, or the reviewer drafted this version
 * (the same person never drafts and approves one item).
 */
export function decide(input: {
  state: ReviewState;
  step: ReviewStep;
  decision: ReviewDecision;
  reason?: string | null;
  reviewerId: number | null;
  /** Everyone who wrote or submitted the version under review. */
  authorIds: readonly (number | null)[];
}): ReviewState {
  const def = REVIEW_STEPS[input.step];
  // A signed-off version not yet published can still be taken back by the leader (撤回签发), with a reason:
  // e.g. a report that no longer passes a hard rule after the previous year's report changed.
  const revoking = input.step === 'sign-off' && input.decision === 'return' && input.state === 'approved';
  if (input.state !== def.state && !revoking) {
    throw new ConflictError(
      `当前状态为“${REVIEW_STATES[input.state]}”，不能进行“${def.name}”；审核须依次经过初审、保密审查、核审签发`,
      'REVIEW_OUT_OF_ORDER',
    );
  }
  if (input.reviewerId !== null && input.authorIds.includes(input.reviewerId)) {
    throw new ForbiddenError(`不能审核本人起草或修改的材料（${def.name}），请由其他审核人办理`, 'REVIEW_OWN_DRAFT');
  }
  if (input.decision === 'return') {
    if (!input.reason || input.reason.trim() === '') throw new ValidationError('退回时必须填写退回理由', { field: 'reason' });
    return 'returned';
  }
  return def.next;
}

/** Publishing is possible only once every review step has passed (approved), or again to further channels. */
export function assertCanPublish(state: ReviewState): void {
  if (state !== 'approved' && state !== 'published') {
    throw new ConflictError(
      `当前状态为“${REVIEW_STATES[state]}”，未经初审、保密审查和核审签发的材料不得发布`,
      'REVIEW_INCOMPLETE',
    );
  }
}

/** Whether a string is a state key. */
export function isReviewState(value: string): value is ReviewState {
  return Object.hasOwn(REVIEW_STATES, value);
}
