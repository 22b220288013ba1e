/**
 * What the public and the printed guide read of a matter: its PUBLISHED version only, with the agency's name, the
 * theme names and the guide's absolute address (what its QR code opens). A matter never published is not found
 * (NotFoundError for the portal, ConflictError NOT_PUBLISHED for the office asking for a QR code of a draft).
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

/** The published guide of a matter for the public: NotFoundError when there is none (a draft is never revealed). */
export async function publishedGuide(db: Kysely<Database>, id: number): Promise<PublishedGuide> {
  const row = await publishedMatterVersion(db, id);
  if (!row || !row.published_on || row.published_version === null) throw new NotFoundError(`未找到编号为 ${id} 的已发布办事指南`);
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
