/**
 * The whole matter list of an agency as XLSX (the current version of every matter), with the import's headers so
 * the file can be edited and imported again; a last column says each matter's state, an abolished one with its day
 * (ignored by the import).
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { REVIEW_STATES, type ReviewState } from '../core/disclosure/review-chain.js';
import type { Matter } from '../core/matters/matter.js';
import type { Database } from '../db/schema.js';
import { MATTER_COLUMNS, rowOfMatter, STATE_HEADER } from './matter-columns.js';
import { allMatterContents } from './matter.repository.js';
import { themeNamer } from './matter-search.js';

/** Writes the agency's matter list as an XLSX file. */
export async function exportMattersXlsx(db: Kysely<Database>, agencyId: number): Promise<Buffer> {
  const names = await themeNamer(db);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项清单');
  sheet.addRow([...MATTER_COLUMNS.map((c) => c.header), STATE_HEADER]);
  sheet.getRow(1).font = { bold: true };
  for (const m of await allMatterContents(db, agencyId)) {
    const state = REVIEW_STATES[m.state as ReviewState] ?? m.state;
    // An abolished matter (事项取消) says so: published, its guide is withdrawn; in the chain, it is being abolished.
    const shown = m.abolished !== 1 ? state : m.state === 'published' ? `已取消（${m.published_on}）` : `取消事项·${state}`;
    sheet.addRow([...rowOfMatter(JSON.parse(m.content) as Matter, names), shown]);
  }
  sheet.columns.forEach((col) => { col.width = 18; });
  return Buffer.from(await book.xlsx.writeBuffer());
}
