/**
 * What the public and the printed guide read of a matter: its PUBLISHED version only, with the agency's name, the
 * theme names and the guide's absolute address (what its QR code opens). A matter never published is not found
 * (NotFoundError for the portal, ConflictError NOT_PUBLISHED for the office asking for a QR code of a draft); an
 * abolished one neither (its page shows abolishedGuide instead, ConflictError MATTER_ABOLISHED for the office).
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Matter } from '../core/matters/matter.js';
import type { Database } from '../db/schema.js';
import { findMatterRow, publishedMatterVersion } from './matter.repository.js';
import { matterPath, themeNamer } from './matter-search.js';

/** A published guide as the page, the PDF and the QR code need it. */
export interface PublishedGuide {
  id: number;
  agencyId: number;
  agencyName: string;
  matter: Matter;
  version: number;
  publishedOn: string;
  path: string;
  themeName: (key: string) => string;
}

/** A guide whose matter was abolished (事项取消): what its page, which printed QR codes still open, says instead. */
export interface AbolishedGuide {
  id: number;
  agencyName: string;
  name: string;
  code: string;
  /** The day the abolition was published. */
  abolishedOn: string;
  reason: string;
}

/** The abolished matter behind a guide address, or null when the matter is not abolished (or never published). */
export async function abolishedGuide(db: Kysely<Database>, id: number): Promise<AbolishedGuide | null> {
  const row = await publishedMatterVersion(db, id);
  if (!row || !row.published_on || row.abolished !== 1) return null;
  const agency = await findAgencyRow(db, row.agency_id);
  const m = JSON.parse(row.content) as Matter;
  return { id, agencyName: agency?.name ?? '', name: m.name, code: m.code, abolishedOn: row.published_on, reason: row.abolish_reason ?? '' };
}

/** The published guide of a matter for the public: NotFoundError when there is none (a draft is never revealed). */
export async function publishedGuide(db: Kysely<Database>, id: number): Promise<PublishedGuide> {
  const row = await publishedMatterVersion(db, id);
  if (!row || !row.published_on || row.published_version === null) throw new NotFoundError(`未找到编号为 ${id} 的已发布办事指南`);
  if (row.abolished === 1) throw new NotFoundError(`编号为 ${id} 的事项已于 ${row.published_on} 取消，办事指南不再提供`);
  const agency = await findAgencyRow(db, row.agency_id);
  return {
    id, agencyId: row.agency_id, agencyName: agency?.name ?? '', matter: JSON.parse(row.content) as Matter, version: row.published_version,
    publishedOn: row.published_on, path: matterPath(id), themeName: await themeNamer(db),
  };
}

/**
 * The published guide for the office's QR code and print: a matter that exists but was never published is refused
 * with a reason (the code would open a page that does not exist).
 */
export async function guideForQr(db: Kysely<Database>, id: number): Promise<PublishedGuide> {
  const m = await findMatterRow(db, id);
  if (!m) throw new NotFoundError(`事项（编号 ${id}）不存在`);
  if (m.published_version === null) {
    throw new ConflictError(`事项“${m.name}”的办事指南尚未发布，不能生成二维码：二维码打开的是门户网站上已发布的办事指南，请先完成审核并发布`, 'NOT_PUBLISHED');
  }
  const gone = await abolishedGuide(db, id);
  if (gone) throw new ConflictError(`事项“${gone.name}”已于 ${gone.abolishedOn} 取消，不再生成二维码和办事指南；请撤下大厅和窗口张贴的旧二维码`, 'MATTER_ABOLISHED');
  return publishedGuide(db, id);
}

/** A material's file (空白表格, 示范样表) of a published guide, only if that version offers it. */
export async function publishedMaterialFile(db: Kysely<Database>, id: number, hash: string) {
  const g = await publishedGuide(db, id);
  const offered = g.matter.materials.flatMap((m) => [m.blankForm, m.sample]).find((f) => f?.hash === hash);
  if (!offered) throw new NotFoundError('未找到该表格');
  const blob = await db.selectFrom('blobs').select(['content', 'file_type']).where('hash', '=', hash).executeTakeFirst();
  if (!blob) throw new NotFoundError('未找到该表格');
  return { fileName: offered.fileName, fileType: blob.file_type, content: blob.content };
}
