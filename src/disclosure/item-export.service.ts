/**
 * What the channels get from an item (the WeChat export, the LED text, the notice-board page) and its
 * 保密审查表, read from the stored item, its review steps and scan findings. Exports exist only for an item whose
 * current version passed 领导核审签发 (state approved or published): nothing unreviewed reaches a channel, not
 * even as a file to paste (先审查、后公开).
 */
import type { Kysely } from 'kysely';
import { beijingDate } from '../core/disclosure/checklist.js';
import { isChannel, type Channel } from '../core/disclosure/channels.js';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import { parseSecrecyForm } from '../core/disclosure/secrecy-form.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { IMAGE_TYPES, type ExportAttachment, type ExportItem } from '../render/disclosure/disclosure-item.js';
import type { ReviewSignature, SecrecyFindingLine, SecrecyReviewSheet } from '../render/disclosure/secrecy-review-form.js';
import { FINDING_KIND_NAMES } from '../inspect/finding.js';
import type { ItemRow, ReviewStepRow } from './disclosure.table.js';
import { blobContent, findItemRow, itemVersionFindings, itemVersionSteps } from './item-export.repository.js';

/** Chinese names of the scan's finding kinds; a kind stored by an older scanner is printed as 其他. */
const FINDING_KINDS: Readonly<Record<string, string>> = FINDING_KIND_NAMES;

/** An item row (NotFoundError when there is none). */
export async function itemRow(db: Kysely<Database>, id: number): Promise<ItemRow> {
  const row = await findItemRow(db, id);
  if (!row) throw new NotFoundError(`信息 ${id} 不存在`);
  return row;
}

/** Refuses an item whose current version has not passed 核审签发. */
export function assertExportable(row: ItemRow): void {
  if (row.state !== 'approved' && row.state !== 'published') {
    const state = REVIEW_STATES[row.state as ReviewState] ?? row.state;
    throw new ConflictError(`“${row.title}”当前状态为“${state}”，尚未通过领导核审签发，不能导出发布材料`, 'NOT_APPROVED');
  }
}

interface StoredAttachment {
  hash: string;
  fileName: string;
  fileType: string;
  size: number;
}

/** The item's attachments; `withImageBytes` reads the first image's bytes (the WeChat cover). */
async function attachmentsOf(db: Kysely<Database>, row: ItemRow, withImageBytes: boolean): Promise<ExportAttachment[]> {
  let list: StoredAttachment[];
  try {
    const parsed: unknown = JSON.parse(row.attachments || '[]');
    list = Array.isArray(parsed) ? (parsed as StoredAttachment[]) : [];
  } catch {
    list = [];
  }
  const out: ExportAttachment[] = list.map((a) => ({ hash: a.hash, fileName: a.fileName, fileType: a.fileType, size: a.size }));
  if (withImageBytes) {
    const image = out.find((a) => IMAGE_TYPES[a.fileType]);
    const bytes = image ? await blobContent(db, image.hash) : undefined;
    if (image && bytes) image.content = new Uint8Array(bytes);
  }
  return out;
}

/**
 * The export input of an approved or published item (ConflictError NOT_APPROVED otherwise, NotFoundError for an
 * unknown item). The caller checks `item.read` in `agencyId` first.
 */
export async function exportItemOf(db: Kysely<Database>, row: ItemRow, options: { withImageBytes?: boolean } = {}): Promise<ExportItem> {
  assertExportable(row);
  return {
    title: row.title, indexNo: row.index_no, issuer: row.issuer, docNo: row.doc_no, writtenOn: row.written_on, publishedOn: row.published_on,
    summary: row.summary, bodyHtml: row.body_html, attachments: await attachmentsOf(db, row, options.withImageBytes ?? false),
  };
}

/** The last passing step of a kind after the last submission (a returned and resubmitted version starts over). */
function lastPass(steps: readonly ReviewStepRow[], step: string): ReviewStepRow | undefined {
  const lastSubmit = steps.map((s) => s.step).lastIndexOf('submit');
  return steps.slice(lastSubmit + 1).filter((s) => s.step === step && s.decision === 'pass').at(-1);
}

const signature = (s: ReviewStepRow | undefined, opinion?: string): ReviewSignature | null =>
  s ? { by: s.actor, on: beijingDate(s.at), opinion: opinion ?? s.comment ?? '' } : null;

/**
 * The 保密审查表 of the item's current version, from its review steps and scan findings: printable at any
 * stage (steps not yet taken are blank). The intended channels are those the secrecy review answered for.
 */
export async function secrecySheetOf(db: Kysely<Database>, row: ItemRow): Promise<SecrecyReviewSheet> {
  const steps = await itemVersionSteps(db, row.id, row.version);
  const submitted = steps.filter((s) => s.step === 'submit').at(-1);
  const secrecy = lastPass(steps, 'secrecy-review');
  const form = secrecy?.form ? parseSecrecyForm(JSON.parse(secrecy.form)) : null;
  const findings: SecrecyFindingLine[] = (await itemVersionFindings(db, row.id, row.version)).map((f) => ({
    place: f.place, kind: FINDING_KINDS[f.kind] ?? '其他', excerpt: f.excerpt,
    resolution: f.resolution === 'removed' || f.resolution === 'confirmed' ? f.resolution : null, reason: f.resolution_reason,
  }));
  const channels = form ? (Object.keys(form.channelsFit).filter(isChannel) as Channel[]) : [];
  return {
    title: row.title, indexNo: row.index_no, issuer: row.issuer, office: row.office, drafter: row.drafter_name,
    draftedOn: beijingDate(submitted?.at ?? row.created_at),
    channels,
    firstReview: signature(lastPass(steps, 'first-review')),
    secrecyReview: secrecy && form ? { ...signature(secrecy, secrecy.comment ?? '')!, form } : null,
    findings,
    signOff: signature(lastPass(steps, 'sign-off')),
  };
}
