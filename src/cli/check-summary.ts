/**
 * The readable Chinese summary `gongkai report check` prints: hard failures first with their
 * equation, both sides and every cell involved; then warnings, compact, with blank-cell warnings
 * summarised by table; then one line with the counts.
 */
import type { CheckCell, CheckReport, CheckResult } from '../core/checks/check-types.js';
import { isAmount, isWritten, type CellValue } from '../core/report/report-model.js';

/** Whether a result is about blank cells (summarised rather than listed one by one). */
export function isBlankCellResult(result: CheckResult): boolean {
  return result.ruleId === 'blank-cells';
}

function valueLabel(value: CellValue): string {
  if (value === null) return '空白';
  if (typeof value === 'number') return String(value);
  if (isAmount(value)) return `${value.amount}${value.unit ?? ''}`;
  if (isWritten(value)) return `“${value.written}”（符号，未计入合计）`;
  return String(value);
}

function cellLine(cell: CheckCell): string {
  const year = cell.of === 'previous' ? '上一年度' : '';
  const row = cell.row.length ? `“${cell.row.join(' › ')}”行` : '';
  const side = cell.side === 'left' ? '（左边）' : cell.side === 'right' ? '（右边）' : '';
  return `     · ${year}表${cell.table}${row}“${cell.column.join(' › ')}”列：${valueLabel(cell.value)}${side}`;
}

function numberText(n: number | null): string {
  return n === null ? '空白' : String(n);
}

function failureLines(result: CheckResult, index: number): string[] {
  const lines = [`  ${index}. ${result.title}（${result.id}）`];
  if (result.equation && result.values) lines.push(`     ${result.equation}`, `     ${result.values}`);
  else lines.push(`     ${result.expression}`);
  // The values line and the message already give both sides; otherwise state them here.
  if (!result.values && !result.message && (result.left !== null || result.right !== null)) {
    lines.push(`     左边 ${numberText(result.left)}，右边 ${numberText(result.right)}`);
  }
  if (result.message) lines.push(`     ${result.message}`);
  lines.push(...result.cells.map(cellLine));
  return lines;
}

function warningLine(result: CheckResult): string {
  const detail = [result.values, result.message].filter(Boolean).join('；') || result.expression;
  return `  ! ${result.title}（${result.id}）：${detail}`;
}

/** Counts the blank cells named by blank-cell warnings, per table. */
function blankSummary(results: CheckResult[]): string | null {
  if (results.length === 0) return null;
  const perTable = new Map<string, number>();
  for (const r of results) {
    for (const cell of r.cells) {
      if (cell.of === 'current' && cell.value === null) perTable.set(cell.table, (perTable.get(cell.table) ?? 0) + 1);
    }
  }
  const parts = [...perTable.entries()].map(([table, n]) => `表${table} ${n} 个`);
  const total = [...perTable.values()].reduce((a, b) => a + b, 0);
  const head = total > 0 ? `空白单元格共 ${total} 个（${parts.join('，')}）` : `空白单元格提示 ${results.length} 项`;
  return `  ! ${head}：空白不是 0，确无此项的应填 0。（用 --json 查看每个单元格）`;
}

/** Renders the summary text (without a trailing newline). */
export function formatCheckSummary(report: CheckReport, heading: string[]): string {
  const failed = report.results.filter((r) => r.status === 'fail');
  const errors = failed.filter((r) => r.severity === 'error');
  const warnings = failed.filter((r) => r.severity === 'warning');
  const blanks = warnings.filter(isBlankCellResult);
  const others = warnings.filter((r) => !isBlankCellResult(r));
  const skipped = report.results.filter((r) => r.status === 'skipped').length;
  const passed = report.results.filter((r) => r.status === 'pass').length;
  const lines = [...heading, ''];
  if (errors.length) {
    lines.push(`错误（${errors.length} 项，须改正后方可发布）：`);
    errors.forEach((r, i) => lines.push(...failureLines(r, i + 1), ''));
  } else {
    lines.push('未发现错误。', '');
  }
  if (warnings.length) {
    lines.push(`警告（${warnings.length} 项，请核实）：`);
    lines.push(...others.map(warningLine));
    const blank = blankSummary(blanks);
    if (blank) lines.push(blank);
    lines.push('');
  }
  lines.push(`共核对 ${report.results.length} 项：通过 ${passed} 项，未核对 ${skipped} 项（所涉单元格均为空白、缺少上一年度报告或两年格式不同；原因见 --json）。`);
  lines.push(`检查结果：${report.hardFailures} 项错误，${report.warnings} 项警告`);
  return lines.join('\n');
}
