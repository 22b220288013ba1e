/**
 * Matters in 待我处理 (src/disclosure/inbox.ts): a matter's version waiting for a step of the chain the person may
 * take (初审, 保密审查, 核审签发, 发布), or returned to its drafter — a new guide, a change or an abolition (事项取消)
 * alike. Registered with the inbox when this module loads (the matter routes import it).
 */
import type { Kysely } from 'kysely';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import type { Database } from '../db/schema.js';
import { CHAIN_TASKS, registerInboxSource, type InboxSource, type InboxTask } from '../disclosure/inbox.js';

/** The entries listed per task (the count is always the whole number). */
const LISTED = 200;

/** Matters of some agencies in a state; `who` keeps the current version's author's own (returned) or others'. */
function inState(db: Kysely<Database>, agencyIds: readonly number[], state: string, who: { own?: number; notOwn?: number }) {
  let q = db.selectFrom('matters as m')
    .innerJoin('matter_versions as v', (j) => j.onRef('v.matter_id', '=', 'm.id').onRef('v.version', '=', 'm.version'))
    .where('m.agency_id', 'in', [...agencyIds]).where('m.state', '=', state);
  if (who.own !== undefined) q = q.where('v.created_by_id', '=', who.own);
  // The chain refuses a reviewer who wrote the version: it is not listed for them.
  if (who.notOwn !== undefined) q = q.where((eb) => eb.or([eb('v.created_by_id', 'is', null), eb('v.created_by_id', '!=', who.notOwn!)]));
  return q;
}

/** The matter source of the inbox. */
export const matterInboxSource: InboxSource = {
  kind: 'matter',
  async tasks(db, person) {
    const out: InboxTask[] = [];
    for (const t of CHAIN_TASKS) {
      const agencies = await person.agenciesWith(t.permission);
      if (agencies.length === 0) continue;
      const who = t.own ? { own: person.userId } : t.key === 'publish' ? {} : { notOwn: person.userId };
      const rows = await inState(db, agencies, t.state, who)
        .select(['m.id', 'm.agency_id', 'm.state', 'm.version', 'm.updated_at', 'v.name', 'v.abolished', 'v.created_by'])
        .orderBy('m.updated_at').orderBy('m.id').limit(LISTED).execute();
      const count = Number((await inState(db, agencies, t.state, who).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      out.push({
        kind: 'matter', key: `matter:${t.key}`, name: `办事指南·${t.name}`, permission: t.permission, count,
        entries: rows.map((r) => ({
          kind: 'matter', id: r.id, agencyId: r.agency_id, title: r.abolished === 1 ? `取消事项：${r.name}` : `${r.name}办事指南`,
          state: r.state as ReviewState, stateName: REVIEW_STATES[r.state as ReviewState], version: r.version, drafterName: r.created_by, updatedAt: r.updated_at,
        })),
      });
    }
    return out;
  },
};

registerInboxSource(matterInboxSource);
