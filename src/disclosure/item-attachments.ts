/**
 * Attachments of an item: a file is checked from its bytes and scanned (src/disclosure/item-inspection.ts, off
 * the request thread once the inspect pool lands) before the transaction, then stored once by SHA-256 and added
 * to a new version of the item; removing one is a new version without it (the bytes stay: older versions keep
 * naming them). Downloads name the item, so the reader's permission is checked in the item's agency.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { ItemRow } from './disclosure.table.js';
import { attachmentsOf, fieldsOf, lockedItem, writeVersion, type ItemAttachment } from './item-drafting.js';
import { inspectUpload, type InspectedAttachment } from './item-inspection.js';
import { findBlobRow, findItemRow, insertBlobIfAbsent, listItemVersionRows } from './item.repository.js';

/** An uploaded file, checked and hashed (before the transaction). */
export interface CheckedUpload {
  fileName: string;
  bytes: Uint8Array;
  hash: string;
  inspected: InspectedAttachment;
}

/** Checks an uploaded file (type from the bytes, size, refusals) and hashes it; throws a 400/413 naming the file. */
export async function checkUpload(fileName: string, bytes: Uint8Array): Promise<CheckedUpload> {
  const name = fileName.trim().replace(/[\\/]/g, '_');
  if (name === '') throw new ValidationError('附件缺少文件名', { field: 'file' });
  if (name.length > 200) throw new ValidationError('附件文件名不能超过 200 字', { field: 'file' });
  const inspected = await inspectUpload(bytes, name);
  return { fileName: name, bytes, hash: createHash('sha256').update(bytes).digest('hex'), inspected };
}

/** Adds a checked file to the item: the blob stored once, a new version listing it. */
export async function addAttachment(trx: Kysely<Database>, itemId: number, upload: CheckedUpload, actor: Actor, at: string): Promise<ItemRow> {
  const item = await lockedItem(trx, itemId);
  const list = attachmentsOf(item);
  if (list.some((a) => a.hash === upload.hash)) {
    throw new ConflictError(`附件“${upload.fileName}”与已有附件“${list.find((a) => a.hash === upload.hash)!.fileName}”内容相同`, 'DUPLICATE_ATTACHMENT');
  }
  await insertBlobIfAbsent(trx, { hash: upload.hash, size: upload.bytes.length, file_type: upload.inspected.fileType, content: upload.bytes, text: upload.inspected.text, created_at: at });
  const attachment: ItemAttachment = { hash: upload.hash, fileName: upload.fileName, fileType: upload.inspected.fileType, size: upload.bytes.length };
  return writeVersion(trx, item, fieldsOf(item), [...list, attachment], actor, null, at, { type: 'attachment-added' });
}

/** Removes an attachment from the item: a new version without it. */
export async function removeAttachment(trx: Kysely<Database>, itemId: number, hash: string, actor: Actor, at: string): Promise<ItemRow> {
  const item = await lockedItem(trx, itemId);
  const list = attachmentsOf(item);
  if (!list.some((a) => a.hash === hash)) throw new NotFoundError(`当前版本没有该附件（${hash.slice(0, 12)}…）`);
  return writeVersion(trx, item, fieldsOf(item), list.filter((a) => a.hash !== hash), actor, null, at, { type: 'attachment-removed' });
}

/** An attachment's bytes for download, when some version of the item lists it. */
export async function readAttachment(db: Kysely<Database>, itemId: number, hash: string): Promise<ItemAttachment & { content: Uint8Array }> {
  const item = await findItemRow(db, itemId);
  if (!item) throw new NotFoundError(`未找到编号为 ${itemId} 的政府信息`);
  const versions = await listItemVersionRows(db, itemId);
  const named = versions.flatMap((v) => (v.snapshot.attachments as ItemAttachment[] | undefined) ?? []).find((a) => a.hash === hash);
  if (!named) throw new NotFoundError('该政府信息没有这个附件');
  const blob = await findBlobRow(db, hash);
  if (!blob) throw new NotFoundError('附件内容不存在');
  return { ...named, content: blob.content };
}
