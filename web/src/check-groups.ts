/**
 * Orders check results for reading: failing hard rules first, then failing warnings; passes are
 * only counted and skipped rules listed last (a skip is not a pass).
 */
import type { CheckCell, CheckReport, CheckResult } from './api-types.js';
import { cellAddress } from './table-grid.js';

export interface CheckGroups {
  /** Failing hard rules (a report with any of these must not be published). */
  errors: CheckResult[];
  /** Failing soft rules, shown with their evidence. */
  warnings: CheckResult[];
  /** Rules that could not be evaluated (e.g. no previous-year report). */
  skipped: CheckResult[];
  passed: number;
}

/** Splits a check report into what to read first (hard failures), then warnings, then skips. */
export function groupCheckResults(report: CheckReport): CheckGroups {
  const groups: CheckGroups = { errors: [], warnings: [], skipped: [], passed: 0 };
  for (const result of report.results) {
    if (result.status === 'pass') groups.passed++;
    else if (result.status === 'skipped') groups.skipped.push(result);
    else if (result.severity === 'error') groups.errors.push(result);
    else groups.warnings.push(result);
  }
  return groups;
}

/** Address of a checked cell in this report's grid, or null for a cell of the previous year's report. */
export function checkCellAddress(cell: CheckCell): string | null {
  return cell.of === 'current' ? cellAddress(cell.table, cell.row, cell.column) : null;
}

/** The cells of a result by side of the equation (cells without a side go to `other`). */
export function cellsBySide(result: CheckResult): { left: CheckCell[]; right: CheckCell[]; other: CheckCell[] } {
  return {
    left: result.cells.filter((c) => c.side === 'left'),
    right: result.cells.filter((c) => c.side === 'right'),
    other: result.cells.filter((c) => c.side !== 'left' && c.side !== 'right'),
  };
}
