/**
 * Reading items: one item with its versions, the chain's steps (with Chinese names), the scan's findings and its
 * publications; a page of an agency's items by state, category, office and text; the history of an item.
 */
import type { Kysely } from 'kysely';
import { CHANNELS, type Channel } from '../core/disclosure/channels.js';
import { CHAIN_ACTS, REVIEW_DECISIONS, REVIEW_STATES, type ChainAct, type ReviewDecision, type ReviewState } from '../core/disclosure/review-chain.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { ItemRow, PiiFindingRow } from './disclosure.table.js';
import { attachmentsOf, fieldsOf, type ItemAttachment, type ItemFields, type ItemSnapshot } from './item-drafting.js';
import { FINDING_RESOLUTIONS, type FindingResolution } from './item-findings.js';
import { findingKindName } from './item-inspection.js';
import { categoryNames, findItemRow, findItemVersionRow, listFindingRows, listItemEventRows, listItemRows, listItemVersionRows, type ItemListFilter } from './item.repository.js';
import { allPublications, listReviewSteps } from './review.repository.js';

/** An item as listed. */
export interface ItemSummary {
  id: number;
  agencyId: number;
  indexNo: string | null;
  state: ReviewState;
  stateName: string;
  version: number;
  publishedVersion: number | null;
  title: string;
  docNo: string | null;
  categoryId: number | null;
  categoryName: string | null;
  office: string | null;
  drafterId: number | null;
  drafterName: string;
  writtenOn: string;
  dueOn: string | null;
  publishedOn: string | null;
  origin: string;
  updatedAt: string;
}

/** One act of the chain, with its Chinese names. */
export interface ItemStep {
  id: number;
  version: number;
  step: ChainAct;
  stepName: string;
  decision: ReviewDecision | null;
  decisionName: string | null;
  reason: string | null;
  comment: string | null;
  form: Record<string, unknown> | null;
  actor: string;
  actorId: number | null;
  at: string;
}

/** A finding of the scan. */
export interface ItemFinding {
  id: number;
  version: number;
  /** 'body' or 'attachment:<hash>'. */
  source: string;
  sourceName: string;
  kind: string;
  kindName: string;
  place: string;
  excerpt: string;
  resolution: FindingResolution | null;
  resolutionName: string | null;
  reason: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** A publication of a version on a channel. */
export interface ItemPublication {
  id: number;
  version: number;
  channel: Channel;
  channelName: string;
  publishedOn: string;
  publishedAt: string;
  actor: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

/** A version as listed. */
export interface ItemVersionInfo {
  version: number;
  createdAt: string;
  createdBy: string;
  redactionOf: number | null;
}

/** An item in full. */
export interface ItemDetail extends ItemSummary, Omit<ItemFields, 'categoryId' | 'docNo' | 'office' | 'writtenOn' | 'title'> {
  attachments: ItemAttachment[];
  versions: ItemVersionInfo[];
  steps: ItemStep[];
  /** Findings of the current version. */
  findings: ItemFinding[];
  publications: ItemPublication[];
  /** The 解读对象 (the item this one interprets) and its current title. */
  interprets: number | null;
  interpretsTitle: string | null;
}

/** The summary of a row, with its category's name. */
export function summaryOf(row: ItemRow, categoryName: string | null): ItemSummary {
  return {
    id: row.id, agencyId: row.agency_id, indexNo: row.index_no, state: row.state as ReviewState, stateName: REVIEW_STATES[row.state as ReviewState],
    version: row.version, publishedVersion: row.published_version, title: row.title, docNo: row.doc_no, categoryId: row.category_id,
    categoryName, office: row.office, drafterId: row.drafter_id, drafterName: row.drafter_name, writtenOn: row.written_on, dueOn: row.due_on,
    publishedOn: row.published_on, origin: row.origin, updatedAt: row.updated_at,
  };
}

function findingOf(f: PiiFindingRow, attachments: readonly ItemAttachment[]): ItemFinding {
  const hash = f.source.startsWith('attachment:') ? f.source.slice('attachment:'.length) : null;
  const file = hash ? attachments.find((a) => a.hash === hash)?.fileName ?? '已删除的附件' : null;
  return {
    id: f.id, version: f.item_version, source: f.source, sourceName: file ? `附件“${file}”` : '正文', kind: f.kind, kindName: findingKindName(f.kind),
    place: f.place, excerpt: f.excerpt, resolution: f.resolution as FindingResolution | null,
    resolutionName: f.resolution ? FINDING_RESOLUTIONS[f.resolution as FindingResolution] : null,
    reason: f.resolution_reason, resolvedBy: f.resolved_by, resolvedAt: f.resolved_at,
  };
}

/** Findings of an item: of the current version, or of `version`. */
export async function itemFindings(db: Kysely<Database>, row: ItemRow, version = row.version): Promise<ItemFinding[]> {
  return findingsAmong(db, row, version, await listItemVersionRows(db, row.id));
}

/** Findings of `version`, their attachments named from the item's stored versions (already loaded by the caller). */
async function findingsAmong(
  db: Kysely<Database>, row: ItemRow, version: number, versions: ReadonlyArray<{ snapshot: Record<string, unknown> }>,
): Promise<ItemFinding[]> {
  const all = versions.flatMap((v) => (v.snapshot.attachments as ItemAttachment[] | undefined) ?? []);
  return (await listFindingRows(db, row.id, version)).map((f) => findingOf(f, all));
}

/** The steps of an item's chain, oldest first. */
export async function itemSteps(db: Kysely<Database>, itemId: number): Promise<ItemStep[]> {
  return (await listReviewSteps(db, { kind: 'item', id: itemId })).map((s) => ({
    id: s.id, version: s.subject_version, step: s.step as ChainAct, stepName: CHAIN_ACTS[s.step as ChainAct] ?? s.step,
    decision: s.decision as ReviewDecision | null, decisionName: s.decision ? REVIEW_DECISIONS[s.decision as ReviewDecision] : null,
    reason: s.reason, comment: s.comment, form: s.form ? JSON.parse(s.form) : null, actor: s.actor, actorId: s.actor_id, at: s.at,
  }));
}

/** One item in full; NotFoundError when it does not exist. */
export async function getItem(db: Kysely<Database>, id: number): Promise<ItemDetail> {
  const row = await findItemRow(db, id);
  if (!row) throw new NotFoundError(`未找到编号为 ${id} 的政府信息`);
  const names = await categoryNames(db, row.category_id === null ? [] : [row.category_id]);
  const { title: _t, categoryId: _c, docNo: _d, office: _o, writtenOn: _w, ...fields } = fieldsOf(row);
  const versions = await listItemVersionRows(db, id);
  const target = row.interprets_item_id === null ? undefined : await findItemRow(db, row.interprets_item_id);
  return {
    ...summaryOf(row, row.category_id === null ? null : names.get(row.category_id) ?? null),
    ...fields,
    interprets: row.interprets_item_id, interpretsTitle: target?.title ?? null,
    attachments: attachmentsOf(row),
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, redactionOf: (v.snapshot as Partial<ItemSnapshot>).redactionOf ?? null })),
    steps: await itemSteps(db, id),
    findings: await findingsAmong(db, row, row.version, versions),
    publications: (await allPublications(db, { kind: 'item', id })).map((p) => ({
      id: p.id, version: p.subject_version, channel: p.channel as Channel, channelName: CHANNELS[p.channel as Channel] ?? p.channel,
      publishedOn: p.published_on, publishedAt: p.published_at, actor: p.actor, withdrawnAt: p.withdrawn_at, withdrawnBy: p.withdrawn_by,
      withdrawalReason: p.withdrawal_reason,
    })),
  };
}

/** A page of items. */
export interface ItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: ItemSummary[];
}

/** A page of an agency's items (20 a page). */
export async function listItems(db: Kysely<Database>, filter: Omit<ItemListFilter, 'limit' | 'offset'> & { page?: number; pageSize?: number }): Promise<ItemPage> {
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, filter.pageSize ?? 20));
  const { rows, total } = await listItemRows(db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  const names = await categoryNames(db, rows.flatMap((r) => (r.category_id === null ? [] : [r.category_id])));
  return { total, page, pageSize, items: rows.map((r) => summaryOf(r, r.category_id === null ? null : names.get(r.category_id) ?? null)) };
}

/** Chinese names of the item events. */
export const ITEM_EVENT_NAMES: Readonly<Record<string, string>> = {
  created: '新建', edited: '修改', 'attachment-added': '添加附件', 'attachment-removed': '删除附件', redacted: '删除扫描发现的个人信息',
  submitted: '提交审核', 'review-passed': '审核通过', 'review-returned': '审核退回', published: '发布', 'finding-resolved': '处理扫描发现',
  withdrawn: '撤下', imported: '导入',
};

/** One event of an item's history. */
export interface ItemHistoryEvent {
  id: number;
  type: string;
  typeName: string;
  data: Record<string, unknown> | null;
  actor: string;
  actorId: number | null;
  at: string;
}

/** The history of an item: every act of the chain (who, when, decision, reason) and every event (old → new). */
export async function itemHistory(db: Kysely<Database>, id: number): Promise<{ steps: ItemStep[]; events: ItemHistoryEvent[] }> {
  if (!(await findItemRow(db, id))) throw new NotFoundError(`未找到编号为 ${id} 的政府信息`);
  return {
    steps: await itemSteps(db, id),
    events: (await listItemEventRows(db, id)).map((e) => ({
      id: e.id, type: e.type, typeName: ITEM_EVENT_NAMES[e.type] ?? e.type, data: e.data ? JSON.parse(e.data) : null,
      actor: e.actor, actorId: e.actor_id, at: e.at,
    })),
  };
}

/** One stored version of an item as written (its fields and attachments). */
export interface ItemVersionDetail extends ItemVersionInfo {
  fields: ItemFields & { interprets: number | null };
  attachments: ItemAttachment[];
}

/** A stored version of an item; NotFoundError when the item or the version does not exist. */
export async function getItemVersion(db: Kysely<Database>, id: number, version: number): Promise<ItemVersionDetail> {
  const v = await findItemVersionRow(db, id, version);
  if (!v) throw new NotFoundError(`未找到编号为 ${id} 的政府信息的第 ${version} 版`);
  const { attachments, redactionOf, ...fields } = v.snapshot as unknown as ItemSnapshot;
  return { version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, redactionOf: redactionOf ?? null, fields: { ...fields, interprets: fields.interprets ?? null }, attachments: attachments ?? [] };
}
