/**
 * Importing an agency's items published before the platform (issue 9 Deliver 10): every row is checked first
 * (item-import-validate.ts); then, in the caller's ONE transaction, the items are stored as published (origin
 * 'imported', version 1 = published version 1, with their snapshot), each with its publication on the portal on its
 * original 发布日期, and one event for the batch naming the file and the counts. A refused row stops the import
 * unless the caller asks to skip refused rows; a file that cannot be read stops it always.
 *
 * 索引号: a number given in the file is kept (if free); the others come from the agency's template and its yearly
 * sequence (the year of 发布日期), moved past every number of that year already used — imported or not — so
 * numbers the platform hands out later never collide with imported ones.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNo, parseIndexNo, validateIndexTemplate } from '../core/disclosure/index-number.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { requireTransaction } from '../db/transaction.js';
import type { ItemRow, NewItemRow } from './disclosure.table.js';
import type { ImportProblem, ParsedItemFile } from './item-import-read.js';
import {
  docNoCounts, findImportAgency, highestIndexSeqs, indexScope, insertEvent, insertItems, insertItemVersions, insertPublications,
  liveCategories, reserveNumbers, takenIndexNos, type ImportAgency,
} from './item-import.repository.js';
import { validateRows, type ImportItem } from './item-import-validate.js';
import { indexImportedItems } from './item-search.js';
import { chinaDay, fieldsOf, type ItemSnapshot } from './item-drafting.js';

/** How to import. */
export interface ItemImportOptions {
  agencyId: number;
  /** The file's name, recorded in the event and used in messages. */
  fileName: string;
  /** Import the good rows even if some are refused (default: any refusal imports nothing). */
  skipRefused?: boolean;
  /** Check only; store nothing. */
  dryRun?: boolean;
  /** Called as rows are stored (done, total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** The report of an import. */
export interface ItemImportReport {
  fileName: string;
  /** Data rows read from the file. */
  rows: number;
  /** Items stored (or, in a dry run, that would be). */
  imported: number;
  /** Whether anything was stored. */
  stored: boolean;
  dryRun: boolean;
  /** Rows refused (a row may have several refusals). */
  refusedRows: number;
  refused: ImportProblem[];
  warnings: ImportProblem[];
  /** The first and last 索引号 stored, for the summary. */
  indexNos: { first: string; last: string } | null;
  /** The outcome in one Chinese sentence. */
  message: string;
}

/** China's date (UTC+8, no daylight saving) of an ISO instant. */

/** The message telling how to give an agency its 统一社会信用代码. */
export function creditCodeMissing(agency: { id: number; name: string }): string {
  return `机关“${agency.name}”尚未设置统一社会信用代码，无法按索引号模板生成索引号。请先在该机关的政务公开设置中填写`
    + `（命令行：gongkai item set-code --agency ${agency.id} --code <18 位统一社会信用代码>），或在文件的“索引号”列为每一行填写索引号。`;
}

function messageOf(report: Omit<ItemImportReport, 'message'>): string {
  const extra = [
    report.refusedRows > 0 ? `${report.refusedRows} 行被拒绝` : '',
    report.warnings.length > 0 ? `${report.warnings.length} 条提示` : '',
  ].filter(Boolean).join('，');
  const tail = extra ? `（${extra}）` : '';
  if (report.dryRun) return `试导入“${report.fileName}”：共 ${report.rows} 行，可导入 ${report.imported} 条${tail}；未保存任何数据。`;
  if (report.stored) return `已从“${report.fileName}”导入 ${report.imported} 条已发布的信息${tail}。`;
  if (report.rows === 0 && report.refused.length === 0) return `“${report.fileName}”中没有可导入的行，未导入任何信息。`;
  const problems = report.refusedRows > 0 ? `${report.refusedRows} 行被拒绝` : `${report.refused.length} 处问题`;
  return `“${report.fileName}”有 ${problems}${report.warnings.length ? `、${report.warnings.length} 条提示` : ''}，未导入任何信息；请修改后重新导入，或选择只导入无误的行。`;
}

/** Imports the rows of a read file into an agency, inside the caller's transaction. */
export async function importItems(
  db: Kysely<Database>, clock: Clock, parsed: ParsedItemFile, options: ItemImportOptions, actor: Actor,
): Promise<ItemImportReport> {
  requireTransaction(db, 'importItems');
  const agency = await findImportAgency(db, options.agencyId);
  if (!agency) throw new NotFoundError(`找不到编号为 ${options.agencyId} 的机关。`);
  const template = agency.indexTemplate ?? DEFAULT_INDEX_TEMPLATE;
  validateIndexTemplate(template);
  const dryRun = options.dryRun ?? false;
  const base = { fileName: options.fileName, rows: parsed.rows.length, dryRun };

  if (parsed.fileProblems.length > 0) {
    const report = { ...base, imported: 0, stored: false, refusedRows: 0, refused: parsed.fileProblems, warnings: parsed.warnings, indexNos: null };
    return { ...report, message: messageOf(report) };
  }

  const now = clock();
  const explicit = parsed.rows.map((r) => r.cells.indexNo?.normalize('NFKC').replace(/\s+/g, '')).filter((x): x is string => !!x);
  const [categories, taken, existingDocNos] = await Promise.all([
    liveCategories(db, agency.id), takenIndexNos(db, explicit), docNoCounts(db, agency.id),
  ]);
  const outcome = validateRows(parsed.rows, {
    today: chinaDay(now), categories, takenIndexNos: taken, existingDocNos, template, code: agency.creditCode ?? '',
  });
  const warnings = [...parsed.warnings, ...outcome.warnings];
  const needsCode = template.includes('{code}') && !agency.creditCode && outcome.items.some((i) => i.indexNo === null);
  if (needsCode) throw new ValidationError(creditCodeMissing(agency), { field: 'creditCode' });

  const blocked = outcome.refused.length > 0 && !options.skipRefused;
  if (dryRun || blocked || outcome.items.length === 0) {
    const report = {
      ...base, imported: blocked ? 0 : outcome.items.length, stored: false, refusedRows: outcome.refusedRows,
      refused: outcome.refused, warnings, indexNos: null,
    };
    return { ...report, message: messageOf(report) };
  }

  const indexNos = await assignIndexNos(db, agency, template, outcome.items);
  await refuseTakenGenerated(db, agency, indexNos.filter((no, k) => outcome.items[k]!.indexNo === null));
  const ids = await storeItems(db, agency, outcome.items, indexNos, now, actor, options.onProgress);
  const report = {
    ...base, imported: ids.length, stored: true, refusedRows: outcome.refusedRows, refused: outcome.refused, warnings,
    indexNos: { first: indexNos[0]!, last: indexNos[indexNos.length - 1]! },
  };
  // One event for the batch (not one per row): who imported which file, with what outcome, and which items.
  await insertEvent(db, {
    agencyId: agency.id, subjectKind: 'item-import', subjectId: agency.id, type: 'items-imported', actor: actor.name, actorId: actor.id, at: now,
    data: { fileName: options.fileName, rows: report.rows, imported: report.imported, refusedRows: report.refusedRows, warnings: warnings.length, itemIds: ids },
  });
  return { ...report, message: messageOf(report) };
}

/** The 索引号 of each item: its own, or the next of its 发布日期's year from the agency's sequence. */
async function assignIndexNos(db: Kysely<Database>, agency: ImportAgency, template: string, items: readonly ImportItem[]): Promise<string[]> {
  const code = agency.creditCode ?? '';
  const used = await highestIndexSeqs(db, agency.id, template, code);
  const wanted = new Map<number, number>();
  for (const item of items) {
    if (item.indexNo !== null) {
      const parts = parseIndexNo(template, item.indexNo);
      if (parts && parts.code === code) used.set(parts.year, Math.max(used.get(parts.year) ?? 0, parts.seq));
    } else {
      const year = Number(item.publishedOn.slice(0, 4));
      wanted.set(year, (wanted.get(year) ?? 0) + 1);
    }
  }
  const next = new Map<number, number>();
  // Years in ascending order: concurrent imports lock the sequence rows in the same order, so they wait, never deadlock.
  for (const year of [...new Set([...used.keys(), ...wanted.keys()])].sort((a, b) => a - b)) {
    next.set(year, await reserveNumbers(db, indexScope(agency.id, year), wanted.get(year) ?? 0, (used.get(year) ?? 0) + 1));
  }
  return items.map((item) => {
    if (item.indexNo !== null) return item.indexNo;
    const year = Number(item.publishedOn.slice(0, 4));
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    return formatIndexNo(template, { code, year, seq });
  });
}

/**
 * A generated 索引号 that another agency already has: two agencies with one 统一社会信用代码, or a template without
 * {code} and without a prefix of its own. Said before inserting (the unique index would only say "taken").
 */
async function refuseTakenGenerated(db: Kysely<Database>, agency: ImportAgency, generated: readonly string[]): Promise<void> {
  const taken = await takenIndexNos(db, generated);
  if (taken.size === 0) return;
  const first = generated.find((no) => taken.has(no))!;
  throw new ConflictError(`按本机关的索引号模板生成的索引号 ${first} 已被其他机关的信息使用（共 ${taken.size} 个），未导入任何信息。`
    + `请核对机关“${agency.name}”的统一社会信用代码和索引号模板。`, 'INDEX_NO_TAKEN');
}

/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

async function storeItems(
  db: Kysely<Database>, agency: ImportAgency, items: readonly ImportItem[], indexNos: readonly string[], now: string, actor: Actor,
  onProgress?: (done: number, total: number) => void,
): Promise<number[]> {
  const rows: NewItemRow[] = items.map((item, k) => ({
    agency_id: agency.id, index_no: indexNos[k]!, state: 'published', version: 1, published_version: 1,
    drafter_id: actor.id, drafter_name: actor.name, office: null, category_id: item.categoryId,
    title: item.title, summary: item.summary, issuer: item.issuer, doc_no: item.docNo,
    written_on: item.writtenOn, changed_on: item.writtenOn, due_on: null, published_on: item.publishedOn,
    theme: item.theme, keywords: item.keywords, disclosure: item.disclosure, body_html: item.bodyHtml, attachments: '[]',
    validity: item.validity, normative_kind: item.normativeKind, made_on: item.madeOn, amended_on: item.amendedOn, repealed_on: item.repealedOn,
    origin: 'imported', created_at: now, updated_at: now,
  }));
  let ids: number[];
  try {
    ids = await insertItems(db, rows, onProgress);
  } catch (e) {
    // Another import or a publication took one of these 索引号 after they were checked (a concurrent transaction).
    if (isUniqueViolation(e)) throw new ConflictError('导入期间有索引号被其他操作占用，本次未导入任何信息，请重新导入。', 'INDEX_NO_TAKEN');
    throw e;
  }
  await insertItemVersions(db, rows.map((row, k) => ({
    item_id: ids[k]!, version: 1, snapshot: JSON.stringify(snapshotOf(row)), created_at: now, created_by: actor.name, created_by_id: actor.id,
  })));
  await insertPublications(db, rows.map((row, k) => ({
    agency_id: agency.id, subject_kind: 'item', subject_id: ids[k]!, subject_version: 1, channel: 'portal',
    published_on: row.published_on!, published_at: now, actor: actor.name, actor_id: actor.id,
    withdrawn_at: null, withdrawn_by: null, withdrawn_by_id: null, withdrawal_reason: null,
  })));
  // On the portal from now on: searchable in the same transaction.
  await indexImportedItems(db, rows.map((row, k) => ({ id: ids[k]!, row: row as any })), now);
  return ids;
}

/**
 * The version's snapshot in the same shape the editor writes (ItemSnapshot of item-drafting.ts): the portal, the
 * search index and the version history read every version alike, imported or not.
 */
function snapshotOf(row: NewItemRow): ItemSnapshot {
  return { ...fieldsOf(row as ItemRow), attachments: [] };
}
