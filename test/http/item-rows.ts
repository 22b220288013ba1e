/**
 * Items, review steps, findings and channel publications written straight into the tables, for the tests of
 * what reads them (the monthly checklist, channel exports, the 保密审查表) without going through the chain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { NewItemRow } from '../../src/disclosure/disclosure.table.js';

/** Inserts an item with sensible defaults; returns its id. */
export async function insertItem(db: Kysely<Database>, agencyId: number, fields: Partial<NewItemRow> = {}): Promise<number> {
  const row: NewItemRow = {
    agency_id: agencyId, index_no: null, state: 'approved', version: 1, published_version: null, drafter_id: null, drafter_name: '经办人李明',
    office: '政务服务科', category_id: null, title: '关于优化企业开办流程的通知', summary: '企业开办“一窗通办”有关事项。', issuer: '威海市环翠区行政审批服务局',
    doc_no: '威环审批发〔2026〕3号', written_on: '2026-03-02', changed_on: '2026-03-02', due_on: null, published_on: null, theme: null, keywords: '',
    disclosure: 'proactive', body_html: '<p>企业开办全流程办理时间压缩至0.5个工作日以内。</p>', attachments: '[]', validity: 'valid',
    normative_kind: null, made_on: null, amended_on: null, repealed_on: null, origin: 'platform',
    created_at: '2026-03-02T01:00:00.000Z', updated_at: '2026-03-02T01:00:00.000Z', ...fields,
  };
  return (await db.insertInto('items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records a publication of an item's version on a channel; returns its id. */
export async function insertItemPublication(
  db: Kysely<Database>, agencyId: number, itemId: number, channel: string, publishedOn: string, options: { version?: number; actor?: string } = {},
): Promise<number> {
  return (await db.insertInto('channel_publications').values({
    agency_id: agencyId, subject_kind: 'item', subject_id: itemId, subject_version: options.version ?? 1, channel, published_on: publishedOn,
    published_at: `${publishedOn}T02:00:00.000Z`, actor: options.actor ?? '信息公开专职人员孙丽', actor_id: null,
    withdrawn_at: null, withdrawn_by: null, withdrawn_by_id: null, withdrawal_reason: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Appends a review step of an item's version. */
export async function insertItemStep(db: Kysely<Database>, itemId: number, version: number, step: {
  step: string; decision?: 'pass' | 'return' | null; comment?: string | null; reason?: string | null; form?: unknown; actor: string; at: string;
}): Promise<void> {
  await db.insertInto('review_steps').values({
    subject_kind: 'item', subject_id: itemId, subject_version: version, step: step.step, decision: step.decision ?? null,
    reason: step.reason ?? null, comment: step.comment ?? null, form: step.form === undefined ? null : JSON.stringify(step.form),
    actor: step.actor, actor_id: null, at: step.at,
  }).execute();
}
