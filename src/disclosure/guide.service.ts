/**
 * The 政府信息公开指南 (条例 Art. 12) of an agency: every save is a new version (named by the version it was edited
 * from, so a stale save is refused instead of overwriting another person's), a version is submitted to the same
 * chain as items and published to channels; the public guide is the last published version. Version numbers come
 * from a counter row (src/db/sequences.ts): of two saves from the same version, the second finds the number taken.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { defaultGuide, GUIDE_FIELD_NAMES, validateGuide, type Guide } from '../core/disclosure/guide.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { nextNumber } from '../db/sequences.js';
import {
  findGuideVersion, findGuideVersionByNumber, guideAuthorIds, insertGuideVersion, lastPublishedGuide, latestGuideVersion, listGuideVersions,
  maxGuideVersion, setGuideVersionState, type GuideVersionRow,
} from './guide.repository.js';
import { syncGuideSearch } from './guide-search.js';
import { insertDisclosureEvent } from './review.repository.js';
import { chainRecordOf, type ChainRecord } from './review-record.js';
import { refuseOlderThanPublished, reviewedVersions } from './reviewed-versions.js';
import { submitForReview, type ReviewSubjectAdapter } from './review.service.js';

/** A guide version as the API shows it (version 0, id null: the default draft, not stored yet). */
export interface GuideVersion extends ChainRecord {
  id: number | null;
  agencyId: number;
  version: number;
  state: ReviewState;
  stateName: string;
  createdAt: string | null;
  createdBy: string | null;
  publishedAt: string | null;
  content: Guide;
}

/** The states in which a version is with the reviewers: no new version is saved over it. */
const UNDER_REVIEW: readonly string[] = ['first-review', 'secrecy-review', 'sign-off', 'approved'];

/** The fields (dotted paths) whose values differ between two guides. */
export function changedFields(a: unknown, b: unknown, prefix = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

const refuseOlder = refuseOlderThanPublished(lastPublishedGuide, '政府信息公开指南');

/** The chain's view of a guide version (subject = a guide_versions row). */
export function guideAdapter(clock: Clock): ReviewSubjectAdapter {
  return {
    kind: 'guide',
    async load(trx, id) {
      await lockRow(trx, 'guide_versions', id);
      const row = await findGuideVersion(trx, id);
      if (!row) throw new NotFoundError(`政府信息公开指南版本（编号 ${id}）不存在`);
      return {
        kind: 'guide', id, agencyId: row.agency_id, version: row.version, state: row.state as ReviewState,
        // The writers of every version since the last published one (each save builds on the one before).
        authorIds: await guideAuthorIds(trx, row.agency_id, row.version), title: `政府信息公开指南第 ${row.version} 版`,
      };
    },
    setState: (trx, subject, to) => setGuideVersionState(trx, subject.id, subject.state, to, to === 'published' ? clock() : null),
    async onVersionPublished(trx, subject) {
      await refuseOlder(trx, subject);
      // The portal shows this version from now on: so does search, in the same transaction.
      await syncGuideSearch(trx, subject.agencyId, clock());
    },
  };
}

/** The guide service on a transaction (or a handle, for reads). */
export function guideService(db: Kysely<Database>, clock: Clock) {
  const adapter = guideAdapter(clock);

  async function detail(row: GuideVersionRow): Promise<GuideVersion> {
    return {
      id: row.id, agencyId: row.agency_id, version: row.version, state: row.state as ReviewState,
      stateName: REVIEW_STATES[row.state as ReviewState] ?? row.state, createdAt: row.created_at, createdBy: row.created_by,
      publishedAt: row.published_at, content: JSON.parse(row.content) as Guide,
      ...await chainRecordOf(db, { kind: 'guide', id: row.id, version: row.version }),
    };
  }

  const versions = reviewedVersions(db, clock, adapter, {
    find: findGuideVersion, findByNumber: findGuideVersionByNumber, list: listGuideVersions, lastPublished: lastPublishedGuide, detail,
    missing: (version) => `政府信息公开指南第 ${version} 版不存在`, unpublished: '本机关的政府信息公开指南尚未发布',
  });
  const { rowOf } = versions;

  async function agencyName(agencyId: number): Promise<string> {
    const agency = await findAgencyRow(db, agencyId);
    if (!agency) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
    return agency.name;
  }

  return {
    /** The newest version, or (none saved yet) the default draft built from the agency's name. */
    async current(agencyId: number): Promise<GuideVersion> {
      const name = await agencyName(agencyId);
      const row = await latestGuideVersion(db, agencyId);
      if (row) return detail(row);
      return {
        id: null, agencyId, version: 0, state: 'draft', stateName: REVIEW_STATES.draft, createdAt: null, createdBy: null, publishedAt: null,
        content: defaultGuide(name), steps: [], publications: [],
      };
    },

    /**
     * Saves the guide as a new version. `baseVersion` is the version it was edited from (0 for the first): when
     * someone saved since, 409 STALE_VERSION names the fields they changed. Refused while the newest version is
     * with the reviewers (return it first).
     */
    async save(agencyId: number, input: { baseVersion: number; content: unknown }, actor: Actor): Promise<GuideVersion> {
      await agencyName(agencyId);
      const content = validateGuide(input.content);
      const version = await nextNumber(db, `guide-version:${agencyId}`, async () => (await maxGuideVersion(db, agencyId)) + 1);
      const previous = version > 1 ? await findGuideVersionByNumber(db, agencyId, version - 1) : undefined;
      if (version !== input.baseVersion + 1) {
        const base = input.baseVersion > 0 ? await findGuideVersionByNumber(db, agencyId, input.baseVersion) : undefined;
        const changed = previous && base ? changedFields(JSON.parse(base.content), JSON.parse(previous.content)) : [];
        throw new ConflictError(
          `政府信息公开指南已由他人保存为第 ${version - 1} 版（您修改的是第 ${input.baseVersion} 版），请刷新后重新修改`
          + (changed.length > 0 ? `；其间修改的内容：${changed.map((f) => GUIDE_FIELD_NAMES[f] ?? f).join('、')}` : ''),
          'STALE_VERSION', changed.map((field) => ({ message: `${GUIDE_FIELD_NAMES[field] ?? field}已被修改`, place: { field } })),
        );
      }
      if (previous && UNDER_REVIEW.includes(previous.state)) {
        throw new ConflictError(
          `政府信息公开指南第 ${previous.version} 版正在审核（${REVIEW_STATES[previous.state as ReviewState]}），审核期间不能修改；如需修改，请先由审核人退回`,
          'REVIEW_LOCKED',
        );
      }
      const at = clock();
      const row = await insertGuideVersion(db, {
        agency_id: agencyId, version, content: JSON.stringify(content), state: 'draft', created_at: at, created_by: actor.name, created_by_id: actor.id,
      });
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'guide', subject_id: row.id, type: 'saved',
        data: { old: previous ? { version: previous.version } : null, new: { version }, changed: previous ? changedFields(JSON.parse(previous.content), content) : null },
        actor: actor.name, actor_id: actor.id, at,
      });
      return detail(row);
    },

    /** Submits a version (the newest one) for 初审. */
    async submit(agencyId: number, version: number, actor: Actor, comment?: string | null): Promise<GuideVersion> {
      const row = await rowOf(agencyId, version);
      const latest = await latestGuideVersion(db, agencyId);
      if (latest && latest.version !== version) {
        throw new ConflictError(`已有更新的第 ${latest.version} 版，请提交最新版本`, 'STALE_VERSION');
      }
      await submitForReview(db, adapter, row.id, actor, new Date(clock()), comment);
      return versions.reread(row.id);
    },

    ...versions.useCases,
  };
}
