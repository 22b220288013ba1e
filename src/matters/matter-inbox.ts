/**
 * Matters in 待我处理 (src/disclosure/inbox.ts): a matter's version waiting for a step of the chain the person may
 * take (初审, 保密审查, 核审签发, 发布), or returned to its drafter — a new guide, a change or an abolition (事项取消)
 * alike. Registered with the inbox when this module loads (the matter routes import it).
 */
import type { Kysely } from 'kysely';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import type { Database } from '../db/schema.js';
import { chainInboxTasks, registerInboxSource, type InboxSource, type TaskWho } from '../disclosure/inbox.js';

/** The entries listed per task (the count is always the whole number). */
const LISTED = 200;

/** Matters of some agencies in a state, by the current version's author (TaskWho). */
function inState(db: Kysely<Database>, agencyIds: readonly number[], state: string, who: TaskWho) {
  let q = db.selectFrom('matters as m')
    .innerJoin('matter_versions as v', (j) => j.onRef('v.matter_id', '=', 'm.id').onRef('v.version', '=', 'm.version'))
    .where('m.agency_id', 'in', [...agencyIds]).where('m.state', '=', state);
  if (who.own !== undefined) q = q.where('v.created_by_id', '=', who.own);
  if (who.notOwn !== undefined) q = q.where((eb) => eb.or([eb('v.created_by_id', 'is', null), eb('v.created_by_id', '!=', who.notOwn!)]));
  return q;
}

/** The matter source of the inbox. */
export const matterInboxSource: InboxSource = {
  kind: 'matter',
  tasks: (db, person) => chainInboxTasks(db, person, 'matter', '办事指南', async (q, agencies, state, who) => {
    const rows = await inState(q, agencies, state, who)
      .select(['m.id', 'm.agency_id', 'm.state', 'm.version', 'm.updated_at', 'v.name', 'v.abolished', 'v.created_by'])
      .orderBy('m.updated_at').orderBy('m.id').limit(LISTED).execute();
    return {
      count: Number((await inState(q, agencies, state, who).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      entries: rows.map((r) => ({
        kind: 'matter', id: r.id, agencyId: r.agency_id, title: r.abolished === 1 ? `取消事项：${r.name}` : `${r.name}办事指南`,
        state: r.state as ReviewState, stateName: REVIEW_STATES[r.state as ReviewState], version: r.version, drafterName: r.created_by, updatedAt: r.updated_at,
      })),
    };
  }),
};

registerInboxSource(matterInboxSource);
