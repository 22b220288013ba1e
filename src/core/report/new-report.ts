/**
 * A new, empty report for an agency and year: the canonical headings and every cell blank.
 */
import { formatCells, formatForYear, getFormat } from '../format/registry.js';
import type { FormatId } from '../format/format-types.js';
import type { CellValue, ReportDocument } from './report-model.js';

/** The canonical title: {agency}{year}年政府信息公开工作年度报告. */
export function defaultTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}

/** Creates an empty report; the format is the year's default unless one is given. */
export function newReport(agencyName: string, year: number, formatId?: FormatId): ReportDocument {
  const format = formatId ? getFormat(formatId) : formatForYear(year);
  const cells: Record<string, CellValue> = {};
  for (const cell of formatCells(format)) cells[cell.key] = null;
  return {
    format: format.id,
    agency: { name: agencyName },
    year,
    title: defaultTitle(agencyName, year),
    issuedOn: null,
    preamble: [],
    sections: format.sections.map((s) => ({ key: s.key, heading: s.heading, paragraphs: [], parts: [] })),
    signature: agencyName,
    cells,
    extraRows: [],
  };
}
