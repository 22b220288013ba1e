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
import type { ChannelPublicationRow } from './disclosure.table.js';
import {
  decideStep, publishToChannels, submitForReview, type ReviewSubjectAdapter, type StepDecision,
} from './review.service.js';
import { chainRecordOf, chinaDay, type ChainRecord } from './review-record.js';

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
    async onVersionPublished(trx, subject) {
      // The public catalogue is the last published version: an older one published after a newer would turn it back.
      const last = await lastPublishedCatalogue(trx, subject.agencyId);
      if (last && last.version > subject.version) {
        throw new ConflictError(`主动公开基本目录第 ${last.version} 版已发布，不能再发布较早的第 ${subject.version} 版`, 'SUPERSEDED');
      }
    },
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

  async function rowOf(agencyId: number, version: number): Promise<CatalogueVersionRow> {
    const row = await findCatalogueVersionByNumber(db, agencyId, version);
    if (!row) throw new NotFoundError(`主动公开基本目录第 ${version} 版不存在`);
    return row;
  }

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
      return detail((await findCatalogueVersion(db, row.id))!);
    },

    /** The versions of an agency's catalogue, newest first (without trees). */
    async list(agencyId: number) {
      return (await listCatalogueVersions(db, agencyId)).map((r) => ({
        id: r.id, agencyId: r.agency_id, version: r.version, state: r.state as ReviewState,
        stateName: REVIEW_STATES[r.state as ReviewState] ?? r.state, createdAt: r.created_at, createdBy: r.created_by, publishedAt: r.published_at,
      }));
    },

    /** One version with its tree and its chain. */
    async get(agencyId: number, version: number): Promise<CatalogueVersion> {
      return detail(await rowOf(agencyId, version));
    },

    /** A reviewer's pass or return of the version's current step. */
    async decide(agencyId: number, version: number, input: StepDecision, actor: Actor): Promise<CatalogueVersion> {
      const row = await rowOf(agencyId, version);
      await decideStep(db, adapter, row.id, input, actor, new Date(clock()));
      return detail((await findCatalogueVersion(db, row.id))!);
    },

    /** Publishes the approved version to channels the secrecy review found fit. */
    async publish(agencyId: number, version: number, channels: readonly string[], actor: Actor): Promise<{ version: CatalogueVersion; publications: ChannelPublicationRow[] }> {
      const row = await rowOf(agencyId, version);
      const at = clock();
      const publications = await publishToChannels(db, adapter, row.id, channels, actor, new Date(at), chinaDay(at));
      return { version: await detail((await findCatalogueVersion(db, row.id))!), publications };
    },

    /** The catalogue the public sees: the last published version (NotFoundError when none). */
    async published(agencyId: number): Promise<CatalogueVersion> {
      const row = await lastPublishedCatalogue(db, agencyId);
      if (!row) throw new NotFoundError('本机关的主动公开基本目录尚未发布');
      return detail(row);
    },
  };
}
