/**
 * Withdrawing one publication of a subject from its channel (撤回): the use case the monthly checklist and the
 * item routes share. The publication row stays (withdrawn_at/by/reason are set once, never cleared); the item
 * stays on record; the act is an event of the subject.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { CHANNELS, isChannel } from '../core/disclosure/channels.js';
import { MAX_REASON_CHARS } from '../core/disclosure/checklist.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { ChannelPublicationRow } from './disclosure.table.js';
import { bumpPublicationGeneration } from '../db/publication-generation.js';
import { syncItemSearch } from './item-search.js';
import { findPublication, insertDisclosureEvent, markPublicationWithdrawn } from './review.repository.js';

/** The Chinese name of a stored channel key (the key itself only if the list no longer has it). */
const channelName = (key: string) => (isChannel(key) ? CHANNELS[key] : key);

/**
 * Withdraws a publication once, with a reason, by the signed-in actor at `now`: a conditional update
 * `where withdrawn_at is null`, so two withdrawals at the same time record one (the other gets 409
 * ALREADY_WITHDRAWN). Writes a `withdrawn` event of the subject (old: published → new: withdrawn).
 * Checking that the actor may withdraw in the publication's agency is the caller's (the edge's) job.
 *
 * @throws ValidationError (field `reason`) without a reason; NotFoundError for an unknown publication;
 *   ConflictError ALREADY_WITHDRAWN when it was withdrawn before.
 */
export async function withdrawPublication(
  trx: Kysely<Database>, publicationId: number, reason: string, actor: Actor, now: Date,
): Promise<ChannelPublicationRow> {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw new ValidationError('撤回时必须填写撤回理由', { field: 'reason' });
  if ([...text].length > MAX_REASON_CHARS) throw new ValidationError(`撤回理由不能超过 ${MAX_REASON_CHARS} 字`, { field: 'reason' });
  const publication = await findPublication(trx, publicationId);
  if (!publication) throw new NotFoundError(`发布记录 ${publicationId} 不存在`);
  const at = now.toISOString();
  if (!(await markPublicationWithdrawn(trx, publicationId, { withdrawn_at: at, withdrawn_by: actor.name, withdrawn_by_id: actor.id, withdrawal_reason: text }))) {
    throw new ConflictError(`该信息已从“${channelName(publication.channel)}”撤回，不能重复撤回`, 'ALREADY_WITHDRAWN');
  }
  await bumpPublicationGeneration(trx, publication.agency_id, now);
  await insertDisclosureEvent(trx, {
    agency_id: publication.agency_id, subject_kind: publication.subject_kind, subject_id: publication.subject_id, type: 'withdrawn',
    data: { publicationId, channel: publication.channel, version: publication.subject_version, old: 'published', new: 'withdrawn', reason: text },
    actor: actor.name, actor_id: actor.id, at,
  });
  // Off the portal: out of the search index in the same transaction (kept if still on the portal another way).
  if (publication.subject_kind === 'item' && publication.channel === 'portal') await syncItemSearch(trx, publication.subject_id, at);
  return { ...publication, withdrawn_at: at, withdrawn_by: actor.name, withdrawn_by_id: actor.id, withdrawal_reason: text };
}
