/**
 * What the documents published as a whole version after review (the 主动公开基本目录 and the 政府信息公开指南)
 * do alike: list their versions, show one, take a reviewer's decision on the current step, publish the
 * approved version to channels, and show the last published version. Each document brings its own rows
 * (repository functions), its API view (`detail`) and its wording; catalogue-versions.ts and guide.service.ts.
 */
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { ChannelPublicationRow } from './disclosure.table.js';
import { chinaDay } from './item-drafting.js';
import { decideStep, publishToChannels, type ReviewSubject, type ReviewSubjectAdapter, type StepDecision } from './review.service.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The columns of a version row the shared reads need. */
export interface VersionRowBase {
  id: number;
  agency_id: number;
  version: number;
  state: string;
  created_at: string;
  created_by: string;
  published_at: string | null;
}

/**
 * The adapter's onVersionPublished of a document whose public version is the last published one: an older
 * version published after a newer would turn it back (409 SUPERSEDED). `name` is the document's, e.g. 政府信息公开指南.
 */
export function refuseOlderThanPublished(
  lastPublished: (db: Kysely<Database>, agencyId: number) => Promise<{ version: number } | undefined>, name: string,
): (trx: Kysely<Database>, subject: ReviewSubject) => Promise<void> {
  return async (trx, subject) => {
    const last = await lastPublished(trx, subject.agencyId);
    if (last && last.version > subject.version) {
      throw new ConflictError(`${name}第 ${last.version} 版已发布，不能再发布较早的第 ${subject.version} 版`, 'SUPERSEDED');
    }
  };
}

/** A document's versions as the shared use cases reach them. */
export interface VersionStore<Row extends VersionRowBase, View> {
  find(db: Kysely<Database>, id: number): Promise<Row | undefined>;
  findByNumber(db: Kysely<Database>, agencyId: number, version: number): Promise<Row | undefined>;
  list(db: Kysely<Database>, agencyId: number): Promise<VersionRowBase[]>;
  lastPublished(db: Kysely<Database>, agencyId: number): Promise<Row | undefined>;
  /** The API view of a row. */
  detail(row: Row): Promise<View>;
  /** The NotFoundError message for a missing version number. */
  missing(version: number): string;
  /** The NotFoundError message when nothing is published yet. */
  unpublished: string;
}

/**
 * The shared use cases of a reviewed, versioned document on a transaction (or a handle, for reads), with the
 * row lookup and the re-read after a step that the document's own use cases (submit, save) need.
 */
export function reviewedVersions<Row extends VersionRowBase, View>(
  db: Kysely<Database>, clock: Clock, adapter: ReviewSubjectAdapter, store: VersionStore<Row, View>,
) {
  /** The row of an agency's version number (NotFoundError when there is none). */
  async function rowOf(agencyId: number, version: number): Promise<Row> {
    const row = await store.findByNumber(db, agencyId, version);
    if (!row) throw new NotFoundError(store.missing(version));
    return row;
  }

  /** The view of a row as stored now (after a step changed it). */
  const reread = async (id: number): Promise<View> => store.detail((await store.find(db, id))!);

  /** The use cases as the document's service offers them (spread into it). */
  const useCases = {
    /** The versions, newest first (without their content). */
    async list(agencyId: number) {
      return (await store.list(db, agencyId)).map((r) => ({
        id: r.id, agencyId: r.agency_id, version: r.version, state: r.state as ReviewState,
        stateName: REVIEW_STATES[r.state as ReviewState] ?? r.state, createdAt: r.created_at, createdBy: r.created_by, publishedAt: r.published_at,
      }));
    },

    /** One version with its content and its chain. */
    async get(agencyId: number, version: number): Promise<View> {
      return store.detail(await rowOf(agencyId, version));
    },

    /** A reviewer's pass or return of the version's current step. */
    async decide(agencyId: number, version: number, input: StepDecision, actor: Actor): Promise<View> {
      const row = await rowOf(agencyId, version);
      await decideStep(db, adapter, row.id, input, actor, new Date(clock()));
      return reread(row.id);
    },

    /** Publishes the approved version to channels the secrecy review found fit. */
    async publish(agencyId: number, version: number, channels: readonly string[], actor: Actor): Promise<{ version: View; publications: ChannelPublicationRow[] }> {
      const row = await rowOf(agencyId, version);
      const at = clock();
      const publications = await publishToChannels(db, adapter, row.id, channels, actor, new Date(at), chinaDay(at));
      return { version: await reread(row.id), publications };
    },

    /** The version the public sees: the last published one (NotFoundError when none). */
    async published(agencyId: number): Promise<View> {
      const row = await store.lastPublished(db, agencyId);
      if (!row) throw new NotFoundError(store.unpublished);
      return store.detail(row);
    },
  };

  return { rowOf, reread, useCases };
}
