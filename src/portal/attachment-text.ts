/**
 * The text of a public item's document attachments, to read on the page (在线阅读, 条例 Art. 24 查阅; Art. 43
 * help for readers who cannot open the file). Extracted once per file by the inspection worker pool (src/inspect)
 * and kept by SHA-256: a stored file never changes, so the text needs no invalidation, only a bound.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ItemAttachment } from '../disclosure/item-drafting.js';
import { findBlobRow } from '../disclosure/item.repository.js';
import { inspectInWorker } from '../inspect/inspect-pool.js';
import type { AttachmentText } from './disclosure-pages.js';

/** File types whose text is shown on the page. */
const DOCUMENT_TYPES = new Set(['pdf', 'docx', 'xlsx', 'ofd']);
/** Characters shown on the page (the rest: download the file). */
export const MAX_TEXT_CHARS = 20_000;
/** Files whose text is remembered. */
const CACHE_SIZE = 256;

const cache = new Map<string, Promise<string>>();

async function extract(db: Kysely<Database>, a: ItemAttachment): Promise<string> {
  const blob = await findBlobRow(db, a.hash);
  if (!blob) return '';
  const result = await inspectInWorker(blob.content, a.fileName);
  return result.ok ? result.text.trim() : '';
}

function textOf(db: Kysely<Database>, a: ItemAttachment): Promise<string> {
  const hit = cache.get(a.hash);
  if (hit) return hit;
  const made = extract(db, a).catch(() => '');
  cache.set(a.hash, made);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return made;
}

/** The readable text of the document attachments (those with none — images, scans — are left out). */
export async function attachmentTexts(db: Kysely<Database>, attachments: readonly ItemAttachment[]): Promise<AttachmentText[]> {
  const out: AttachmentText[] = [];
  for (const a of attachments) {
    if (!DOCUMENT_TYPES.has(a.fileType)) continue;
    const text = await textOf(db, a);
    if (!text) continue;
    const chars = [...text];
    out.push({ hash: a.hash, text: chars.slice(0, MAX_TEXT_CHARS).join(''), truncated: chars.length > MAX_TEXT_CHARS });
  }
  return out;
}
