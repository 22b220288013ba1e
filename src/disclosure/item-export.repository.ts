/**
 * The reads the channel exports and the 保密审查表 download need: one item row, attachment bytes by hash, the
 * review steps and scan findings of a version. (The item service owns writing items; these only read.)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ItemRow, PiiFindingRow, ReviewStepRow } from './disclosure.table.js';

/** An item row by id, or undefined. */
export async function findItemRow(db: Kysely<Database>, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The bytes of a stored attachment, or undefined. */
export async function blobContent(db: Kysely<Database>, hash: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('blobs').select('content').where('hash', '=', hash).executeTakeFirst())?.content;
}

/** The review steps of one version of an item, oldest first. */
export async function itemVersionSteps(db: Kysely<Database>, itemId: number, version: number): Promise<ReviewStepRow[]> {
  return db.selectFrom('review_steps').selectAll()
    .where('subject_kind', '=', 'item').where('subject_id', '=', itemId).where('subject_version', '=', version)
    .orderBy('id').execute();
}

/** The scan findings of one version of an item, in the order found. */
export async function itemVersionFindings(db: Kysely<Database>, itemId: number, version: number): Promise<PiiFindingRow[]> {
  return db.selectFrom('pii_findings').selectAll().where('item_id', '=', itemId).where('item_version', '=', version).orderBy('id').execute();
}
