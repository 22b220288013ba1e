/**
 * Results of the consistency checks (勾稽关系) of an annual report, and the helpers that build
 * their evidence: every result names the cells involved with their official labels, so a person
 * sees at once what is wrong and where.
 */
import type { TableId } from '../format/format-types.js';
import { cellDef, type CellDef } from '../format/registry.js';
import type { FormatDefinition } from '../format/format-types.js';
import { isWritten, type CellValue } from '../report/report-model.js';

/** A cell named as evidence of a result. `row`/`column` are the interchange label paths (read-only). */
export interface CheckCell {
  key: string;
  table: TableId;
  row: string[];
  column: string[];
  value: CellValue;
  side?: 'left' | 'right';
  of: 'current' | 'previous';
}

/** One check outcome. `expression` reads as a Chinese equation with the names and the numbers. */
export interface CheckResult {
  id: string;
  ruleId: string;
  severity: 'error' | 'warning';
  status: 'pass' | 'fail' | 'skipped';
  title: string;
  expression: string;
  left: number | null;
  right: number | null;
  message?: string;
  cells: CheckCell[];
  /** The equation with names only, e.g. 一（自然人） + 二（自然人） = （七）总计（自然人） + 四（自然人）. */
  equation?: string;
  /** The equation with the numbers, e.g. 3 + 1 ≠ 2 + 1 (blank cells shown as 空白). */
  values?: string;
}

/** All results of one report; `ok` = no hard failure (a report with one must not be submitted). */
export interface CheckReport {
  results: CheckResult[];
  hardFailures: number;
  warnings: number;
  ok: boolean;
}

/** Compares with a small epsilon so decimal sums (165.51 + …) compare as written. */
export const EPSILON = 1e-6;

/** Builds an evidence entry for a cell of a format. */
export function evidence(
  def: CellDef,
  value: CellValue | undefined,
  of: 'current' | 'previous',
  side?: 'left' | 'right',
): CheckCell {
  const cell: CheckCell = { key: def.key, table: def.table, row: def.rowPath, column: def.columnPath, value: value ?? null, of };
  if (side) cell.side = side;
  return cell;
}

/** Looks a cell of a format up, failing loudly: a rule naming an unknown cell is a format bug. */
export function requireCell(format: FormatDefinition, key: string): CellDef {
  const def = cellDef(format, key);
  if (!def) throw new Error(`格式 ${format.id} 没有单元格 ${key}`);
  return def;
}

/** Short readable name of a cell: 一（自然人）, 行政复议总计, 行政许可（本年增/减）. */
export function shortName(def: CellDef): string {
  return def.row.short ? `${def.row.short}（${def.column.short}）` : def.column.short;
}

/** Long readable place of a cell for messages: 表三“…”行“…”列. */
export function placeName(table: TableId, row: readonly string[], column: readonly string[]): string {
  const r = row.length ? `“${row.join(' › ')}”行` : '';
  return `表${table}${r}“${column.join(' › ')}”列`;
}

/** How a value reads in a numeric expression: blank as 空白, placeholders as written. */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '空白';
  if (typeof value === 'number') return formatNumber(value);
  if (isWritten(value)) return `“${value.written}”`;
  return formatNumber(value.amount);
}

/** Prints a number without floating-point noise (165.51 + 0.1 → 165.61). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
