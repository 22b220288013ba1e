import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertCanPublish, assertCanSubmit, assertEditable, decide, REVIEW_STATES, type ReviewState } from './review-chain.js';

const code = (fn: () => unknown): string | undefined => {
  try { fn(); return undefined; } catch (e) { return (e as { code?: string }).code; }
};

describe('review chain (先审查、后公开)', () => {
  it('passes 初审 → 保密审查 → 核审签发 in order', () => {
    let state: ReviewState = 'first-review';
    state = decide({ state, step: 'first-review', decision: 'pass', reviewerId: 2, authorIds: [1] });
    assert.equal(state, 'secrecy-review');
    state = decide({ state, step: 'secrecy-review', decision: 'pass', reviewerId: 3, authorIds: [1] });
    assert.equal(state, 'sign-off');
    state = decide({ state, step: 'sign-off', decision: 'pass', reviewerId: 4, authorIds: [1] });
    assert.equal(state, 'approved');
    assert.doesNotThrow(() => assertCanPublish(state));
  });

  it('refuses a step out of order, naming the current state', () => {
    assert.equal(code(() => decide({ state: 'first-review', step: 'sign-off', decision: 'pass', reviewerId: 4, authorIds: [1] })), 'REVIEW_OUT_OF_ORDER');
    assert.equal(code(() => decide({ state: 'draft', step: 'first-review', decision: 'pass', reviewerId: 4, authorIds: [1] })), 'REVIEW_OUT_OF_ORDER');
  });

  it('never lets an author approve their own version, whatever roles they hold', () => {
    assert.equal(code(() => decide({ state: 'first-review', step: 'first-review', decision: 'pass', reviewerId: 1, authorIds: [1] })), 'REVIEW_OWN_DRAFT');
    assert.equal(code(() => decide({ state: 'sign-off', step: 'sign-off', decision: 'pass', reviewerId: 5, authorIds: [1, 5] })), 'REVIEW_OWN_DRAFT');
  });

  it('returns to the drafter only with a reason', () => {
    assert.equal(code(() => decide({ state: 'secrecy-review', step: 'secrecy-review', decision: 'return', reason: '  ', reviewerId: 3, authorIds: [1] })), 'VALIDATION_FAILED');
    assert.equal(decide({ state: 'secrecy-review', step: 'secrecy-review', decision: 'return', reason: '含个人信息', reviewerId: 3, authorIds: [1] }), 'returned');
  });

  it('publishes only an approved (or already published) version; edits only drafts and returns', () => {
    for (const state of Object.keys(REVIEW_STATES) as ReviewState[]) {
      const publishable = state === 'approved' || state === 'published';
      assert.equal(code(() => assertCanPublish(state)), publishable ? undefined : 'REVIEW_INCOMPLETE', state);
      const editable = state === 'draft' || state === 'returned';
      assert.equal(code(() => assertEditable(state)), editable ? undefined : 'REVIEW_LOCKED', state);
      assert.equal(code(() => assertCanSubmit(state)), editable ? undefined : 'REVIEW_NOT_DRAFT', state);
    }
  });

  it('lets the leader take back a sign-off before publication, with a reason (撤回签发)', () => {
    assert.equal(decide({ state: 'approved', step: 'sign-off', decision: 'return', reason: '上年报告已更正，需重新核对', reviewerId: 4, authorIds: [1] }), 'returned');
    assert.equal(code(() => decide({ state: 'approved', step: 'sign-off', decision: 'return', reviewerId: 4, authorIds: [1] })), 'VALIDATION_FAILED');
    assert.equal(code(() => decide({ state: 'approved', step: 'sign-off', decision: 'pass', reviewerId: 4, authorIds: [1] })), 'REVIEW_OUT_OF_ORDER');
    assert.equal(code(() => decide({ state: 'published', step: 'sign-off', decision: 'return', reason: 'x', reviewerId: 4, authorIds: [1] })), 'REVIEW_OUT_OF_ORDER');
  });
});
