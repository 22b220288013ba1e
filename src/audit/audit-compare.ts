/**
 * Comparisons over the saved audits of the caller's agencies: one agency across years (every figure with its change
 * from the year before, and whether 上年结转 of each year equals 结转下年度继续办理 of the year before — the cross-year
 * rule of table 三) and many agencies in one year (the key figures side by side). The latest audited read of each
 * agency and year counts; the reads are selected by the database, the figures are the stored numeric cells.
 * Both as XLSX too.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { FormatDefinition } from '../core/format/format-types.js';
import { formatCells, formatForYear, getFormat, tableOf } from '../core/format/registry.js';
import { cellLabel } from '../parse/parse-summary.js';
import type { Database } from '../db/schema.js';
import { comparableReads } from './audit-batch.repository.js';
import type { AuditCompareAgency, AuditCompareYear } from './audit-batch-model.js';

type Q = Kysely<Database>;
type Figures = Record<string, number>;

/** Sum of the cells present; null when none is (blank is not 0). */
function sum(figures: Figures, keys: readonly string[]): number | null {
  const present = keys.filter((k) => typeof figures[k] === 'number');
  return present.length ? Number(present.reduce((s, k) => s + figures[k]!, 0).toFixed(6)) : null;
}

/** Keys of table 三's rows whose key starts with a prefix, in the total column. */
function rowsTotal(format: FormatDefinition, prefix: string): string[] {
  return tableOf(format, '三').blocks.flatMap((b) => b.rows.filter((r) => r.key === prefix || r.key.startsWith(`${prefix}-`)).map((r) => `三:${r.key}:total`));
}

/** The key figures of the year comparison: label and how each is computed from a report's cells. */
export const KEY_FIGURES: ReadonlyArray<{ key: string; label: string; keys: (format: FormatDefinition) => string[] }> = [
  { key: 'received', label: '本年新收申请', keys: () => ['三:received:total'] },
  { key: 'carried-in', label: '上年结转', keys: () => ['三:carried-in:total'] },
  { key: 'granted', label: '予以公开', keys: (f) => rowsTotal(f, 'r1') },
  { key: 'partial', label: '部分公开', keys: (f) => rowsTotal(f, 'r2') },
  { key: 'withheld', label: '不予公开', keys: (f) => rowsTotal(f, 'r3') },
  { key: 'unable', label: '无法提供', keys: (f) => rowsTotal(f, 'r4') },
  { key: 'not-processed', label: '不予处理', keys: (f) => rowsTotal(f, 'r5') },
  { key: 'other', label: '其他处理', keys: (f) => rowsTotal(f, 'r6') },
  { key: 'results-total', label: '办理结果总计', keys: () => ['三:r7:total'] },
  { key: 'carried-out', label: '结转下年度', keys: () => ['三:carried-out:total'] },
  { key: 'reconsideration', label: '行政复议总数', keys: () => ['四:all:reconsideration.total'] },
  { key: 'reconsideration-corrected', label: '行政复议纠正', keys: () => ['四:all:reconsideration.corrected'] },
  { key: 'litigation', label: '行政诉讼总数', keys: () => ['四:all:direct.total', '四:all:after.total'] },
  { key: 'litigation-corrected', label: '行政诉讼纠正', keys: () => ['四:all:direct.corrected', '四:all:after.corrected'] },
  { key: 'rules-issued', label: '规章制发', keys: (f) => [f.id === '2019' ? '二:rules:made' : '二:rules:issued'] },
  { key: 'normative-issued', label: '规范性文件制发', keys: (f) => [f.id === '2019' ? '二:normative:made' : '二:normative:issued'] },
];

/** The format of a read (its own, else the year's). */
function formatOf(format: string | null, year: number): FormatDefinition {
  if (format === '2019' || format === '2021') return getFormat(format);
  return formatForYear(year);
}

/** The latest read per group (the reads come newest first). */
function latestBy<T, K>(rows: readonly T[], key: (row: T) => K): T[] {
  const seen = new Map<K, T>();
  for (const row of rows) if (!seen.has(key(row))) seen.set(key(row), row);
  return [...seen.values()];
}

/** The row of table 三 with a role in a format. */
const roleRow = (format: FormatDefinition, role: 'carried-in' | 'carried-out') =>
  tableOf(format, '三').blocks[0]!.rows.find((r) => r.role === role)!;

/** One agency across years, from the latest audited read of each year in these agencies' batches. */
export async function compareAgency(db: Q, agencyIds: readonly number[], agencyName: string): Promise<AuditCompareAgency> {
  const reads = latestBy((await comparableReads(db, agencyIds, { agencyName })).filter((r) => r.year !== null), (r) => r.year!)
    .sort((a, b) => a.year! - b.year!);
  const years = reads.map((r) => r.year!);
  const figures = reads.map((r) => JSON.parse(r.figures) as Figures);
  const formats = reads.map((r) => formatOf(r.format, r.year!));
  // Every cell of the formats met, in the order of the latest year's format, then cells only older formats have.
  const defs = new Map<string, string>();
  for (const format of [...formats].reverse()) for (const c of formatCells(format)) if (!defs.has(c.key)) defs.set(c.key, cellLabel({ table: c.table, row: c.rowPath, column: c.columnPath }));
  const rows = [...defs].flatMap(([key, label]) => {
    const values = figures.map((f) => (typeof f[key] === 'number' ? f[key]! : null));
    if (values.every((v) => v === null)) return [];
    const changes = values.map((v, i) => {
      const before = i > 0 && years[i - 1] === years[i]! - 1 ? values[i - 1] : null;
      return v !== null && before !== null && before !== undefined ? Number((v - before).toFixed(6)) : null;
    });
    return [{ key, label, values, changes }];
  });
  const carryOver = reads.flatMap((read, i) => {
    if (i === 0 || years[i - 1] !== read.year! - 1) return [];
    const format = formats[i]!;
    const previous = formats[i - 1]!;
    const carriedIn = roleRow(format, 'carried-in');
    const carriedOut = roleRow(previous, 'carried-out');
    const columns = tableOf(format, '三').blocks[0]!.columns;
    const carried = columns.map((c) => {
      const key = `三:${carriedIn.key}:${c.key}`;
      return { key, label: `${carriedIn.path.join(' › ')}（${c.path.join(' › ')}）`, value: figures[i]![key] ?? null };
    });
    const expected = columns.map((c) => {
      const key = `三:${carriedOut.key}:${c.key}`;
      return { key, label: `${carriedOut.path.join(' › ')}（${c.path.join(' › ')}）`, value: figures[i - 1]![key] ?? null };
    });
    // As the checks do: a blank adds nothing (the mismatch of figures is what counts; blanks are findings of their own).
    const ok = carried.every((c, k) => (c.value ?? 0) === (expected[k]!.value ?? 0));
    return [{ year: read.year!, previousYear: years[i - 1]!, carried, expected, ok }];
  });
  return { agencyName, years, rows, carryOver };
}

/** Many agencies in one year: the key figures of the latest audited read of each agency. */
export async function compareYear(db: Q, agencyIds: readonly number[], year: number): Promise<AuditCompareYear> {
  const reads = latestBy((await comparableReads(db, agencyIds, { year })).filter((r) => r.agency_name), (r) => r.agency_name!)
    .sort((a, b) => a.agency_name!.localeCompare(b.agency_name!, 'zh-CN'));
  return {
    year,
    columns: KEY_FIGURES.map(({ key, label }) => ({ key, label })),
    rows: reads.map((r) => {
      const format = formatOf(r.format, year);
      const figures = JSON.parse(r.figures) as Figures;
      return { agencyName: r.agency_name!, fileId: r.file_id, values: Object.fromEntries(KEY_FIGURES.map((k) => [k.key, sum(figures, k.keys(format))])) };
    }),
  };
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Array<Array<string | number | null>>, widths: number[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] ?? 12 }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  return sheet;
}

/** The agency comparison as a workbook: 数据 (values and changes per year), 结转衔接. */
export async function compareAgencyXlsx(data: AuditCompareAgency): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai 公开';
  const header = ['单元格', ...data.years.map((y) => `${y} 年度`), ...data.years.slice(1).map((y) => `${y} 年度增减`)];
  sheetOf(workbook, '数据', header, data.rows.map((r) => [r.label, ...r.values, ...r.changes.slice(1)]), [70]);
  sheetOf(workbook, '结转衔接', ['年度', '上一年度', '本年度“上年结转”', '上年度“结转下年度继续办理”', '是否一致'],
    data.carryOver.flatMap((c) => c.carried.map((x, i) => [c.year, c.previousYear, `${x.label}：${x.value ?? '空白'}`, `${c.expected[i]!.label}：${c.expected[i]!.value ?? '空白'}`, x.value === c.expected[i]!.value ? '一致' : '不一致'])),
    [8, 10, 50, 50, 10]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The year comparison as a workbook: one row per agency. */
export async function compareYearXlsx(data: AuditCompareYear): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai 公开';
  sheetOf(workbook, `${data.year} 年度`, ['机关', ...data.columns.map((c) => c.label)],
    data.rows.map((r) => [r.agencyName, ...data.columns.map((c) => r.values[c.key] ?? null)]), [36]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
