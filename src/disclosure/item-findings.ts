/**
 * Personal data and hidden content found before release (issue 9 §4): the body and the attachments of a version
 * are scanned when it is submitted for review, each finding is stored for that version with its place, and each
 * must be resolved — removed from the content, or confirmed with a reason — before the secrecy review can pass.
 * Removing a finding from the body redacts it (the text is removed, nothing is drawn over) into a new version;
 * one in an attachment is removed by replacing or removing the attachment (the drafter, after a return).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { PiiFindingRow } from './disclosure.table.js';
import { attachmentsOf, fieldsOf, lockedItem, writeVersion } from './item-drafting.js';
import { findInBody, inspectUpload, redactInBody } from './item-inspection.js';
import {
  findBlobRow, findFindingRow, insertFindingRows, listFindingRows, listOpenAttachmentFindingRowsBefore, listOpenFindingRows, resolveFindingRow, versionScanned,
} from './item.repository.js';
import { insertDisclosureEvent } from './review.repository.js';

/** Resolutions of a finding with their Chinese names. */
export const FINDING_RESOLUTIONS = { removed: '已删除', confirmed: '确认可以公开' } as const;
/** A resolution key. */
export type FindingResolution = keyof typeof FINDING_RESOLUTIONS;

/**
 * Scans the version under review (body and every attachment) and stores what is found, once per version (a
 * version resubmitted after a return keeps its findings and their resolutions).
 */
export async function scanVersion(trx: Kysely<Database>, item: { id: number; version: number; body_html: string; attachments: string }): Promise<number> {
  if (await versionScanned(trx, item.id, item.version)) return 0;
  const rows = findInBody(item.body_html).map((f) => ({ item_id: item.id, item_version: item.version, source: 'body', kind: f.kind, place: f.place, excerpt: f.excerpt }));
  for (const a of attachmentsOf(item)) {
    const blob = await findBlobRow(trx, a.hash);
    if (!blob) continue;
    const inspected = await inspectUpload(blob.content, a.fileName);
    rows.push(...inspected.findings.map((f) => ({
      item_id: item.id, item_version: item.version, source: `attachment:${a.hash}`, kind: f.kind, place: f.place, excerpt: f.excerpt,
    })));
  }
  await insertFindingRows(trx, rows);
  return rows.length;
}

/**
 * Records as 已删除 the open findings of earlier versions in attachments the submitted version no longer holds:
 * the drafter removed or replaced the attachment after a return, which is how a finding in an attachment is
 * removed (resolveFinding refuses 'removed' while the attachment is still attached, and a finding can only be
 * resolved on the version under review — so without this such a finding stayed open for ever). Each resolution
 * is an event by the submitter. Returns how many were resolved.
 */
export async function resolveDroppedAttachmentFindings(
  trx: Kysely<Database>, item: { id: number; agency_id: number; version: number; attachments: string }, actor: Actor, at: string,
): Promise<number> {
  const held = new Set(attachmentsOf(item).map((a) => `attachment:${a.hash}`));
  const dropped = (await listOpenAttachmentFindingRowsBefore(trx, item.id, item.version)).filter((f) => !held.has(f.source));
  for (const f of dropped) {
    const reason = `第 ${item.version} 版已删除或替换该附件`;
    if (!(await resolveFindingRow(trx, f.id, { resolution: 'removed', reason, by: actor.name, byId: actor.id, at }))) continue;
    await insertDisclosureEvent(trx, {
      agency_id: item.agency_id, subject_kind: 'item', subject_id: item.id, type: 'finding-resolved',
      data: { findingId: f.id, place: f.place, old: null, new: 'removed', reason }, actor: actor.name, actor_id: actor.id, at,
    });
  }
  return dropped.length;
}

/** Refuses (naming how many and where) while any finding of the version is unresolved. */
export async function assertFindingsResolved(trx: Kysely<Database>, itemId: number, version: number): Promise<void> {
  const open = await listOpenFindingRows(trx, itemId, version);
  if (open.length === 0) return;
  const places = open.slice(0, 5).map((f) => f.place).join('、');
  throw new ConflictError(
    `扫描发现的个人信息尚有 ${open.length} 处未处理（${places}${open.length > 5 ? ' 等' : ''}），须逐项删除或确认后才能通过保密审查`,
    'FINDINGS_OPEN',
  );
}

/** The states in which findings are resolved: while the item is under review, before the secrecy review passes. */
const RESOLVABLE = new Set(['first-review', 'secrecy-review']);

/**
 * Resolves a finding of the item's current version: 'confirmed' with a reason, or 'removed' — for the body the
 * found text is redacted into a new version that carries the version's findings over (the review goes on: only
 * found text was removed); for an attachment the attachment must be replaced or removed first.
 */
export async function resolveFinding(
  trx: Kysely<Database>, itemId: number, findingId: number, input: { resolution: FindingResolution; reason?: string | null },
  actor: Actor, at: string,
): Promise<PiiFindingRow> {
  const item = await lockedItem(trx, itemId);
  const finding = await findFindingRow(trx, findingId);
  if (!finding || finding.item_id !== item.id) throw new NotFoundError(`未找到编号为 ${findingId} 的扫描发现`);
  if (finding.item_version !== item.version) {
    throw new ConflictError(`该发现属于第 ${finding.item_version} 版，当前为第 ${item.version} 版，请刷新后处理`, 'REVIEW_STALE');
  }
  if (finding.resolution !== null) throw new ConflictError(`该发现（${finding.place}）已处理`, 'FINDING_RESOLVED');
  if (!RESOLVABLE.has(item.state)) {
    throw new ConflictError('只有在初审或保密审查期间才能处理扫描发现', 'REVIEW_LOCKED');
  }
  if (!Object.hasOwn(FINDING_RESOLUTIONS, input.resolution)) throw new ValidationError(`处理方式“${input.resolution}”不存在`, { field: 'resolution' });
  const reason = input.reason?.trim() || null;
  if (input.resolution === 'confirmed' && !reason) throw new ValidationError(`确认“${finding.place}”的内容可以公开时必须填写理由`, { field: 'reason' });

  const resolve = async (id: number) => {
    if (!(await resolveFindingRow(trx, id, { resolution: input.resolution, reason, by: actor.name, byId: actor.id, at }))) {
      throw new ConflictError(`该发现（${finding.place}）已被他人处理`, 'FINDING_RESOLVED');
    }
  };
  if (input.resolution === 'removed') {
    if (finding.source.startsWith('attachment:')) {
      const hash = finding.source.slice('attachment:'.length);
      const attached = attachmentsOf(item).find((a) => a.hash === hash);
      if (attached) {
        throw new ConflictError(
          `${finding.place}中的个人信息须先删除或替换该附件：请退回经办人修改附件后重新提交`, 'ATTACHMENT_STILL_ATTACHED',
        );
      }
      await resolve(finding.id);
    } else {
      const redacted = redactInBody(item.body_html, finding);
      if (redacted === item.body_html) throw new ConflictError(`正文中已找不到“${finding.excerpt}”（${finding.place}），请刷新后处理`, 'REVIEW_STALE');
      await resolve(finding.id);
      const next = await writeVersion(trx, item, { ...fieldsOf(item), bodyHtml: redacted }, attachmentsOf(item), actor, null, at,
        { redactionOf: item.version, type: 'redacted' });
      const carried = await listFindingRows(trx, item.id, item.version);
      await insertFindingRows(trx, carried.map(({ id: _id, ...f }) => ({ ...f, item_version: next.version })));
    }
  } else {
    await resolve(finding.id);
  }
  await insertDisclosureEvent(trx, {
    agency_id: item.agency_id, subject_kind: 'item', subject_id: item.id, type: 'finding-resolved',
    data: { findingId: finding.id, place: finding.place, old: null, new: input.resolution, reason }, actor: actor.name, actor_id: actor.id, at,
  });
  return (await findFindingRow(trx, finding.id))!;
}
