/**
 * Importing an agency's matter list from a spreadsheet (issue 12: many agencies keep it in Excel today): every row is
 * checked first (the same rules as the editor: src/core/matters/matter.ts; themes and offices against the lists in
 * force); then, in the caller's ONE transaction, a new code becomes a new matter (version 1, a draft) and a known code
 * a new version of its matter (a draft again): nothing imported is public before it has been through the review
 * chain. One event records the batch (file, counts). A refused row stops the import unless the caller asks to skip
 * refused rows; a file that cannot be read stops it always (400).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { MATTER_FIELD_NAMES, validateMatter, type Matter } from '../core/matters/matter.js';
import { AUDIENCES, type Audience } from '../core/matters/matter-lists.js';
import type { Database } from '../db/schema.js';
import { requireTransaction } from '../db/transaction.js';
import { findAgencyRow } from '../agencies/agency.repository.js';
import { insertDisclosureEvent } from '../disclosure/review.repository.js';
import { matterInputOfRow, MATTER_COLUMNS, type MatterImportProblem } from './matter-columns.js';
import type { ParsedMatterFile } from './matter-import-read.js';
import { listMatterOffices, listMatterThemes, versionColumns } from './matter.repository.js';

/** How to import. */
export interface MatterImportOptions {
  agencyId: number;
  fileName: string;
  /** Import the good rows even if some are refused (default: any refusal imports nothing). */
  skipRefused?: boolean;
  /** Check only; store nothing. */
  dryRun?: boolean;
  /** Called as rows are stored (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The report of an import. */
export interface MatterImportReport {
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  stored: boolean;
  dryRun: boolean;
  refusedRows: number;
  refused: MatterImportProblem[];
  warnings: MatterImportProblem[];
  message: string;
}

const UNDER_REVIEW: readonly string[] = ['first-review', 'secrecy-review', 'sign-off', 'approved'];
const CHUNK = 400;

/** The header of a field path (for the report's column). */
function columnOf(field: string | undefined): string {
  const top = (field ?? '').split('.')[0]!;
  const col = MATTER_COLUMNS.find((c) => c.key === top || c.key === `flag:${field?.split('.')[1]}`);
  return col?.header ?? MATTER_FIELD_NAMES[top] ?? '';
}

/** Imports a read matter file into the agency (inside the caller's transaction). */
export async function importMatters(
  trx: Kysely<Database>, clock: Clock, parsed: ParsedMatterFile, options: MatterImportOptions, actor: Actor,
): Promise<MatterImportReport> {
  requireTransaction(trx, '导入事项清单');
  if (parsed.fileProblems.length > 0) {
    throw new ValidationError(parsed.fileProblems.map((p) => p.message).join('；'), { field: 'file' });
  }
  if (!(await findAgencyRow(trx, options.agencyId))) throw new NotFoundError(`机关（编号 ${options.agencyId}）不存在`);
  const offices = new Set((await listMatterOffices(trx, options.agencyId)).map((o) => o.name));
  const themeRows = await listMatterThemes(trx);
  const themes = new Set(themeRows.map((t) => `${t.audience}:${t.code}`));
  const themeByText = new Map<string, string>();
  for (const t of themeRows) {
    const key = `${t.audience}:${t.code}`;
    const audience = AUDIENCES[t.audience as Audience];
    for (const text of [key, `${audience}-${t.name}`, `${audience}：${t.name}`, `${audience}:${t.name}`, `${audience}/${t.name}`]) themeByText.set(text, key);
  }
  const existing = new Map((await trx.selectFrom('matters').select(['id', 'code', 'state', 'version', 'name']).where('agency_id', '=', options.agencyId).execute()).map((m) => [m.code, m]));

  const refused: MatterImportProblem[] = [];
  const good: Array<{ row: number; matter: Matter }> = [];
  const seenCodes = new Map<string, number>();
  for (const { row, cells } of parsed.rows) {
    const { input, themeTexts } = matterInputOfRow(cells);
    const problems: MatterImportProblem[] = [];
    const themeKeys: string[] = [];
    for (const text of themeTexts) {
      const key = themeByText.get(text.replace(/\s+/g, ''));
      if (key) themeKeys.push(key);
      else problems.push({ row, column: '主题分类', message: `第 ${row} 行：主题分类“${text}”不是已登记的主题分类（应如“自然人-生育收养”或“legal:005”）` });
    }
    let matter: Matter | null = null;
    try {
      matter = validateMatter({ ...input, themes: themeKeys.length > 0 || themeTexts.length === 0 ? themeKeys : ['-'] }, { offices, themes });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const p of e.details.problems ?? [{ message: e.message, place: e.details.place }]) {
        // A theme already named above is not named twice.
        if (p.place?.field === 'themes' && problems.length > 0) continue;
        problems.push({ row, column: columnOf(p.place?.field), message: `第 ${row} 行：${p.message}` });
      }
    }
    if (matter) {
      const first = seenCodes.get(matter.code);
      if (first !== undefined) problems.push({ row, column: '事项编码', message: `第 ${row} 行：事项编码“${matter.code}”与第 ${first} 行重复` });
      else seenCodes.set(matter.code, row);
      const known = existing.get(matter.code);
      if (known && UNDER_REVIEW.includes(known.state)) {
        problems.push({ row, column: '事项编码', message: `第 ${row} 行：事项“${known.name}”正在审核，审核期间不能导入新版本` });
      }
    }
    if (problems.length > 0 || !matter) refused.push(...problems);
    else good.push({ row, matter });
  }
  const refusedRows = new Set(refused.map((p) => p.row)).size;
  const report = (stored: boolean, created: number, updated: number, message: string): MatterImportReport => ({
    fileName: options.fileName, rows: parsed.rows.length, created, updated, stored, dryRun: !!options.dryRun, refusedRows, refused,
    warnings: parsed.warnings, message,
  });
  const toCreate = good.filter((g) => !existing.has(g.matter.code));
  const toUpdate = good.filter((g) => existing.has(g.matter.code));
  if (refusedRows > 0 && !options.skipRefused) {
    return report(false, 0, 0, `共 ${parsed.rows.length} 行，其中 ${refusedRows} 行有误，未导入任何事项；请修改后重新导入，或选择只导入无误的行。`);
  }
  if (options.dryRun) {
    return report(false, toCreate.length, toUpdate.length, `检查完毕：可新增 ${toCreate.length} 项、更新 ${toUpdate.length} 项${refusedRows ? `，${refusedRows} 行有误` : ''}（未保存）。`);
  }
  if (good.length === 0) throw new ConflictError('没有可导入的事项：每一行都有错误', 'NOTHING_TO_IMPORT');

  const at = clock();
  const total = good.length;
  let done = 0;
  for (let i = 0; i < toCreate.length; i += CHUNK) {
    const chunk = toCreate.slice(i, i + CHUNK);
    const ids = await trx.insertInto('matters').values(chunk.map(({ matter }) => ({
      agency_id: options.agencyId, code: matter.code, name: matter.name, state: 'draft', version: 1, published_version: null,
      drafter_id: actor.id, origin: 'import', created_at: at, updated_at: at,
    }))).returning(['id', 'code']).execute();
    const idOf = new Map(ids.map((r) => [r.code, Number(r.id)]));
    await trx.insertInto('matter_versions').values(chunk.map(({ matter }) => ({
      matter_id: idOf.get(matter.code)!, version: 1, content: JSON.stringify(matter), ...versionColumns(matter),
      created_at: at, created_by: actor.name, created_by_id: actor.id, published_on: null,
    }))).execute();
    done += chunk.length;
    options.onProgress?.(done, total);
  }
  for (const { matter } of toUpdate) {
    const known = existing.get(matter.code)!;
    const version = known.version + 1;
    await trx.insertInto('matter_versions').values({
      matter_id: known.id, version, content: JSON.stringify(matter), ...versionColumns(matter),
      created_at: at, created_by: actor.name, created_by_id: actor.id, published_on: null,
    }).execute();
    const r = await trx.updateTable('matters').set({ version, name: matter.name, state: 'draft', updated_at: at })
      .where('id', '=', known.id).where('version', '=', known.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError(`事项“${known.name}”已被他人修改，请重新导入`, 'STALE_VERSION');
    done += 1;
    if (done % CHUNK === 0 || done === total) options.onProgress?.(done, total);
  }
  await insertDisclosureEvent(trx, {
    agency_id: options.agencyId, subject_kind: 'matter-import', subject_id: 0, type: 'imported',
    data: { fileName: options.fileName, rows: parsed.rows.length, created: toCreate.length, updated: toUpdate.length, refusedRows },
    actor: actor.name, actor_id: actor.id, at,
  });
  return report(true, toCreate.length, toUpdate.length,
    `已导入：新增 ${toCreate.length} 项、更新 ${toUpdate.length} 项（均为草稿，须经审核后发布）${refusedRows ? `；${refusedRows} 行有误，未导入` : ''}。`);
}
