/**
 * Items, categories, review steps and channel publications written straight into the tables, for tests of
 * what reads or counts them (table 二, the monthly checklist, channel exports, the 保密审查表) without going
 * through the chain (the items' own use cases live in src/disclosure and are tested there).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { NewItemRow } from '../src/disclosure/disclosure.table.js';

let serial = 0;

/**
 * An approved notice of the demo bureau (not yet published), with its drafter, office, issuer and
 * document number: spread under the fields a test sets, `insertItem(db, a, { ...APPROVED_NOTICE, … })`.
 */
export const APPROVED_NOTICE: Partial<NewItemRow> = {
  index_no: null, state: 'approved', published_version: null, published_on: null, drafter_name: '经办人李明',
  office: '政务服务科', title: '关于优化企业开办流程的通知', summary: '企业开办“一窗通办”有关事项。', issuer: '威海市环翠区行政审批服务局',
  doc_no: '威环审批发〔2026〕3号', written_on: '2026-03-02', changed_on: '2026-03-02',
  body_html: '<p>企业开办全流程办理时间压缩至0.5个工作日以内。</p>',
  created_at: '2026-03-02T01:00:00.000Z', updated_at: '2026-03-02T01:00:00.000Z',
};

/** Inserts an item (published by default, with a unique 索引号) and returns its id. */
export async function insertItem(db: Kysely<Database>, agencyId: number, over: Partial<NewItemRow> = {}): Promise<number> {
  serial += 1;
  const written = over.written_on ?? '2024-03-01';
  const row: NewItemRow = {
    agency_id: agencyId, index_no: `TEST-${serial}-${Math.random().toString(36).slice(2, 8)}`, state: 'published', version: 1, published_version: 1,
    drafter_id: null, drafter_name: '测试', office: null, category_id: null, title: `测试信息 ${serial}`, summary: '', issuer: '测试机关',
    doc_no: null, written_on: written, changed_on: written, due_on: null, published_on: written, theme: null, keywords: '',
    disclosure: 'active', body_html: '', attachments: '[]', validity: 'valid', normative_kind: null, made_on: null, amended_on: null,
    repealed_on: null, origin: 'platform', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
    ...over,
  };
  return Number((await db.insertInto('items').values(row).returning('id').executeTakeFirstOrThrow()).id);
}

/** Inserts a catalogue category and returns its id. */
export async function insertCategory(db: Kysely<Database>, agencyId: number, name: string): Promise<number> {
  const row = await db.insertInto('catalogue_nodes').values({
    agency_id: agencyId, parent_id: null, name, art20_item: null, position: 0, details: null, archived: 0,
    created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Records the publication of an item's version (1 unless given) on a channel on a day, by the bureau's
 * publisher unless `actor` is given; withdrawn when `withdrawnAt` is given. Returns its id.
 */
export async function insertPublication(
  db: Kysely<Database>, agencyId: number, itemId: number, channel: string, on: string,
  options: { version?: number; actor?: string; withdrawnAt?: string } = {},
): Promise<number> {
  const withdrawnAt = options.withdrawnAt ?? null;
  const row = await db.insertInto('channel_publications').values({
    agency_id: agencyId, subject_kind: 'item', subject_id: itemId, subject_version: options.version ?? 1, channel, published_on: on,
    published_at: `${on}T02:00:00.000Z`, actor: options.actor ?? '信息公开专职人员孙丽', actor_id: null, withdrawn_at: withdrawnAt,
    withdrawn_by: withdrawnAt ? '测试' : null, withdrawn_by_id: null, withdrawal_reason: withdrawnAt ? '测试撤回' : null,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
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
