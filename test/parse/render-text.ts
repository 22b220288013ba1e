/**
 * Test helper: renders a report as the text forms reports are found in, derived from the official
 * table layout (layoutTable), so the TXT reader can be tested by round trip.
 *  - 'word': Word's “plain text” export — each cell of a grid row on its own line starting with a
 *    TAB, one empty cell for each cell merged down from a row above, rows separated by empty lines;
 *  - 'tsv': tab-separated grid rows, merged positions as empty fields.
 * Tables follow their section's text; the signature and the date of issue close the report.
 */
import type { TableId } from '../../src/core/format/format-types.js';
import { chineseDate } from '../../src/core/report/dates.js';
import type { ReportDocument } from '../../src/core/report/report-model.js';
import { layoutTable } from '../../src/render/table-layout.js';
import type { LayoutCell, TableLayout } from '../../src/render/table-layout-types.js';

export type TextForm = 'word' | 'tsv';

/** Places the cells of a layout on its grid: for every grid position, the cell covering it and whether it starts there. */
function grid(layout: TableLayout): Array<Array<{ cell: LayoutCell; origin: boolean } | null>> {
  const g: Array<Array<{ cell: LayoutCell; origin: boolean } | null>> = layout.rows.map(() => Array(layout.columnCount).fill(null));
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (g[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) g[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0 };
      }
      c += cell.colSpan;
    }
  });
  return g;
}

/** The lines of one table in the given form. */
export function tableLines(report: ReportDocument, table: TableId, form: TextForm): string[] {
  const g = grid(layoutTable(report, table));
  const lines: string[] = [];
  for (const row of g) {
    if (form === 'tsv') {
      lines.push(row.map((slot) => (slot?.origin ? slot.cell.text : '')).join('\t'));
      continue;
    }
    // Word: one line per cell starting in this row, one empty line-cell per cell merged down into it.
    const seen = new Set<LayoutCell>();
    for (const slot of row) {
      if (!slot || seen.has(slot.cell)) continue;
      seen.add(slot.cell);
      lines.push(`\t${slot.origin ? slot.cell.text : ''}`);
    }
    lines.push('');
  }
  lines.push('');
  return lines;
}

/** The whole report as text in the given form. */
export function renderText(report: ReportDocument, form: TextForm): string {
  const lines: string[] = [report.title, '', ...report.preamble];
  for (const section of report.sections) {
    lines.push(section.heading, ...section.paragraphs);
    for (const part of section.parts) lines.push(part.heading, ...part.paragraphs);
    if (section.key === '二' || section.key === '三' || section.key === '四') {
      if (form === 'tsv') lines.push('');
      lines.push(...tableLines(report, section.key, form));
    }
  }
  if (report.signature) lines.push('', report.signature);
  if (report.issuedOn) lines.push(chineseDate(report.issuedOn));
  return `${lines.join('\n')}\n`;
}
