/**
 * The audit as CSV: the per-report rows, and the problems as a second file. UTF-8 with a byte
 * order mark, so Excel opens the Chinese text correctly; CRLF line ends and quoting as RFC 4180.
 */
import { cellText, PROBLEM_COLUMNS, REPORT_COLUMNS, type AuditColumn } from './audit-columns.js';
import type { AuditResult } from './audit-run.js';

const BOM = '\ufeff';

/** Quotes a field when needed; text a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv<T>(columns: Array<AuditColumn<T>>, rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellText(c, row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The per-report CSV (one row per file). */
export function auditCsv(audit: AuditResult): string {
  return csv(REPORT_COLUMNS, audit.rows);
}

/** The problems CSV (one row per failed check or unread cell, with its evidence). */
export function auditProblemsCsv(audit: AuditResult): string {
  return csv(PROBLEM_COLUMNS, audit.problems);
}

/** Where the problems CSV goes next to the report CSV: 核查.csv → 核查-问题.csv. */
export function problemsCsvPath(path: string): string {
  return /\.csv$/i.test(path) ? path.replace(/\.csv$/i, '-问题.csv') : `${path}-问题.csv`;
}
