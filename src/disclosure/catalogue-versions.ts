/**
 * Versions of the 主动公开基本目录 and their review: "submit the catalogue" snapshots the live tree into a new
 * version and puts it through the same chain as items (科室负责人初审 → 保密审查 → 领导核审签发 → published to
 * channels, review.service.ts); the public catalogue is the last published version. Version numbers come from a
 * counter row (src/db/sequences.ts), so concurrent submits each get their own number.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { snapshotOf, countNodes, type CatalogueSnapshotNode } from '../core/disclosure/catalogue-tree.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { nextNumber } from '../db/sequences.js';
import {
  findCatalogueVersion, findCatalogueVersionByNumber, insertCatalogueVersion, lastPublishedCatalogue, listCatalogueVersions,
  maxCatalogueVersion, previousCatalogueVersion, setCatalogueVersionState, treeEditorIds, type CatalogueVersionRow,
} from './catalogue.repository.js';
import { catalogueService } from './catalogue.service.js';
import { submitForReview, type ReviewSubjectAdapter } from './review.service.js';
import { chainRecordOf, type ChainRecord } from './review-record.js';
import { refuseOlderThanPublished, reviewedVersions } from './reviewed-versions.js';

/** A catalogue version as the API shows it. */
export interface CatalogueVersion extends ChainRecord {
  id: number;
  agencyId: number;
  version: number;
  state: ReviewState;
  stateName: string;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  /** Number of categories in the snapshot. */
  nodeCount: number;
  tree: CatalogueSnapshotNode[];
}

/** The chain's view of a catalogue version (subject = a catalogue_versions row). */
export function catalogueAdapter(clock: Clock): ReviewSubjectAdapter {
  return {
    kind: 'catalogue',
    async load(trx, id) {
      await lockRow(trx, 'catalogue_versions', id);
      const row = await findCatalogueVersion(trx, id);
      if (!row) throw new NotFoundError(`主动公开基本目录版本（编号 ${id}）不存在`);
      // Everyone who changed the tree since the previous version wrote this one: none of them may approve it.
      const previous = await previousCatalogueVersion(trx, row.agency_id, row.version);
      const editors = await treeEditorIds(trx, row.agency_id, previous?.created_at ?? null, row.created_at);
      return {
        kind: 'catalogue', id, agencyId: row.agency_id, version: row.version, state: row.state as ReviewState,
        authorIds: [row.created_by_id, ...editors], title: `主动公开基本目录第 ${row.version} 版`,
      };
    },
    setState: (trx, subject, to) => setCatalogueVersionState(trx, subject.id, subject.state, to, to === 'published' ? clock() : null),
    onVersionPublished: refuseOlderThanPublished(lastPublishedCatalogue, '主动公开基本目录'),
  };
}

/** Catalogue versions on a transaction (or a handle, for reads). */
export function catalogueVersions(db: Kysely<Database>, clock: Clock) {
  const adapter = catalogueAdapter(clock);

  async function detail(row: CatalogueVersionRow): Promise<CatalogueVersion> {
    const tree = JSON.parse(row.tree) as CatalogueSnapshotNode[];
    return {
      id: row.id, agencyId: row.agency_id, version: row.version, state: row.state as ReviewState,
      stateName: REVIEW_STATES[row.state as ReviewState] ?? row.state, createdAt: row.created_at, createdBy: row.created_by,
      publishedAt: row.published_at, nodeCount: countNodes(tree), tree,
      ...await chainRecordOf(db, { kind: 'catalogue', id: row.id, version: row.version }),
    };
  }

  const versions = reviewedVersions(db, clock, adapter, {
    find: findCatalogueVersion, findByNumber: findCatalogueVersionByNumber, list: listCatalogueVersions,
    lastPublished: lastPublishedCatalogue, detail,
    missing: (version) => `主动公开基本目录第 ${version} 版不存在`, unpublished: '本机关的主动公开基本目录尚未发布',
  });

  return {
    /** Snapshots the live tree into a new version and submits it for 初审. */
    async submit(agencyId: number, actor: Actor, comment?: string | null): Promise<CatalogueVersion> {
      const tree = snapshotOf(await catalogueService(db, clock).tree(agencyId));
      if (tree.length === 0) throw new ConflictError('主动公开基本目录还没有类目，不能提交审核；可先套用模板或添加类目', 'CATALOGUE_EMPTY');
      const version = await nextNumber(db, `catalogue-version:${agencyId}`, async () => (await maxCatalogueVersion(db, agencyId)) + 1);
      const at = clock();
      const row = await insertCatalogueVersion(db, {
        agency_id: agencyId, version, tree: JSON.stringify(tree), state: 'draft', created_at: at, created_by: actor.name, created_by_id: actor.id,
      });
      await submitForReview(db, adapter, row.id, actor, new Date(at), comment);
      return versions.reread(row.id);
    },

    ...versions.useCases,
  };
}
