/**
 * Items and the catalogue as XLSX. The item sheet has the import's headers in the import's order (and dates as
 * YYYY-MM-DD text), so an export re-imports — into another agency too, with `withoutIndexNo` (索引号 are unique
 * everywhere and belong to the agency that assigned them). Only item fields are written: nothing about applicants,
 * reviewers or users.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { ART20_ITEMS, DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, VALIDITIES } from '../core/disclosure/item-labels.js';
import { REVIEW_STATES } from '../core/disclosure/review-chain.js';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { ItemRow } from './disclosure.table.js';
import { ITEM_COLUMNS, STATE_HEADER, type ItemColumn } from './item-import-columns.js';
import { catalogueWithPaths, findImportAgency, itemsForExport } from './item-import.repository.js';

/** What to export. */
export interface ItemExportOptions {
  /** Every state (drafts, under review …), not only items the public sees. */
  allStates?: boolean;
  /** Leave the 索引号 column blank (to import into another agency, which assigns its own). */
  withoutIndexNo?: boolean;
}

const PAGE = 1000;

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string | null) =>
  key === null ? '' : (labels as Record<string, string>)[key] ?? key;

function cellsOf(item: ItemRow, categoryPath: string, withoutIndexNo: boolean): Record<ItemColumn, string> {
  return {
    indexNo: withoutIndexNo ? '' : item.index_no ?? '',
    title: item.title,
    summary: item.summary,
    category: categoryPath,
    issuer: item.issuer,
    docNo: item.doc_no ?? '',
    writtenOn: item.written_on,
    publishedOn: item.published_on ?? '',
    theme: item.theme ?? '',
    keywords: item.keywords,
    disclosure: label(DISCLOSURE_ATTRIBUTES, item.disclosure),
    validity: label(VALIDITIES, item.validity),
    normativeKind: label(NORMATIVE_KINDS, item.normative_kind),
    madeOn: item.made_on ?? '',
    amendedOn: item.amended_on ?? '',
    repealedOn: item.repealed_on ?? '',
    body: item.body_html,
  };
}

function styleHeader(sheet: ExcelJS.Worksheet, columns: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
  header.alignment = { vertical: 'middle' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/** The agency's items as an XLSX workbook (bytes). */
export async function exportItemsXlsx(db: Kysely<Database>, agencyId: number, options: ItemExportOptions = {}): Promise<Buffer> {
  const agency = await findImportAgency(db, agencyId);
  if (!agency) throw new NotFoundError(`找不到编号为 ${agencyId} 的机关。`);
  const paths = new Map((await catalogueWithPaths(db, agencyId)).map((n) => [n.id, n.path.join('/')]));
  const book = new ExcelJS.Workbook();
  book.creator = 'Gongkai';
  const sheet = book.addWorksheet('政府信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = ITEM_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  if (options.allStates) columns.push({ header: STATE_HEADER, key: 'state' as ItemColumn, width: 10 });
  sheet.columns = columns;
  // Text cells throughout: a date stays 2019-03-05 as written, a 文号 or 索引号 never turns into a number.
  sheet.columns.forEach((c) => { c.numFmt = '@'; });
  let after = 0;
  for (;;) {
    const page = await itemsForExport(db, agencyId, options.allStates ?? false, after, PAGE);
    for (const item of page) {
      const cells: Record<string, string> = cellsOf(item, item.category_id === null ? '' : paths.get(Number(item.category_id)) ?? '', options.withoutIndexNo ?? false);
      if (options.allStates) cells.state = label(REVIEW_STATES, item.state);
      sheet.addRow(cells);
    }
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1]!.id);
  }
  styleHeader(sheet, columns.length);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The catalogue headers. */
export const CATALOGUE_HEADERS = ['分类路径', '分类名称', '层级', '对应条例第二十条事项', '排序', '状态'] as const;

/** The agency's catalogue tree as an XLSX workbook: one row per node in tree order, with its path and Art. 20 item. */
export async function exportCatalogueXlsx(db: Kysely<Database>, agencyId: number): Promise<Buffer> {
  const agency = await findImportAgency(db, agencyId);
  if (!agency) throw new NotFoundError(`找不到编号为 ${agencyId} 的机关。`);
  const nodes = await catalogueWithPaths(db, agencyId);
  const book = new ExcelJS.Workbook();
  book.creator = 'Gongkai';
  const sheet = book.addWorksheet('主动公开基本目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [40, 24, 6, 50, 6, 8];
  sheet.columns = CATALOGUE_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: widths[i] }));
  for (const node of nodes) {
    sheet.addRow([
      node.path.join('/'), node.name, node.path.length,
      // 条例 Art. 20: the proactive category a node is tied to, （一）…（十五）.
      node.art20Item === null ? '' : ART20_ITEMS[node.art20Item] ?? node.art20Item,
      node.position, node.archived ? '已停用' : node.hidden ? '上级已停用' : '使用中',
    ]);
  }
  styleHeader(sheet, CATALOGUE_HEADERS.length);
  return Buffer.from(await book.xlsx.writeBuffer());
}
