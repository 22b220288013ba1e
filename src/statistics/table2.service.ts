/**
 * Table 二 (主动公开政府信息情况, 条例 Art. 20) of an agency's year: block （一） (规章 and 行政规范性文件) is
 * counted by the database from the items as of a day; the other blocks (（五）许可, （六）处罚/强制, （八）收费 …)
 * are entered per year as counts with their source (append-only, the latest entry at or before the as-of day
 * counts). Both come together here, for the API, the CLI and filling a report.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { ValidationError } from '../core/errors.js';
import { cellKey, splitCellKey } from '../core/format/cell-key.js';
import type { FormatDefinition, FormatId } from '../core/format/format-types.js';
import { cellDef, formatCells, formatForYear, getFormat, type CellDef } from '../core/format/registry.js';
import { isValidDate } from '../core/report/dates.js';
import type { CellValue } from '../core/report/report-model.js';
import type { Database } from '../db/schema.js';
import { insertArt20Count, listArt20Counts, type Art20CountRow } from './art20-counts.repository.js';
import {
  countNormative, listNormativeItems, type NormativeItemRow, type NormativeMeasure, type NormativePeriod,
} from './normative-counts.repository.js';

type Q = Kysely<Database>;

/**
 * What each table 二 （一） column counts, per format (条例 Art. 20 (一)). 2021: 本年制发 / 本年废止 / 现行有效;
 * 2019: 本年新制作 / 本年新公开 (first published in the year) / 对外公开总数量 (public by the as-of day).
 */
const COMPUTED_COLUMNS: Readonly<Record<FormatId, Readonly<Record<string, NormativeMeasure>>>> = {
  '2021': { issued: 'made', repealed: 'repealed', 'in-force': 'in-force' },
  '2019': { made: 'made', published: 'published', total: 'public' },
};

/** Table 二 （一） rows → items.normative_kind. */
const COMPUTED_ROWS: Readonly<Record<string, 'rule' | 'normative'>> = { rules: 'rule', normative: 'normative' };

/** The block whose cells the database computes. */
const COMPUTED_BLOCK = 'art20-1';

/** Whether a table 二 cell of the format is computed from the items (not entered). */
export function isComputedCell(format: FormatDefinition, key: string): boolean {
  const def = cellDef(format, key);
  return !!def && def.table === '二' && def.block.key === COMPUTED_BLOCK
    && COMPUTED_ROWS[def.row.key] !== undefined && COMPUTED_COLUMNS[format.id][def.column.key] !== undefined;
}

/**
 * The year, its format and the as-of day, checked (a Chinese message naming the field). The as-of day may lie
 * after the year (a report is filled in January): dated events count up to the earlier of it and 31 December,
 * entered counts as entered by the end of it.
 */
export function table2Period(agencyId: number, year: number, asOf?: string, format?: FormatId): { period: NormativePeriod; format: FormatDefinition; asOf: string } {
  if (!Number.isInteger(year)) throw new ValidationError(`统计年度“${String(year)}”无效`, { field: 'year' });
  const f = format ? getFormat(format) : formatForYear(year);
  const end = `${year}-12-31`;
  const day = asOf ?? end;
  if (!isValidDate(day) || day < `${year}-01-01`) {
    throw new ValidationError(`统计截止日期“${day}”无效，应为 ${year} 年 1 月 1 日或以后的日期（YYYY-MM-DD）`, { field: 'asOf' });
  }
  return { period: { agencyId, start: `${year}-01-01`, asOf: day < end ? day : end }, format: f, asOf: day };
}

/** The end of the as-of day in China (UTC+8) as an ISO timestamp: entries made before it count. */
export function endOfChinaDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
}

/** Table 二 （一） computed from the items: every computed cell of the format (0 where nothing counts). */
export async function computedTable2(db: Q, agencyId: number, year: number, asOf?: string, format?: FormatId): Promise<{ format: FormatId; asOf: string; cells: Record<string, number> }> {
  const { period, format: f, asOf: day } = table2Period(agencyId, year, asOf, format);
  const columns = COMPUTED_COLUMNS[f.id];
  const counts = await countNormative(db, period, [...new Set(Object.values(columns))]);
  const cells: Record<string, number> = {};
  for (const [row, kind] of Object.entries(COMPUTED_ROWS)) {
    for (const [column, m] of Object.entries(columns)) {
      cells[cellKey('二', row, column)] = counts.find((c) => c.kind === kind)?.counts[m] ?? 0;
    }
  }
  return { format: f.id, asOf: day, cells };
}

/** An item behind a table 二 （一） cell. */
export interface NormativeItem {
  id: number;
  /** 索引号 (null for an imported item that has none). */
  indexNo: string | null;
  title: string;
  /** 文号. */
  docNo: string | null;
  /** 制发日期 (made_on, or the 成文日期 when it is missing). */
  madeOn: string;
  repealedOn: string | null;
  validity: string;
  publishedOn: string | null;
  origin: string;
}

const toItem = (r: NormativeItemRow): NormativeItem => ({
  id: r.id, indexNo: r.index_no, title: r.title, docNo: r.doc_no, madeOn: r.made_on, repealedOn: r.repealed_on,
  validity: r.validity, publishedOn: r.published_on, origin: r.origin,
});

/** The items behind one computed cell (drill-down): as many as the cell's figure; with the format they were counted in. */
export async function normativeCellItems(db: Q, agencyId: number, year: number, key: string, asOf?: string, format?: FormatId): Promise<{ format: FormatId; items: NormativeItem[] }> {
  const { period, format: f } = table2Period(agencyId, year, asOf, format);
  if (!isComputedCell(f, key)) {
    throw new ValidationError(`单元格“${key}”不是 ${f.id} 年格式表二第二十条第（一）项由数据统计的单元格`, { field: 'cell' });
  }
  const { row, column } = splitCellKey(key);
  return { format: f.id, items: (await listNormativeItems(db, period, COMPUTED_ROWS[row]!, COMPUTED_COLUMNS[f.id][column]!)).map(toItem) };
}

/** An entered count as the API returns it. */
export interface Art20Entry {
  id: number;
  cell: string;
  /** The cell's official labels (row path, column path). */
  row: string[];
  column: string[];
  value: number;
  source: string;
  enteredAt: string;
  enteredBy: string;
}

const labelled = (format: FormatDefinition, r: Art20CountRow): Art20Entry => {
  const def = cellDef(format, r.cell);
  return {
    id: r.id, cell: r.cell, row: def ? [...def.rowPath] : [], column: def ? [...def.columnPath] : [],
    value: r.value, source: r.source, enteredAt: r.entered_at, enteredBy: r.entered_by,
  };
};

/** The table 二 cells of a format that are entered (not computed). */
export function enteredCells(format: FormatDefinition): CellDef[] {
  return formatCells(format).filter((c) => c.table === '二' && !isComputedCell(format, c.key));
}

const cellName = (def: CellDef) => `${def.rowPath.join('—')}“${def.columnPath.join('—')}”`;

/**
 * Appends an entered count (条例 Art. 20 other items). Refused with a Chinese message naming the cell:
 * a cell that is not in table 二 of the year's format, a cell the database computes, a negative value (only
 * 2019's 本年增/减 may be negative), a fraction in a count, or no source.
 */
export async function enterArt20Count(
  db: Q, input: { agencyId: number; year: number; cell: string; value: number; source: string }, actor: Actor, now: string,
): Promise<Art20Entry> {
  if (!Number.isInteger(input.year)) throw new ValidationError(`年度“${String(input.year)}”无效`, { field: 'year' });
  const format = formatForYear(input.year);
  const def = cellDef(format, input.cell);
  if (!def || def.table !== '二') {
    throw new ValidationError(`单元格“${input.cell}”不是 ${input.year} 年度（${format.id} 年格式）表二的单元格`, { field: 'cell' });
  }
  if (isComputedCell(format, input.cell)) {
    throw new ValidationError(
      `表二${cellName(def)}由主动公开信息的数据统计得出，不能手工录入；请核对规章、行政规范性文件的制发、废止日期`, { field: 'cell' },
    );
  }
  const value = input.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(`表二${cellName(def)}的数值应为数字`, { field: 'value' });
  if (def.kind !== 'signed' && value < 0) throw new ValidationError(`表二${cellName(def)}的数值不能为负数（实际为 ${value}）`, { field: 'value' });
  if ((def.kind === 'count' || def.kind === 'signed') && !Number.isInteger(value)) {
    throw new ValidationError(`表二${cellName(def)}为件数，应为整数（实际为 ${value}）`, { field: 'value' });
  }
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source === '') throw new ValidationError(`请写明表二${cellName(def)}数值的来源（如 行政许可办件系统年度统计）`, { field: 'source' });
  const row = await insertArt20Count(db, {
    agency_id: input.agencyId, year: input.year, cell: input.cell, value, source,
    entered_at: now, entered_by: actor.name, entered_by_id: actor.id,
  });
  return labelled(format, row);
}

/**
 * The entered counts of an agency's year: per cell the latest entry made by the end of the as-of day (every
 * entry so far without one), and every entry up to then (the history).
 */
export async function art20Counts(db: Q, agencyId: number, year: number, asOf?: string): Promise<{ asOf: string | null; current: Art20Entry[]; history: Art20Entry[] }> {
  const { format } = table2Period(agencyId, year, asOf);
  const rows = await listArt20Counts(db, agencyId, year, asOf === undefined ? undefined : endOfChinaDay(asOf));
  const latest = new Map<string, Art20CountRow>();
  for (const r of rows) latest.set(r.cell, r);
  const order = new Map(formatCells(format).map((c, i) => [c.key, i]));
  const current = [...latest.values()].sort((a, b) => (order.get(a.cell) ?? 1e9) - (order.get(b.cell) ?? 1e9));
  return { asOf: asOf ?? null, current: current.map((r) => labelled(format, r)), history: rows.map((r) => labelled(format, r)) };
}

/** A report cell's value from an entered count: amounts (2019 采购总金额) in 万元, the rest as numbers. */
export function entryCellValue(format: FormatDefinition, key: string, value: number): CellValue {
  return cellDef(format, key)?.kind === 'amount' ? { amount: value, unit: '万元' } : value;
}
