/**
 * Views of a ParseResult shared by the CLI, the audit writers and the API: one audit row per
 * report, where a cell was read in words, the problems worth a person's attention (failed checks,
 * cells that could not be read) with their evidence, and the JSON answer.
 */
import type { CheckCell } from '../core/checks/check-types.js';
import { toInterchange } from '../core/interchange/to-interchange.js';
import type { CellReading, CellStatus, ParseResult } from '../core/parse/parse-types.js';
import type { SourcePlace } from '../core/parse/source-types.js';
import { isAmount, isWritten, type CellValue } from '../core/report/report-model.js';

/** One row of an audit: a report file and what reading and checking it found. */
export interface AuditRow {
  file: string;
  sourceType: ParseResult['sourceType'];
  agency: string | null;
  year: number | null;
  format: string | null;
  hardFailures: number | null;
  warnings: number | null;
  /** Cells left blank in the report (a blank is not a 0). */
  blanks: number | null;
  /** Cells that could not be read: unreadable, ambiguous (run-together) or missing. */
  unreadable: number | null;
  /** Lowest confidence of the statistical tables, 0..1. */
  confidence: number | null;
  error: string | null;
}

/** One problem of a report for the audit's problem list. */
export interface AuditProblem {
  file: string;
  /** 'check': a failed rule; 'cell': a cell not read; 'file': the file could not be read. */
  kind: 'check' | 'cell' | 'file';
  ruleId: string;
  severity: 'error' | 'warning';
  title: string;
  expression: string;
  values: string;
  /** Each cell involved: its labels, its value and where it was read. */
  cells: string[];
  message: string;
}

const UNREAD: ReadonlySet<CellStatus> = new Set(['unreadable', 'ambiguous', 'missing']);

/** Whether a cell reading is one the audit reports as not read. */
export const isUnread = (cell: CellReading): boolean => UNREAD.has(cell.status);

/** The audit row of a result. */
export function parseResultSummary(result: ParseResult): AuditRow {
  const report = result.report;
  const count = (test: (c: CellReading) => boolean) => (report ? result.cells.filter(test).length : null);
  const found = result.tables.map((t) => t.confidence);
  return {
    file: result.fileName ?? '',
    sourceType: result.sourceType,
    agency: report ? report.agency.name || null : null,
    year: report ? report.year : null,
    format: result.format,
    hardFailures: result.checks ? result.checks.hardFailures : null,
    warnings: result.checks ? result.checks.warnings : null,
    blanks: count((c) => c.status === 'blank'),
    unreadable: count(isUnread),
    confidence: report && found.length ? Math.min(...found) : null,
    error: result.error,
  };
}

/** Where something was read, in words: 第 12 行；第 2 页；第 1 个表格第 3 行第 2 列. */
export function describeSourcePlace(where: SourcePlace | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.page !== undefined) parts.push(`第 ${where.page} 页`);
  if (where.line !== undefined) parts.push(`第 ${where.line} 行`);
  if (where.table !== undefined) {
    let t = `第 ${where.table} 个表格`;
    if (where.row !== undefined) t += `第 ${where.row} 行`;
    if (where.column !== undefined) t += `第 ${where.column} 列`;
    parts.push(t);
  }
  return parts.join('，');
}

/** A cell value in words: 空白, 12, 165.51万元, “/”（符号）. */
export function valueWords(value: CellValue): string {
  if (value === null) return '空白';
  if (typeof value === 'number') return String(value);
  if (isAmount(value)) return `${value.amount}${value.unit ?? ''}`;
  if (isWritten(value)) return `“${value.written}”（符号）`;
  return String(value);
}

/** The labels of a cell: 表三“一、本年新收…”行“总计”列. */
export function cellLabel(cell: { table: string; row: readonly string[]; column: readonly string[] }): string {
  const row = cell.row.length ? `“${cell.row.join(' › ')}”行` : '';
  return `表${cell.table}${row}“${cell.column.join(' › ')}”列`;
}

const STATUS_TITLES: Record<string, { title: string; ruleId: string }> = {
  unreadable: { title: '单元格内容无法识别为数字', ruleId: 'cell:unreadable' },
  ambiguous: { title: '连在一起的数字有多种拆分，无法确定', ruleId: 'cell:ambiguous' },
  missing: { title: '未找到单元格', ruleId: 'cell:missing' },
};

/** What a cell reading says about itself: the raw text, the candidates, the note. */
export function cellReadingDetail(cell: CellReading): string {
  const parts: string[] = [];
  if (cell.raw !== null && cell.raw.trim() !== '') parts.push(`原文“${cell.raw.trim()}”`);
  if (cell.candidates?.length) parts.push(`可能的拆分：${cell.candidates.map((c) => c.join('|')).join('；')}`);
  if (cell.note) parts.push(cell.note);
  return parts.join('；');
}

/** A check's cell with its value and, when known, where it was read. */
function checkCellText(cell: CheckCell, places: Map<string, CellReading>): string {
  const year = cell.of === 'previous' ? '上一年度' : '';
  const side = cell.side === 'left' ? '（左边）' : cell.side === 'right' ? '（右边）' : '';
  const read = cell.of === 'current' ? describeSourcePlace(places.get(cell.key)?.where) : '';
  return `${year}${cellLabel(cell)}：${valueWords(cell.value)}${side}${read ? `（读自${read}）` : ''}`;
}

/** Every problem of a result: the file error, each failed check (hard and soft), each cell not read. */
export function resultProblems(result: ParseResult): AuditProblem[] {
  const file = result.fileName ?? '';
  if (result.error) {
    return [{ file, kind: 'file', ruleId: 'file', severity: 'error', title: '文件无法作为年度报告读取', expression: '', values: '', cells: [], message: result.error }];
  }
  const places = new Map(result.cells.map((c) => [c.key, c]));
  const problems: AuditProblem[] = [];
  for (const r of result.checks?.results ?? []) {
    if (r.status !== 'fail') continue;
    const values = r.values ?? '';
    problems.push({
      file, kind: 'check', ruleId: r.id, severity: r.severity, title: r.title,
      expression: r.equation ?? r.expression, values, cells: r.cells.map((c) => checkCellText(c, places)), message: r.message ?? '',
    });
  }
  for (const cell of result.cells) {
    if (!isUnread(cell)) continue;
    const what = STATUS_TITLES[cell.status]!;
    const where = describeSourcePlace(cell.where);
    problems.push({
      file, kind: 'cell', ruleId: what.ruleId, severity: 'warning', title: what.title, expression: '', values: '',
      cells: [`${cellLabel(cell)}${where ? `（${cell.status === 'missing' ? '约在' : '读自'}${where}）` : ''}`],
      message: cellReadingDetail(cell),
    });
  }
  return problems;
}

/** The JSON answer for a result: the report as interchange JSON, the checks and the diagnostics. */
export function parseResultJson(result: ParseResult) {
  return {
    fileName: result.fileName ?? null,
    sourceType: result.sourceType,
    error: result.error,
    format: result.format,
    detection: result.detection,
    report: result.report ? toInterchange(result.report) : null,
    /** The page a crawled report came from (标题, 原文链接, 发布时间, 栏目, 文号, 发布机构), when its header said. */
    source: result.source ?? null,
    checks: result.checks,
    diagnostics: { cells: result.cells, tables: result.tables, narrative: result.narrative, notes: result.notes },
  };
}
