/**
 * The annual report as structured data: agency, year, format, date of issue, the six sections'
 * text and every cell. A blank cell (null) is distinct from 0 everywhere.
 */
import type { FormatId, SectionKey, TableId } from '../format/format-types.js';

/** An amount whose unit the format does not fix (2019 采购总金额: 165.51 万元). */
export interface AmountValue {
  amount: number;
  unit: string | null;
}

/** A placeholder written instead of a number ("/", "-", "—", "无"): kept as written, reported. */
export interface WrittenValue {
  written: string;
}

/** A cell: null = blank; a number; an amount with unit; or a placeholder as written. */
export type CellValue = number | null | AmountValue | WrittenValue;

/** Placeholders accepted in a number cell and kept as written. */
export const PLACEHOLDERS: readonly string[] = ['/', '／', '-', '－', '—', '–', '无'];

/** A sub-part of a section, e.g. （一）主动公开情况. */
export interface SectionPart {
  heading: string;
  paragraphs: string[];
}

/** One of the six sections. Sections 二, 三 and 四 also carry their table (rendered after the text). */
export interface ReportSection {
  key: SectionKey;
  heading: string;
  paragraphs: string[];
  parts: SectionPart[];
}

/** A local row added to a table 二 block (e.g. 其他主动公开文件): kept, never dropped. */
export interface ExtraRow {
  table: TableId;
  block: string;
  label: string;
  values: Record<string, CellValue>;
}

/** The report document. `cells` has every cell of the format, blank ones as null. */
export interface ReportDocument {
  format: FormatId;
  agency: { name: string };
  year: number;
  title: string;
  /** Date of issue (成文日期), YYYY-MM-DD, or null while a draft has none. */
  issuedOn: string | null;
  /** Paragraphs before section 一 (legal basis, statistical period, where to get the report). */
  preamble: string[];
  sections: ReportSection[];
  /** The signing agency printed above the date (落款). */
  signature: string | null;
  cells: Record<string, CellValue>;
  extraRows: ExtraRow[];
}

/** Whether a value is an amount with unit. */
export function isAmount(v: CellValue): v is AmountValue {
  return typeof v === 'object' && v !== null && 'amount' in v;
}

/** Whether a value is a placeholder kept as written. */
export function isWritten(v: CellValue): v is WrittenValue {
  return typeof v === 'object' && v !== null && 'written' in v;
}

/** The number a cell contributes to a sum; blanks and placeholders contribute nothing (null). */
export function numericValue(v: CellValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (isAmount(v)) return v.amount;
  return null;
}

/** Formats a cell value as printed in the report: blank as empty text, amounts with their unit. */
export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (isAmount(v)) return `${v.amount}${v.unit ?? ''}`;
  return v.written;
}
