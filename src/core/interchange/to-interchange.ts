/**
 * Report → interchange JSON. Every cell of the format is written, blanks as null, so a consumer
 * sees each blank explicitly; local extra rows follow the cells of their block.
 */
import { formatCells, getFormat, rowPathOf } from '../format/registry.js';
import { isAmount, isWritten, type CellValue, type ReportDocument } from '../report/report-model.js';
import { INTERCHANGE_KIND, INTERCHANGE_VERSION, type InterchangeCell, type InterchangeReport } from './interchange-types.js';

function cellValue(v: CellValue): Pick<InterchangeCell, 'value' | 'unit'> {
  if (v === null || typeof v === 'number') return { value: v };
  if (isAmount(v)) return { value: v.amount, unit: v.unit };
  if (isWritten(v)) return { value: v.written };
  return { value: null };
}

/** Converts a report to the interchange document. */
export function toInterchange(report: ReportDocument): InterchangeReport {
  const format = getFormat(report.format);
  const cells: InterchangeCell[] = [];
  let lastBlock: string | null = null;
  const flushExtras = (blockKey: string | null) => {
    if (!blockKey) return;
    for (const extra of report.extraRows.filter((e) => e.block === blockKey)) {
      const table = format.tables.find((t) => t.blocks.some((b) => b.key === blockKey))!;
      const block = table.blocks.find((b) => b.key === blockKey)!;
      for (const column of block.columns) {
        cells.push({
          table: table.id, row: rowPathOf(block, { key: '', short: '', path: [extra.label] }),
          column: [...column.path], ...cellValue(extra.values[column.key] ?? null), extra: true,
        });
      }
    }
  };
  for (const cell of formatCells(format)) {
    if (cell.block.key !== lastBlock) flushExtras(lastBlock);
    lastBlock = cell.block.key;
    cells.push({ table: cell.table, row: cell.rowPath, column: cell.columnPath, ...cellValue(report.cells[cell.key] ?? null) });
  }
  flushExtras(lastBlock);
  return {
    kind: INTERCHANGE_KIND,
    version: INTERCHANGE_VERSION,
    format: format.id,
    agency: { name: report.agency.name },
    year: report.year,
    title: report.title,
    issuedOn: report.issuedOn,
    preamble: [...report.preamble],
    sections: report.sections.map((s) => ({
      key: s.key, heading: s.heading, paragraphs: [...s.paragraphs],
      parts: s.parts.map((p) => ({ heading: p.heading, paragraphs: [...p.paragraphs] })),
    })),
    signature: report.signature,
    cells,
  };
}
