/**
 * The files a guide offers with its materials (空白表格, 示范样表): checked from their bytes by the same inspection as
 * item attachments (before the transaction), stored once by SHA-256 in `blobs`; a form in which the scan finds
 * anything (personal data, an author in the document properties, hidden content) is refused — it is published to
 * everyone, so a sample must use made-up data.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Clock } from '../core/clock.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Matter } from '../core/matters/matter.js';
import type { Database } from '../db/schema.js';
import type { CheckedUpload } from '../disclosure/item-attachments.js';
import { findingKindName } from '../disclosure/item-inspection.js';
import { insertBlobIfAbsent } from '../disclosure/item.repository.js';

/** Stores a checked form (inside the caller's transaction); returns what a material refers to. */
export async function storeMatterFile(trx: Kysely<Database>, clock: Clock, agencyId: number, upload: CheckedUpload) {
  if (!(await findAgencyRow(trx, agencyId))) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
  const found = upload.inspected.findings;
  if (found.length > 0) {
    throw new ValidationError(`“${upload.fileName}”中发现不宜公开的内容（${[...new Set(found.map((f) => findingKindName(f.kind)))].join('、')}：${found[0]!.place}），`
      + '表格将向公众公开，请删除这些内容（示范样表请使用虚构的示例信息）后重新上传', { field: 'file' });
  }
  await insertBlobIfAbsent(trx, { hash: upload.hash, size: upload.bytes.length, file_type: upload.inspected.fileType, content: upload.bytes, text: upload.inspected.text, created_at: clock() });
  return { hash: upload.hash, fileName: upload.fileName, fileType: upload.inspected.fileType };
}

/** Refuses a matter naming a form that was never uploaded. */
export async function assertFilesStored(db: Kysely<Database>, m: Matter): Promise<void> {
  const refs = m.materials.flatMap((x) => [x.blankForm, x.sample]).filter((f): f is NonNullable<typeof f> => f !== null);
  if (refs.length === 0) return;
  const stored = new Set((await db.selectFrom('blobs').select('hash').where('hash', 'in', refs.map((r) => r.hash)).execute()).map((r) => r.hash));
  const missing = refs.find((r) => !stored.has(r.hash));
  if (missing) throw new ValidationError(`表格“${missing.fileName}”尚未上传，请先上传后再保存`, { field: 'materials' });
}
