/**
 * Layout decisions the printed renderers (Word and PDF) share, so both set a report's title and
 * closing the same way: the printed width of a text in characters, where the title breaks, and
 * where the signature and the date stand (GB/T 9704).
 */
import { chineseDate } from '../core/report/dates.js';
import type { ReportDocument } from '../core/report/report-model.js';

/** Characters per title line (二号 22 pt in a 156 mm line). */
export const TITLE_LINE_CHARS = 20;

/** Printed width of a text in characters: CJK and full-width count 1, ASCII digits and letters ½. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * The lines of the title: broken after the agency name when it does not fit on one line, as
 * published reports print it (agency on the first line, 2019年政府信息公开工作年度报告 on the second).
 */
export function titleLines(report: ReportDocument): string[] {
  const title = report.title.trim();
  const agency = report.agency.name.trim();
  return title.length > TITLE_LINE_CHARS && agency && title.startsWith(agency) && title.length > agency.length
    ? [agency, title.slice(agency.length)]
    : [title];
}

/** A line of the closing and its distance from the right margin in body characters. */
export interface ClosingLine {
  text: string;
  rightChars: number;
}

/**
 * Signature and date (GB/T 9704 §7.3.5.2, without a seal): the signing agency two characters
 * from the right, the date below it starting two characters to the right of the signature's
 * first character; a date longer than that moves the signature instead. Empty when the report
 * has neither.
 */
export function closingLines(report: ReportDocument): ClosingLine[] {
  const signature = report.signature?.trim() || null;
  const date = report.issuedOn ? chineseDate(report.issuedOn) : null;
  if (!signature && !date) return [];
  const s = signature ? printedWidth(signature) : 0;
  const d = date ? printedWidth(date) : 0;
  let signatureRight = 2;
  let dateRight = s - d;
  if (!signature || dateRight < 2) {
    dateRight = 2;
    signatureRight = Math.max(2, d - s + 4);
  }
  return [
    ...(signature ? [{ text: signature, rightChars: signatureRight }] : []),
    ...(date ? [{ text: date, rightChars: dateRight }] : []),
  ];
}
