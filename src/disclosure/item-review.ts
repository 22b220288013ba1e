/**
 * Items in the review chain (src/disclosure/review.service.ts): the `ReviewSubjectAdapter` of items — how an item
 * is loaded and locked, how its state moves once (conditional on state AND version), who wrote the version under
 * review, what must hold before the secrecy review passes (every scan finding resolved) and what publication
 * decides (the 索引号, 发布日期, the version the public sees).
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNo } from '../core/disclosure/index-number.js';
import type { ReviewState } from '../core/disclosure/review-chain.js';
import { parseSecrecyForm } from '../core/disclosure/secrecy-form.js';
import { DISCLOSURE_ATTRIBUTES, type DisclosureAttribute } from '../core/disclosure/item-labels.js';
import { ConflictError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { nextNumber } from '../db/sequences.js';
import { chinaDay, lockedItem, type ItemSnapshot } from './item-drafting.js';
import { assertFindingsResolved, resolveDroppedAttachmentFindings, scanVersion } from './item-findings.js';
import { findItemRow, indexNoTaken, listItemVersionRows, markItemPublishedRow, setItemStateRow } from './item.repository.js';
import { submitterIds } from './review.repository.js';
import {
  decideStep, publishToChannels, submitForReview, type ReviewSubject, type ReviewSubjectAdapter, type StepDecision,
} from './review.service.js';
import { syncItemSearch } from './item-search.js';

/**
 * Everyone who wrote the content of `version`: the drafter, the creator of the version and — when the version
 * only redacts found personal data from an earlier one — the authors and submitters of the version it redacts
 * (the reviewer who removed a found number did not write the content).
 */
export async function itemAuthorIds(trx: Kysely<Database>, item: { id: number; drafter_id: number | null }, version: number): Promise<(number | null)[]> {
  const versions = new Map((await listItemVersionRows(trx, item.id)).map((v) => [v.version, v]));
  const ids: (number | null)[] = [item.drafter_id];
  let v = versions.get(version);
  while (v) {
    const redactionOf = (v.snapshot as Partial<ItemSnapshot>).redactionOf;
    if (redactionOf === undefined) {
      ids.push(v.createdById);
      break;
    }
    ids.push(...await submitterIds(trx, { kind: 'item', id: item.id }, redactionOf));
    v = versions.get(redactionOf);
  }
  return [...new Set(ids)];
}

/** The 索引号 of an item first published on `today`: the agency's template, its 统一社会信用代码, the year's next number. */
async function assignIndexNo(trx: Kysely<Database>, agencyId: number, today: string): Promise<string> {
  const agency = await findAgencyRow(trx, agencyId);
  const code = agency?.credit_code?.trim();
  if (!code) {
    throw new ConflictError(
      `${agency?.name ?? '本机关'}尚未登记统一社会信用代码，无法生成索引号；请先在机关信息中填写统一社会信用代码`, 'NO_CREDIT_CODE',
    );
  }
  const year = Number(today.slice(0, 4));
  const template = agency?.index_template?.trim() || DEFAULT_INDEX_TEMPLATE;
  // A number imported from the old site may already hold a formatted value: skip it, never reuse or collide.
  for (;;) {
    const seq = await nextNumber(trx, `index-no:${agencyId}:${year}`);
    const indexNo = formatIndexNo(template, { code, year, seq });
    if (!(await indexNoTaken(trx, indexNo))) return indexNo;
  }
}

/** The adapter of items for the review chain; `clock` stamps the row's updated_at. */
export function itemReviewAdapter(clock: Clock): ReviewSubjectAdapter {
  return {
  kind: 'item',
  async load(trx, id): Promise<ReviewSubject> {
    const item = await lockedItem(trx, id);
    return {
      kind: 'item', id: item.id, agencyId: item.agency_id, version: item.version, state: item.state as ReviewState,
      authorIds: await itemAuthorIds(trx, item, item.version), title: item.title,
    };
  },
  async setState(trx, subject, to) {
    return setItemStateRow(trx, subject.id, subject.version, subject.state, to, clock());
  },
  async beforePass(trx, subject, step) {
    if (step === 'secrecy-review') await assertFindingsResolved(trx, subject.id, subject.version);
  },
  async onVersionPublished(trx, subject, today: string, _actor: Actor) {
    const item = await lockedItem(trx, subject.id);
    const indexNo = item.index_no ?? await assignIndexNo(trx, item.agency_id, today);
    await markItemPublishedRow(trx, item.id, { indexNo, publishedOn: today, publishedVersion: subject.version, at: clock() });
  },
  };
}

/** Submits the item's current version for 初审 and scans it (body and attachments) for personal data. */
export async function submitItem(trx: Kysely<Database>, id: number, actor: Actor, clock: Clock, comment?: string | null): Promise<{ findings: number }> {
  const at = clock();
  await submitForReview(trx, itemReviewAdapter(clock), id, actor, new Date(at), comment);
  const item = (await findItemRow(trx, id))!;
  await resolveDroppedAttachmentFindings(trx, item, actor, at);
  return { findings: await scanVersion(trx, item) };
}

/** A reviewer's pass or return on the item's current step; a secrecy pass needs a complete 保密审查表. */
export async function reviewItem(trx: Kysely<Database>, id: number, input: StepDecision, actor: Actor, clock: Clock): Promise<ReviewState> {
  const form = input.step === 'secrecy-review' && input.decision === 'pass' && input.form ? { ...parseSecrecyForm(input.form) } : input.form;
  return (await decideStep(trx, itemReviewAdapter(clock), id, { ...input, form }, actor, new Date(clock()))).state;
}

/**
 * Publishes the item's approved version to channels the secrecy review found fit (索引号 at first publication).
 * Only 主动公开 items go on a public channel: one marked 依申请公开 or 不予公开 is refused (条例 Art. 19–20).
 */
export async function publishItem(trx: Kysely<Database>, id: number, channels: readonly string[], actor: Actor, clock: Clock) {
  const row = await findItemRow(trx, id);
  if (row && row.disclosure !== 'active') {
    const name = DISCLOSURE_ATTRIBUTES[row.disclosure as DisclosureAttribute] ?? row.disclosure;
    throw new ConflictError(`“${row.title}”的公开属性为“${name}”，不能主动发布；如需主动公开，请先将公开属性改为“主动公开”并重新审核`, 'NOT_ACTIVE_DISCLOSURE');
  }
  const at = clock();
  const publications = await publishToChannels(trx, itemReviewAdapter(clock), id, channels, actor, new Date(at), chinaDay(at));
  // On the portal now (or again, a newer version): the search index follows in the same transaction.
  if (channels.includes('portal')) await syncItemSearch(trx, id, new Date(at).toISOString());
  return publications;
}
