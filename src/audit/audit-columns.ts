/**
 * The columns of the audit's two views — one row per report, one row per problem — with their
 * Chinese headers, shared by the spreadsheet, CSV and HTML writers so all three say the same.
 */
import type { FormatId } from '../core/format/format-types.js';
import { getFormat } from '../core/format/registry.js';
import { SOURCE_TYPE_NAMES } from '../parse/parse-file.js';
import type { AuditProblem, AuditRow } from '../parse/parse-summary.js';

/** A column: header, value of a row (number, text or empty), width in characters for the spreadsheet. */
export interface AuditColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  width: number;
  /** Numbers are right-aligned in HTML; percentages are shown as such. */
  kind?: 'number' | 'percent';
}

/** The format's short name: 2019 格式（试行）, 2021 格式. */
export function formatLabel(id: string | null): string {
  if (!id) return '';
  try {
    return `${id} 格式${getFormat(id as FormatId).name.includes('（试行）') ? '（试行）' : ''}`;
  } catch {
    return id;
  }
}

/** The confidence as a whole percentage (0.875 → 88%), empty when unknown. */
export function percent(value: number | null): string {
  return value === null ? '' : `${Math.round(value * 100)}%`;
}

/** Columns of the per-report view. */
export const REPORT_COLUMNS: Array<AuditColumn<AuditRow>> = [
  { header: '文件', value: (r) => r.file, width: 40 },
  { header: '文件类型', value: (r) => (r.sourceType ? SOURCE_TYPE_NAMES[r.sourceType] : ''), width: 16 },
  { header: '机关', value: (r) => r.agency, width: 30 },
  { header: '年度', value: (r) => r.year, width: 8, kind: 'number' },
  { header: '格式', value: (r) => formatLabel(r.format), width: 18 },
  { header: '错误（项）', value: (r) => r.hardFailures, width: 11, kind: 'number' },
  { header: '警告（项）', value: (r) => r.warnings, width: 11, kind: 'number' },
  { header: '空白单元格', value: (r) => r.blanks, width: 11, kind: 'number' },
  { header: '未能读取的单元格', value: (r) => r.unreadable, width: 17, kind: 'number' },
  { header: '置信度（最低）', value: (r) => r.confidence, width: 14, kind: 'percent' },
  { header: '读取错误', value: (r) => r.error, width: 50 },
];

const KIND_NAMES: Record<AuditProblem['kind'], string> = { check: '勾稽关系', cell: '单元格读取', file: '文件读取' };

/** Severity in words. */
export const severityName = (p: AuditProblem) => (p.severity === 'error' ? '错误' : '警告');

/** Columns of the per-problem view. */
export const PROBLEM_COLUMNS: Array<AuditColumn<AuditProblem>> = [
  { header: '文件', value: (p) => p.file, width: 36 },
  { header: '严重程度', value: severityName, width: 9 },
  { header: '类别', value: (p) => KIND_NAMES[p.kind], width: 11 },
  { header: '规则编号', value: (p) => p.ruleId, width: 26 },
  { header: '问题', value: (p) => p.title, width: 36 },
  { header: '表达式', value: (p) => p.expression, width: 44 },
  { header: '数值', value: (p) => p.values, width: 24 },
  { header: '所涉单元格（标签、数值、读取位置）', value: (p) => p.cells.join('\n'), width: 70 },
  { header: '说明', value: (p) => p.message, width: 50 },
];

/** A column's value as text (percent as 88%, empty for null). */
export function cellText<T>(column: AuditColumn<T>, row: T): string {
  const v = column.value(row);
  if (v === null || v === undefined) return '';
  if (column.kind === 'percent' && typeof v === 'number') return percent(v);
  return String(v);
}

/** Counts for the summary line of every output. */
export function auditTotals(rows: readonly AuditRow[]) {
  const read = rows.filter((r) => r.error === null);
  return {
    files: rows.length,
    read: read.length,
    failed: rows.length - read.length,
    withErrors: read.filter((r) => (r.hardFailures ?? 0) > 0).length,
    withUnread: read.filter((r) => (r.unreadable ?? 0) > 0).length,
  };
}

/** The audit's summary in one sentence. */
export function totalsSentence(rows: readonly AuditRow[]): string {
  const t = auditTotals(rows);
  return `共 ${t.files} 个文件：读取 ${t.read} 个，无法读取 ${t.failed} 个；存在勾稽关系错误的报告 ${t.withErrors} 份，有未能读取单元格的报告 ${t.withUnread} 份。`;
}
