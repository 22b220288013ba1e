/**
 * 政务服务事项 and their 办事指南 as use cases on a transaction (or a handle, for reads): create, save a new version
 * (named by the version it was edited from: a stale save is refused, never overwriting), the review chain (submit,
 * decide, publish: src/matters/matter-review.ts), reads for the office and the public, and the lists a matter is
 * checked against (the agency's 实施主体, the editable national themes). Every change is an event (who, when, old →
 * new) in `disclosure_events`; every version is kept in `matter_versions`.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { validateMatter, MATTER_FIELD_NAMES, type Matter, type MatterContext } from '../core/matters/matter.js';
import { AUDIENCES, MATTER_FLAG_KEYS, type Audience, type MatterFlag } from '../core/matters/matter-lists.js';
import type { Database } from '../db/schema.js';
import { chinaDay } from '../disclosure/item-drafting.js';
import { insertDisclosureEvent } from '../disclosure/review.repository.js';
import { chainRecordOf, type ChainRecord } from '../disclosure/review-record.js';
import { decideStep, publishToChannels, submitForReview, type StepDecision } from '../disclosure/review.service.js';
import { changedFields } from '../disclosure/guide.service.js';
import {
  findMatterByCode, findMatterOffice, findMatterRow, findMatterTheme, findMatterVersionRow, insertMatterOffice, insertMatterRow,
  insertMatterTheme, insertMatterVersionRow, listMatterOffices, listMatterRows, listMatterThemes, listMatterVersionRows,
  setMatterVersionRow, updateMatterTheme, versionColumns, type MatterFilter, type MatterListRow,
} from './matter.repository.js';
import { lockedMatter, matterReviewAdapter } from './matter-review.js';
import { assertFilesStored } from './matter-files.js';

/** The states in which a version is with the reviewers: no new version is saved over it. */
const UNDER_REVIEW: readonly string[] = ['first-review', 'secrecy-review', 'sign-off', 'approved'];

/** Column names of the flags, by flag key. */
export const FLAG_COLUMNS: Readonly<Record<MatterFlag, NonNullable<MatterFilter['flag']>>> = {
  online: 'online', fullyOnline: 'fully_online', atMostOnce: 'at_most_once', zeroVisit: 'zero_visit', mailDelivery: 'mail_delivery',
};

/** A matter in a list. */
export interface MatterSummary {
  id: number;
  agencyId: number;
  code: string;
  name: string;
  type: string;
  office: string;
  state: ReviewState;
  stateName: string;
  version: number;
  publishedVersion: number | null;
  publishedOn: string | null;
  themes: string[];
  levels: string[];
  flags: Record<MatterFlag, boolean>;
  updatedAt: string;
  /** The current version abolishes the matter (it goes through the chain like any change). */
  abolishing: boolean;
}

/** A matter's version with its content and chain record. */
export interface MatterView extends ChainRecord {
  id: number;
  agencyId: number;
  state: ReviewState;
  stateName: string;
  /** The matter's current version (the one being worked on). */
  version: number;
  /** The version shown (the current one unless another was asked for). */
  shownVersion: number;
  publishedVersion: number | null;
  createdAt: string;
  createdBy: string;
  publishedOn: string | null;
  content: Matter;
  /** The shown version abolishes the matter, for this reason. */
  abolition: { reason: string } | null;
  /** The matter is abolished: its abolishing version was published on that day. */
  abolished: { on: string; reason: string } | null;
  versions: Array<{ version: number; name: string; createdAt: string; createdBy: string; publishedOn: string | null; abolishing: boolean }>;
}

/** A list row as the API shows it. */
export function summaryOf(r: MatterListRow): MatterSummary {
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  return {
    id: r.id, agencyId: r.agency_id, code: r.code, name: r.name, type: r.type, office: r.office, state: r.state as ReviewState,
    stateName: REVIEW_STATES[r.state as ReviewState] ?? r.state, version: r.version, publishedVersion: r.published_version,
    publishedOn: r.published_on, themes: words(r.themes), levels: words(r.levels),
    flags: Object.fromEntries(MATTER_FLAG_KEYS.map((k) => [k, r[FLAG_COLUMNS[k]] === 1])) as Record<MatterFlag, boolean>, updatedAt: r.updated_at,
    abolishing: r.abolished === 1,
  };
}

/** What a matter is checked against in an agency: its offices and the themes in force. */
export async function matterContext(db: Kysely<Database>, agencyId: number): Promise<MatterContext> {
  const offices = new Set((await listMatterOffices(db, agencyId)).map((o) => o.name));
  const themes = new Set((await listMatterThemes(db)).map((t) => `${t.audience}:${t.code}`));
  return { offices, themes };
}

/** The matter service. */
export function matterService(db: Kysely<Database>, clock: Clock) {
  const adapter = matterReviewAdapter(clock);

  async function agencyOf(agencyId: number) {
    const agency = await findAgencyRow(db, agencyId);
    if (!agency) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
    return agency;
  }

  async function view(id: number, version?: number): Promise<MatterView> {
    const m = await findMatterRow(db, id);
    if (!m) throw new NotFoundError(`事项（编号 ${id}）不存在`);
    const shown = version ?? m.version;
    const v = await findMatterVersionRow(db, id, shown);
    if (!v) throw new NotFoundError(`事项“${m.name}”第 ${shown} 版不存在`);
    const published = m.published_version === null ? null : m.published_version === shown ? v : await findMatterVersionRow(db, id, m.published_version);
    return {
      id, agencyId: m.agency_id, state: m.state as ReviewState, stateName: REVIEW_STATES[m.state as ReviewState] ?? m.state,
      version: m.version, shownVersion: shown, publishedVersion: m.published_version, createdAt: v.created_at, createdBy: v.created_by,
      publishedOn: v.published_on, content: JSON.parse(v.content) as Matter,
      abolition: v.abolished === 1 ? { reason: v.abolish_reason ?? '' } : null,
      abolished: published?.abolished === 1 && published.published_on ? { on: published.published_on, reason: published.abolish_reason ?? '' } : null,
      versions: (await listMatterVersionRows(db, id)).map((r) => ({
        version: r.version, name: r.name, createdAt: r.created_at, createdBy: r.created_by, publishedOn: r.published_on, abolishing: r.abolished === 1,
      })),
      ...await chainRecordOf(db, { kind: 'matter', id, version: shown }),
    };
  }

  async function codeFree(agencyId: number, code: string, except?: number): Promise<void> {
    const other = await findMatterByCode(db, agencyId, code);
    if (other && other.id !== except) {
      throw new ConflictError(`事项编码“${code}”已由事项“${other.name}”使用`, 'DUPLICATE_CODE', [{ message: '事项编码重复', place: { field: 'code' } }]);
    }
  }

  async function insertVersion(matterId: number, version: number, content: Matter, actor: Actor, at: string): Promise<void> {
    await insertMatterVersionRow(db, {
      matter_id: matterId, version, content: JSON.stringify(content), ...versionColumns(content),
      created_at: at, created_by: actor.name, created_by_id: actor.id, published_on: null,
    });
  }

  return {
    view,

    /** Refuses (404) a matter that is not the agency's: the access policy checked the path's agency. */
    async assertInAgency(agencyId: number, id: number): Promise<void> {
      const m = await findMatterRow(db, id);
      if (!m || m.agency_id !== agencyId) throw new NotFoundError(`事项（编号 ${id}）不存在`);
    },

    /** Checks a matter against the agency's lists and returns it normalised (the import checks rows with it). */
    async validate(agencyId: number, content: unknown): Promise<Matter> {
      return validateMatter(content, await matterContext(db, agencyId));
    },

    /** A new matter: version 1, a draft. The 事项编码 is unique in the agency. */
    async create(agencyId: number, input: unknown, actor: Actor, origin: 'platform' | 'import' = 'platform'): Promise<MatterView> {
      await agencyOf(agencyId);
      const content = validateMatter(input, await matterContext(db, agencyId));
      await assertFilesStored(db, content);
      await codeFree(agencyId, content.code);
      const at = clock();
      const row = await insertMatterRow(db, {
        agency_id: agencyId, code: content.code, name: content.name, state: 'draft', version: 1, published_version: null,
        drafter_id: actor.id, origin, created_at: at, updated_at: at,
      });
      await insertVersion(row.id, 1, content, actor, at);
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'matter', subject_id: row.id, type: 'created', data: { old: null, new: { version: 1, code: content.code, name: content.name } },
        actor: actor.name, actor_id: actor.id, at,
      });
      return view(row.id);
    },

    /**
     * Saves the matter as a new version. `baseVersion` is the version it was edited from: when someone saved since,
     * 409 STALE_VERSION names what they changed. Refused while the current version is with the reviewers.
     */
    async save(id: number, input: { baseVersion: number; content: unknown }, actor: Actor): Promise<MatterView> {
      const m = await lockedMatter(db, id);
      const content = validateMatter(input.content, await matterContext(db, m.agency_id));
      await assertFilesStored(db, content);
      const current = (await findMatterVersionRow(db, id, m.version))!;
      if (input.baseVersion !== m.version) {
        const base = await findMatterVersionRow(db, id, input.baseVersion);
        const changed = base ? changedFields(JSON.parse(base.content), JSON.parse(current.content)) : [];
        throw new ConflictError(
          `事项“${m.name}”已由他人保存为第 ${m.version} 版（您修改的是第 ${input.baseVersion} 版），请刷新后重新修改`
          + (changed.length > 0 ? `；其间修改的内容：${[...new Set(changed.map((f) => MATTER_FIELD_NAMES[f] ?? MATTER_FIELD_NAMES[f.split('.')[0]!] ?? f))].join('、')}` : ''),
          'STALE_VERSION',
        );
      }
      if (UNDER_REVIEW.includes(m.state)) {
        throw new ConflictError(`事项“${m.name}”第 ${m.version} 版正在审核（${REVIEW_STATES[m.state as ReviewState]}），审核期间不能修改；如需修改，请先由审核人退回`, 'REVIEW_LOCKED');
      }
      await codeFree(m.agency_id, content.code, id);
      const at = clock();
      const version = m.version + 1;
      await insertVersion(id, version, content, actor, at);
      if (!(await setMatterVersionRow(db, id, m.version, { version, name: content.name, code: content.code, at }))) {
        throw new ConflictError(`事项“${m.name}”已被他人修改，请刷新后重试`, 'STALE_VERSION');
      }
      await insertDisclosureEvent(db, {
        agency_id: m.agency_id, subject_kind: 'matter', subject_id: id, type: 'saved',
        data: { old: { version: m.version, state: m.state }, new: { version }, changed: changedFields(JSON.parse(current.content), content) },
        actor: actor.name, actor_id: actor.id, at,
      });
      return view(id);
    },

    /**
     * Abolishes a published matter (事项取消) as a new version: the published content with the reason, a draft that
     * goes through the review chain like any change (the seed: 设置规范的变更、审核、发布流程). Once that version is
     * published the guide leaves the portal's lists, the search and the shares from that day, and its page, which
     * printed QR codes still open, says when and why. Saving the matter again instead drops the abolition. Refused
     * without a reason, from a stale base version, for a matter never published or already abolished, and while the
     * current version is with the reviewers.
     */
    async abolish(id: number, input: { baseVersion: number; reason: string }, actor: Actor): Promise<MatterView> {
      const m = await lockedMatter(db, id);
      const reason = input.reason.trim();
      if (!reason) throw new ValidationError('请填写取消理由（如：依据哪一文件取消该事项）', { field: 'reason' });
      if (input.baseVersion !== m.version) {
        throw new ConflictError(`事项“${m.name}”已由他人保存为第 ${m.version} 版（您依据的是第 ${input.baseVersion} 版），请刷新后再办理取消`, 'STALE_VERSION');
      }
      if (m.published_version === null) {
        throw new ConflictError(`事项“${m.name}”尚未发布，门户网站上没有它的办事指南，无需取消`, 'NOT_PUBLISHED');
      }
      if (UNDER_REVIEW.includes(m.state)) {
        throw new ConflictError(`事项“${m.name}”第 ${m.version} 版正在审核（${REVIEW_STATES[m.state as ReviewState]}），审核期间不能办理取消；如需取消，请先由审核人退回`, 'REVIEW_LOCKED');
      }
      const published = (await findMatterVersionRow(db, id, m.published_version))!;
      if (published.abolished === 1) throw new ConflictError(`事项“${m.name}”已于 ${published.published_on} 取消`, 'MATTER_ABOLISHED');
      const current = (await findMatterVersionRow(db, id, m.version))!;
      if (current.abolished === 1) throw new ConflictError(`事项“${m.name}”的取消已在办理（第 ${m.version} 版），请提交审核`, 'ABOLITION_PENDING');
      const content = JSON.parse(published.content) as Matter;
      const at = clock();
      const version = m.version + 1;
      await insertMatterVersionRow(db, {
        matter_id: id, version, content: published.content, ...versionColumns(content),
        created_at: at, created_by: actor.name, created_by_id: actor.id, published_on: null, abolished: 1, abolish_reason: reason,
      });
      if (!(await setMatterVersionRow(db, id, m.version, { version, name: content.name, code: content.code, at }))) {
        throw new ConflictError(`事项“${m.name}”已被他人修改，请刷新后重试`, 'STALE_VERSION');
      }
      await insertDisclosureEvent(db, {
        agency_id: m.agency_id, subject_kind: 'matter', subject_id: id, type: 'abolition-drafted',
        data: { old: { version: m.version, state: m.state }, new: { version, abolished: true }, reason },
        actor: actor.name, actor_id: actor.id, at,
      });
      return view(id);
    },

    /** Submits the current version for 初审. */
    async submit(id: number, actor: Actor, comment?: string | null): Promise<MatterView> {
      await submitForReview(db, adapter, id, actor, new Date(clock()), comment);
      return view(id);
    },

    /** A reviewer's pass or return on the current step. */
    async decide(id: number, input: StepDecision, actor: Actor): Promise<MatterView> {
      await decideStep(db, adapter, id, input, actor, new Date(clock()));
      return view(id);
    },

    /** Publishes the approved version to channels the secrecy review found fit (the portal shows it from now on). */
    async publish(id: number, channels: readonly string[], actor: Actor): Promise<MatterView> {
      const at = clock();
      await publishToChannels(db, adapter, id, channels, actor, new Date(at), chinaDay(at));
      return view(id);
    },

    /** A page of an agency's matters (current versions), filtered. */
    async list(filter: MatterFilter & { agencyId: number }, page: { offset: number; limit: number }) {
      const { rows, total } = await listMatterRows(db, false, filter, page);
      return { total, matters: rows.map(summaryOf) };
    },

    /** The agency's 实施主体. */
    async offices(agencyId: number) {
      return (await listMatterOffices(db, agencyId)).map((o) => ({ id: o.id, name: o.name }));
    },

    /** Registers a 实施主体 of the agency. */
    async addOffice(agencyId: number, name: string, actor: Actor) {
      await agencyOf(agencyId);
      const clean = name.trim();
      if (clean === '') throw new ValidationError('请填写实施主体名称', { field: 'name' });
      if (await findMatterOffice(db, agencyId, clean)) throw new ConflictError(`实施主体“${clean}”已登记`, 'DUPLICATE_OFFICE');
      const at = clock();
      const row = await insertMatterOffice(db, agencyId, clean, at, actor.name);
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'matter-office', subject_id: row.id, type: 'created', data: { old: null, new: { name: clean } },
        actor: actor.name, actor_id: actor.id, at,
      });
      return { id: row.id, name: row.name };
    },

    /** The theme lists (active ones unless asked), by audience. */
    async themes(includeArchived = false) {
      return (await listMatterThemes(db, includeArchived)).map((t) => ({
        id: t.id, audience: t.audience as Audience, audienceName: AUDIENCES[t.audience as Audience], code: t.code, name: t.name,
        key: `${t.audience}:${t.code}`, archived: t.archived === 1,
      }));
    },

    /**
     * Adds a theme or renames / archives one (the national list is the starting point; a local 地方特色分类 may be
     * added). The lists serve the whole installation; the event (old → new) is recorded under the editing agency; a theme is never deleted (matters keep naming it).
     */
    async saveTheme(agencyId: number, input: { audience: string; code: string; name: string; archived?: boolean }, actor: Actor) {
      await agencyOf(agencyId);
      if (!Object.hasOwn(AUDIENCES, input.audience)) throw new ValidationError('主题分类的服务对象应为自然人或法人', { field: 'audience' });
      if (!/^\d{3}$/.test(input.code)) throw new ValidationError(`主题分类代码应为 3 位数字，现为“${input.code}”`, { field: 'code' });
      const name = input.name.trim();
      if (name === '') throw new ValidationError('请填写主题分类名称', { field: 'name' });
      const at = clock();
      const old = await findMatterTheme(db, input.audience, input.code);
      if (old) {
        await updateMatterTheme(db, old.id, { name, archived: input.archived ? 1 : 0, at, by: actor.name });
      } else {
        const all = await listMatterThemes(db, true);
        await insertMatterTheme(db, { audience: input.audience, code: input.code, name, position: all.length, at, by: actor.name });
      }
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'matter-theme', subject_id: old?.id ?? 0, type: old ? 'changed' : 'created',
        data: { old: old ? { name: old.name, archived: old.archived === 1 } : null, new: { audience: input.audience, code: input.code, name, archived: !!input.archived } },
        actor: actor.name, actor_id: actor.id, at,
      });
      return (await this.themes(true)).find((t) => t.key === `${input.audience}:${input.code}`)!;
    },
  };
}
