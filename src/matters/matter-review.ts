/**
 * Matters in the review chain (src/disclosure/review.service.ts): a matter's guide goes 初审 → 保密审查 → 核审签发 →
 * 发布 like every public document (the seed: 设置规范的变更、审核、发布流程). The adapter loads and locks the matter,
 * moves its state once (conditional on state AND version) and, at publication, makes the version the one the
 * public sees and indexes it for search in the same transaction (an abolishing version takes it out of the index).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { ReviewState } from '../core/disclosure/review-chain.js';
import { NotFoundError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import type { ReviewSubjectAdapter } from '../disclosure/review.service.js';
import { findMatterRow, findMatterVersionRow, markMatterPublishedRow, matterAuthorIds, setMatterStateRow } from './matter.repository.js';
import { syncMatterSearch } from './matter-search.js';

/** The matter, locked for the rest of the transaction (NotFoundError when there is none). */
export async function lockedMatter(trx: Kysely<Database>, id: number) {
  await lockRow(trx, 'matters', id);
  const row = await findMatterRow(trx, id);
  if (!row) throw new NotFoundError(`事项（编号 ${id}）不存在`);
  return row;
}

/** The chain's view of matters. */
export function matterReviewAdapter(clock: Clock): ReviewSubjectAdapter {
  return {
    kind: 'matter',
    async load(trx, id) {
      const m = await lockedMatter(trx, id);
      // An abolishing version is reviewed as what it is: the reviewers sign off the end of the matter.
      const abolishing = (await findMatterVersionRow(trx, m.id, m.version))?.abolished === 1;
      return {
        kind: 'matter', id: m.id, agencyId: m.agency_id, version: m.version, state: m.state as ReviewState,
        authorIds: [m.drafter_id, ...await matterAuthorIds(trx, m.id, m.published_version, m.version)],
        title: abolishing ? `取消事项：${m.name}` : `${m.name}办事指南`,
      };
    },
    setState: (trx, subject, to) => setMatterStateRow(trx, subject.id, subject.version, subject.state, to, clock()),
    async onVersionPublished(trx, subject, today) {
      const at = clock();
      await markMatterPublishedRow(trx, subject.id, subject.version, today, at);
      await syncMatterSearch(trx, subject.id, at);
    },
  };
}
