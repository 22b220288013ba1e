/**
 * The review chain as a use case for every kind of government information (条例; the seed's 先审查、后公开):
 * items, the catalogue, the guide and the annual report each plug in a `ReviewSubjectAdapter` (how to load
 * and lock the subject, how its state is stored, what must hold before a step passes, what happens on
 * publication, e.g. the item's 索引号). The chain itself — order of steps, who may not approve, reasons on
 * return, the record of each step, publication only after 核审签发 to channels found fit — lives once, here
 * and in src/core/disclosure/review-chain.ts.
 *
 * Permissions (which person may take which step in the subject's agency) are checked by the caller at the
 * edge (src/http/access/route-policy.ts, scope `handler`) before these functions run, inside the same
 * transaction.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { CHANNELS, isChannel, type Channel } from '../core/disclosure/channels.js';
import {
  assertCanPublish, assertCanSubmit, decide, REVIEW_STEPS,
  type ReviewDecision, type ReviewState, type ReviewStep,
} from '../core/disclosure/review-chain.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { ChannelPublicationRow, ReviewStepRow } from './disclosure.table.js';
import { bumpPublicationGeneration } from '../db/publication-generation.js';
import {
  activePublications, insertDisclosureEvent, insertPublication, insertReviewStep, passedSecrecyForm, submitterIds,
} from './review.repository.js';

/** The kinds of subject that go through the chain. */
export type SubjectKind = 'item' | 'catalogue' | 'guide' | 'report' | 'matter';

/** A subject as the chain sees it, loaded (and on PostgreSQL locked) inside the transaction. */
export interface ReviewSubject {
  kind: SubjectKind;
  id: number;
  agencyId: number;
  /** The version under review. */
  version: number;
  state: ReviewState;
  /** Who wrote this version (drafter, editors): none of them may pass a review step of it. */
  authorIds: readonly (number | null)[];
  /** A short title for messages and the log. */
  title: string;
}

/** How one kind of subject is stored. */
export interface ReviewSubjectAdapter {
  kind: SubjectKind;
  /** Loads and locks the subject; throws NotFoundError when it does not exist. */
  load(trx: Kysely<Database>, id: number): Promise<ReviewSubject>;
  /**
   * Moves the subject from `from` to `to` once: a conditional update on the stored state and version.
   * Returns false when someone else changed it first (the chain then refuses with REVIEW_STALE).
   */
  setState(trx: Kysely<Database>, subject: ReviewSubject, to: ReviewState): Promise<boolean>;
  /** Checks that must hold before `step` passes (e.g. every scan finding resolved before the secrecy review). */
  beforePass?(trx: Kysely<Database>, subject: ReviewSubject, step: ReviewStep): Promise<void>;
  /** Called once when an approved version goes out on its first channel (e.g. assign the 索引号 if it has none, set 发布日期 and the version the public sees). */
  onVersionPublished?(trx: Kysely<Database>, subject: ReviewSubject, today: string, actor: Actor): Promise<void>;
}

/** A reviewer's decision as it comes in. */
export interface StepDecision {
  step: ReviewStep;
  decision: ReviewDecision;
  reason?: string | null;
  comment?: string | null;
  /** The 保密审查表 (src/core/disclosure/secrecy-form.ts), required when the secrecy review passes. */
  form?: { channelsFit?: Partial<Record<string, boolean>> } & Record<string, unknown> | null;
}

function stale(subject: ReviewSubject): ConflictError {
  return new ConflictError(`“${subject.title}”已被他人处理，请刷新后重试`, 'REVIEW_STALE');
}

async function changeState(trx: Kysely<Database>, adapter: ReviewSubjectAdapter, subject: ReviewSubject, to: ReviewState): Promise<void> {
  if (!(await adapter.setState(trx, subject, to))) throw stale(subject);
}

/** Submits a draft (or a returned subject after editing) for 初审. */
export async function submitForReview(
  trx: Kysely<Database>, adapter: ReviewSubjectAdapter, id: number, actor: Actor, now: Date, comment?: string | null,
): Promise<ReviewStepRow> {
  const subject = await adapter.load(trx, id);
  assertCanSubmit(subject.state);
  await changeState(trx, adapter, subject, 'first-review');
  const at = now.toISOString();
  const step = await insertReviewStep(trx, {
    subject_kind: subject.kind, subject_id: subject.id, subject_version: subject.version, step: 'submit',
    decision: null, reason: null, comment: comment ?? null, form: null, actor: actor.name, actor_id: actor.id, at,
  });
  await insertDisclosureEvent(trx, {
    agency_id: subject.agencyId, subject_kind: subject.kind, subject_id: subject.id, type: 'submitted',
    data: { version: subject.version, old: subject.state, new: 'first-review' }, actor: actor.name, actor_id: actor.id, at,
  });
  return step;
}

/**
 * Records a reviewer's pass or return on the current step. A return needs a reason and sends the
 * subject back to its drafter (state `returned`); the secrecy review's pass needs the 保密审查表.
 */
export async function decideStep(
  trx: Kysely<Database>, adapter: ReviewSubjectAdapter, id: number, input: StepDecision, actor: Actor, now: Date,
): Promise<{ step: ReviewStepRow; state: ReviewState }> {
  const subject = await adapter.load(trx, id);
  const authors = [...subject.authorIds, ...(await submitterIds(trx, subject, subject.version))];
  const next = decide({
    state: subject.state, step: input.step, decision: input.decision, reason: input.reason,
    reviewerId: actor.id, authorIds: authors,
  });
  if (input.step === 'secrecy-review' && input.decision === 'pass' && !input.form) {
    throw new ValidationError('保密审查通过时必须填写互联网信息发布保密审查表', { field: 'form' });
  }
  if (input.decision === 'pass') await adapter.beforePass?.(trx, subject, input.step);
  await changeState(trx, adapter, subject, next);
  const at = now.toISOString();
  const step = await insertReviewStep(trx, {
    subject_kind: subject.kind, subject_id: subject.id, subject_version: subject.version, step: input.step,
    decision: input.decision, reason: input.reason?.trim() || null, comment: input.comment ?? null,
    form: input.form ? JSON.stringify(input.form) : null, actor: actor.name, actor_id: actor.id, at,
  });
  await insertDisclosureEvent(trx, {
    agency_id: subject.agencyId, subject_kind: subject.kind, subject_id: subject.id,
    type: input.decision === 'pass' ? 'review-passed' : 'review-returned',
    data: { version: subject.version, step: input.step, old: subject.state, new: next, reason: input.reason ?? null },
    actor: actor.name, actor_id: actor.id, at,
  });
  return { step, state: next };
}

/** The 保密审查表 of the version's passed secrecy review, or null. */
export async function secrecyFormOf(trx: Kysely<Database>, subject: { kind: string; id: number; version: number }): Promise<StepDecision['form']> {
  const form = await passedSecrecyForm(trx, subject, subject.version);
  return form ? JSON.parse(form) : null;
}

/**
 * Publishes the approved version to the chosen channels (a recorded act per channel: channel, day, who).
 * Only after every review step has passed; only to channels the secrecy review found fit; a channel the
 * version is already on is refused. The first publication moves the subject to `published` and calls
 * `onVersionPublished` (the 索引号 of an item).
 */
export async function publishToChannels(
  trx: Kysely<Database>, adapter: ReviewSubjectAdapter, id: number, channels: readonly string[], actor: Actor, now: Date, today: string,
): Promise<ChannelPublicationRow[]> {
  if (channels.length === 0) throw new ValidationError('请至少选择一个发布渠道', { field: 'channels' });
  const unknown = channels.find((c) => !isChannel(c));
  if (unknown !== undefined) throw new ValidationError(`发布渠道“${unknown}”不存在`, { field: 'channels' });
  const subject = await adapter.load(trx, id);
  assertCanPublish(subject.state);
  const form = await secrecyFormOf(trx, subject);
  const unfit = (channels as Channel[]).filter((c) => form?.channelsFit?.[c] !== true);
  if (unfit.length > 0) {
    throw new ConflictError(
      `保密审查未认定适合在以下渠道发布：${unfit.map((c) => CHANNELS[c]).join('、')}`, 'CHANNEL_NOT_CLEARED',
    );
  }
  const current = await activePublications(trx, subject, subject.version);
  const again = (channels as Channel[]).filter((c) => current.some((p) => p.channel === c));
  if (again.length > 0) {
    throw new ConflictError(`已在以下渠道发布：${again.map((c) => CHANNELS[c]).join('、')}`, 'ALREADY_PUBLISHED');
  }
  if (subject.state === 'approved') {
    await changeState(trx, adapter, subject, 'published');
    await adapter.onVersionPublished?.(trx, subject, today, actor);
  }
  const at = now.toISOString();
  const rows: ChannelPublicationRow[] = [];
  for (const channel of new Set(channels)) {
    rows.push(await insertPublication(trx, {
      agency_id: subject.agencyId, subject_kind: subject.kind, subject_id: subject.id, subject_version: subject.version,
      channel, published_on: today, published_at: at, actor: actor.name, actor_id: actor.id,
    }));
  }
  // Cached portal pages of every instance go stale with this transaction (src/portal/page-cache.ts).
  await bumpPublicationGeneration(trx, subject.agencyId, now);
  await insertReviewStep(trx, {
    subject_kind: subject.kind, subject_id: subject.id, subject_version: subject.version, step: 'publish',
    decision: null, reason: null, comment: [...new Set(channels)].join(','), form: null, actor: actor.name, actor_id: actor.id, at,
  });
  await insertDisclosureEvent(trx, {
    agency_id: subject.agencyId, subject_kind: subject.kind, subject_id: subject.id, type: 'published',
    data: { version: subject.version, channels: [...new Set(channels)], old: subject.state, new: 'published' },
    actor: actor.name, actor_id: actor.id, at,
  });
  return rows;
}

/** The step a subject waits for in a state, or null (draft, returned, approved, published). */
export function stepWaitingIn(state: ReviewState): ReviewStep | null {
  for (const [key, def] of Object.entries(REVIEW_STEPS)) if (def.state === state) return key as ReviewStep;
  return null;
}
